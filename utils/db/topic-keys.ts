// The topic filter's index keys: "topicId time", so a topic's range in byTopicTime is in time order.
import type { Item } from '../model';
import { timeKey } from '../search/word-keys';

export function topicKeysOf(it: Pick<Item, 'topics' | 'published'>): string[] {
  return it.topics.map((t) => `${t} ${timeKey(it.published)}`);
}

export function topicRange(topicId: string, untilPublished = Infinity): IDBKeyRange {
  const upper = Number.isFinite(untilPublished) ? `${topicId} ${timeKey(untilPublished)}` : `${topicId} \uffff`;
  return IDBKeyRange.bound(`${topicId} `, upper);
}
