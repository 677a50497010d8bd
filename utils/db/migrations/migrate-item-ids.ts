// Schema 4: every item moves to the id of its one identity (utils/normalize/ids.ts, in the form of
// schemas 4 to 11; schema 12 shortens it). Before, the id and
// the dedupe look-up were computed differently, so a store can hold one article under two records;
// those are merged here, keeping any read, starred, topic and notified state either of them had.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Item } from '../../model';
import type { Schema12 } from './legacy-schemas';
import { legacyItemIdFor } from '../../normalize/ids';
import { Tallier } from '../counters';

type UpgradeTx = IDBPTransaction<Schema12, StoreNames<Schema12>[], 'versionchange'>;

/**
 * An item as schemas 1 to 12 stored it: Item's fields by their names, its guid, from 2 to 10 its
 * topics inside it (from 3 on their keys for byTopicTime), from 10 on starredAt / breakingAt.
 */
export type LegacyItem = Item & { guid?: string; topics: string[]; topicKeys?: string[]; starredAt?: number; breakingAt?: number };

/** A time as a fixed-width string, so keys sort in time order (schemas 3 to 10). */
function timeKey(published: number): string {
  return Math.max(0, Math.floor(published)).toString(36).padStart(11, '0');
}

/** Keys of the byTopicTime index of schemas 3 to 10: "topicId time". */
export function legacyTopicKeys(it: Pick<LegacyItem, 'topics' | 'published'>): string[] {
  return (it.topics ?? []).map((t) => `${t} ${timeKey(it.published)}`);
}

type MergedItem = LegacyItem;

/** One item from two records of the same article: the newer text, and every mark the user or a topic left. */
export function mergeDuplicates(a: MergedItem, b: MergedItem): MergedItem {
  const [older, newer] = Math.max(a.updated, a.firstSeen) <= Math.max(b.updated, b.firstSeen) ? [a, b] : [b, a];
  const topics = [...new Set([...(older.topics ?? []), ...(newer.topics ?? [])])];
  const merged: MergedItem = {
    ...newer,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    updated: Math.max(a.updated, b.updated),
    read: a.read || b.read ? 1 : 0,
    starred: a.starred || b.starred ? 1 : 0,
    alert: a.alert || b.alert ? 1 : 0,
    breaking: a.breaking || b.breaking ? 1 : 0,
    topics,
  };
  if (a.sourceBreaking !== undefined || b.sourceBreaking !== undefined) merged.sourceBreaking = a.sourceBreaking || b.sourceBreaking ? 1 : 0;
  merged.topicKeys = legacyTopicKeys(merged);
  return merged;
}

export async function moveItemsToIdentityIds(tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  const notified = tx.objectStore('notified');
  let merged = false;
  // Moved records land at keys the cursor may still reach; they already have their right id then.
  let cursor = await items.openCursor();
  while (cursor) {
    const it = cursor.value;
    const id = legacyItemIdFor(it.sourceId, it);
    if (id !== it.id) {
      const there = await items.get(id);
      await cursor.delete();
      await items.put(there ? mergeDuplicates(there as LegacyItem, { ...(it as LegacyItem), id }) : { ...it, id });
      merged ||= !!there;
      const note = await notified.get(it.id);
      if (note) {
        await notified.delete(it.id);
        await notified.put({ itemId: id, at: note.at });
      }
    }
    cursor = await cursor.continue();
  }
  if (!merged) return; // moving alone changes no count
  const tally = new Tallier();
  let all = await items.openCursor();
  while (all) {
    tally.add(all.value);
    all = await all.continue();
  }
  const counters = tx.objectStore('counters');
  await counters.clear();
  for (const c of tally.result()) await counters.put(c);
}
