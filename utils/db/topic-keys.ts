// Fields kept only for indexes. The topic filter's keys: "topicId time", so a topic's range in
// byTopicTime is in time order; starredAt / breakingAt for the Starred and Breaking indexes.
import type { Item } from '../model';

/** A time as a fixed-width string, so keys sort in time order. */
export function timeKey(published: number): string {
  return Math.max(0, Math.floor(published)).toString(36).padStart(11, '0');
}

export function topicKeysOf(it: Pick<Item, 'topics' | 'published'>): string[] {
  return it.topics.map((t) => `${t} ${timeKey(it.published)}`);
}

/**
 * The item with the fields only indexes read, derived from the rest: its topic keys, and its time
 * under starredAt / breakingAt only when it is starred / breaking. A field left out puts no entry in
 * its index, so the Starred and Breaking indexes hold only the few items they list, not every item.
 */
export function withIndexKeys(it: Item): Item {
  const next: Item = { ...it };
  const keys = topicKeysOf(it);
  if (keys.length) next.topicKeys = keys;
  else delete next.topicKeys;
  if (it.starred === 1) next.starredAt = it.published;
  else delete next.starredAt;
  if (it.breaking === 1) next.breakingAt = it.published;
  else delete next.breakingAt;
  return next;
}

export function topicRange(topicId: string, untilPublished = Infinity): IDBKeyRange {
  const upper = Number.isFinite(untilPublished) ? `${topicId} ${timeKey(untilPublished)}` : `${topicId} \uffff`;
  return IDBKeyRange.bound(`${topicId} `, upper);
}
