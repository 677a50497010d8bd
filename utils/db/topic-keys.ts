// The topic filter's index keys: "topicId time", so a topic's range in byTopicTime is in time order.
import type { Item } from '../model';

/** A time as a fixed-width string, so keys sort in time order. */
export function timeKey(published: number): string {
  return Math.max(0, Math.floor(published)).toString(36).padStart(11, '0');
}

export function topicKeysOf(it: Pick<Item, 'topics' | 'published'>): string[] {
  return it.topics.map((t) => `${t} ${timeKey(it.published)}`);
}

export function topicRange(topicId: string, untilPublished = Infinity): IDBKeyRange {
  const upper = Number.isFinite(untilPublished) ? `${topicId} ${timeKey(untilPublished)}` : `${topicId} \uffff`;
  return IDBKeyRange.bound(`${topicId} `, upper);
}
