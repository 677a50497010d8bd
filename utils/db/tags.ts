// Topic tags, kept apart from the items: one small record per (topic, item), keyed
// [topicId, published, itemId] so a topic's tags are its items newest first (the topic filter walks
// them), with an index by item id to find one item's tags (its chips, its removal). Tagging or
// un-tagging an item writes only these records, never the item.
import type { Item } from '../model';
import type { NewsDb } from './schema';

export interface TagRecord {
  topic: string;
  /** The item's published time: the topic filter lists newest first. */
  time: number;
  item: string;
}

export type TagKey = [string, number, string];

/** The part of a transaction that reads tags (any transaction that includes 'tags'). */
export interface TagReader {
  objectStore(name: 'tags'): {
    index(name: 'byItem'): { getAllKeys(query: string): Promise<TagKey[]> };
  };
}

export function tagOf(topic: string, it: Pick<Item, 'id' | 'published'>): TagRecord {
  return { topic, time: it.published, item: it.id };
}

export function tagKeyOf(topic: string, it: Pick<Item, 'id' | 'published'>): TagKey {
  return [topic, it.published, it.id];
}

/** A topic's tags published up to `until` (its items oldest to newest in key order). */
export function topicTagRange(topicId: string, until = Infinity): IDBKeyRange {
  return IDBKeyRange.bound([topicId, -Infinity], [topicId, until, []]);
}

/** The keys of one item's tags. */
export function tagKeysOfItem(tx: TagReader, itemId: string): Promise<TagKey[]> {
  return tx.objectStore('tags').index('byItem').getAllKeys(itemId);
}

/** The items with `topics` filled from their tags (for the rows shown: chips, highlights, alerts). */
export async function withTopicsOf<T extends Item>(tx: TagReader, items: T[]): Promise<T[]> {
  const keys = await Promise.all(items.map((it) => tagKeysOfItem(tx, it.id)));
  return items.map((it, i) => ({ ...it, topics: keys[i].map((k) => k[0]) }));
}

/** Stored items by id with their topics (undefined where none is stored), in one read transaction. */
export async function getItemsWithTopics(db: NewsDb, ids: string[]): Promise<Array<Item | undefined>> {
  const tx = db.transaction(['items', 'tags']);
  const found = await Promise.all(ids.map((id) => tx.objectStore('items').get(id)));
  const filled = await withTopicsOf(tx, found.filter((it): it is Item => !!it));
  const byId = new Map(filled.map((it) => [it.id, it]));
  return ids.map((id) => byId.get(id));
}

/** One stored item with its topics. */
export async function getItemWithTopics(db: NewsDb, id: string): Promise<Item | undefined> {
  return (await getItemsWithTopics(db, [id]))[0];
}
