// Schema 16: byPublished (every item's time) and byUnread (an unread item's time, from `n`, a copy of
// the time in the record) go; byState (['q', 'p']: read state, then time) lists each item once, and a
// record keeps its time once (docs/PERFORMANCE.md, "Stored bytes"). queries.ts reads the Unread
// filter as one range of it and all items as two, merged.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from './schema';
import type { ItemRecord } from './item-record';
import { forEachItemBatch } from './migrate-identities';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

export async function indexByState(tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  items.deleteIndex('byPublished' as never);
  items.deleteIndex('byUnread' as never);
  items.createIndex('byState', ['q', 'p']);
  // Writes issued without waiting for each (the upgrade transaction runs them in order, before the
  // next batch's read); the last, empty read comes after them all.
  await forEachItemBatch(tx, (records) => {
    for (const old of records) {
      const { n, ...r } = old as ItemRecord & { n?: number };
      void items.put({ ...r, q: n === undefined ? 1 : 0 });
    }
  });
}
