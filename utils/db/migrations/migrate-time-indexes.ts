// Schema 16: byPublished (every item's time) and byUnread (an unread item's time, from `n`, a copy of
// the time in the record) go; byState (['q', 'p']: read state, then time) lists each item once, and a
// record keeps its time once (docs/PERFORMANCE.md, "Stored bytes"). queries.ts reads the Unread
// filter as one range of it and all items as two, merged.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { NewsSchema } from '../schema';
import type { ItemRecord } from '../items/item-record';

type ItemsStore = IDBPObjectStore<NewsSchema, StoreNames<NewsSchema>[], 'items', 'versionchange'>;

/** Swaps the indexes: their entries come as each record is rewritten (stateRecord). */
export function indexByState(items: ItemsStore): void {
  items.deleteIndex('byPublished' as never);
  items.deleteIndex('byUnread' as never);
  items.createIndex('byState', ['q', 'p']);
}

/** A record of schemas 13 to 15 (unread: `n`, a copy of the time) as schema 16 keeps it (`q`). */
export function stateRecord(old: ItemRecord & { n?: number }): ItemRecord {
  const { n, ...r } = old;
  return { ...r, q: n === undefined ? 1 : 0 };
}
