// Topic tags, kept apart from the items: one small record per tagged item, { id, keys }, whose
// keys [topicId, published] feed the multiEntry index byTopicTime, so a topic's range lists its items
// newest first. Tagging or un-tagging an item writes only its tag record, never the item. One record
// per item, not one per (topic, item): IndexedDB's cost is per request, and an item matched by ten
// topics would cost ten puts (docs/PERFORMANCE.md, "Topic matching").
import type { Item } from '../model';
import type { NewsDb } from './schema';
import { getItems } from './items/item-reads';
import { isMuteId } from '../mutes/ids';

export interface TagRecord {
  /** The item's id. */
  id: string;
  /**
   * [topicId, the item's published time], one per topic the item matched, and [muteRuleId, time] per
   * mute rule that hides it (ids "m-...": utils/mutes/ids.ts), so a rule's range lists what it hides.
   * Never empty.
   */
  keys: Array<[string, number]>;
}

/** The part of a transaction that reads tags (any transaction that includes 'tags'). */
export interface TagReader {
  objectStore(name: 'tags'): { get(id: string): Promise<TagRecord | undefined> };
}

export function topicsOfRecord(r: TagRecord | undefined): string[] {
  return r ? r.keys.map((k) => k[0]).filter((id) => !isMuteId(id)) : [];
}

/** The mute rules that hide the item, from its tag record. */
export function mutesOfRecord(r: TagRecord | undefined): string[] {
  return r ? r.keys.map((k) => k[0]).filter(isMuteId) : [];
}

/** The tag record of an item with these topics and mutes (undefined when it has none: no record is kept). */
export function tagRecordOf(it: Pick<Item, 'id' | 'published'>, topics: readonly string[], muted: readonly string[] = []): TagRecord | undefined {
  const ids = muted.length ? [...topics, ...muted] : topics;
  return ids.length ? { id: it.id, keys: ids.map((t) => [t, it.published]) } : undefined;
}

/** A topic's entries in byTopicTime published up to `until` (oldest to newest). */
export function topicTagRange(topicId: string, until = Infinity): IDBKeyRange {
  return IDBKeyRange.bound([topicId, -Infinity], [topicId, until]);
}

/** The items with `topics` and `muted` filled from their tags (for the rows shown: chips, highlights, alerts). */
export async function withTopicsOf<T extends Item>(tx: TagReader, items: T[]): Promise<T[]> {
  const recs = await Promise.all(items.map((it) => tx.objectStore('tags').get(it.id)));
  return items.map((it, i) => ({ ...it, topics: topicsOfRecord(recs[i]), muted: mutesOfRecord(recs[i]) }));
}

/** Stored items by id with their topics (undefined where none is stored), in one read transaction. */
export async function getItemsWithTopics(db: NewsDb, ids: string[]): Promise<Array<Item | undefined>> {
  const tx = db.transaction(['items', 'tags']);
  const found = await getItems(tx.objectStore('items'), ids);
  const filled = await withTopicsOf(tx, found.filter((it): it is Item => !!it));
  const byId = new Map(filled.map((it) => [it.id, it]));
  return ids.map((id) => byId.get(id));
}

/** One stored item with its topics. */
export async function getItemWithTopics(db: NewsDb, id: string): Promise<Item | undefined> {
  return (await getItemsWithTopics(db, [id]))[0];
}

/**
 * The topics of these items, from one read over the tags between the smallest and largest id, not
 * one look-up each: a poll's or a chunk's items share their source's id prefix, so the span is small.
 */
export async function topicsOfIds(tx: { objectStore(name: 'tags'): { getAll(q: IDBKeyRange): Promise<TagRecord[]> } }, ids: readonly string[]): Promise<Map<string, string[]>> {
  return idsOfTags(tx, ids, topicsOfRecord);
}

/** The mutes of these items, read as topicsOfIds reads their topics. */
export function mutesOfIds(tx: { objectStore(name: 'tags'): { getAll(q: IDBKeyRange): Promise<TagRecord[]> } }, ids: readonly string[]): Promise<Map<string, string[]>> {
  return idsOfTags(tx, ids, mutesOfRecord);
}

async function idsOfTags(tx: { objectStore(name: 'tags'): { getAll(q: IDBKeyRange): Promise<TagRecord[]> } }, ids: readonly string[], pick: (r: TagRecord) => string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const sorted = [...ids].sort();
  for (const r of await tx.objectStore('tags').getAll(IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]))) {
    if (out.has(r.id)) out.set(r.id, pick(r));
  }
  return out;
}
