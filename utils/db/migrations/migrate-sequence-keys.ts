// Schema 14: the items move under sequence numbers (item-record.ts). A store's key path cannot change,
// so the records are read, the store is made anew with its indexes, and the records are written back
// oldest first (so the numbers follow time, and ties in an index keep the order of their ids). An item
// keeps its id, its flags and everything else; only its categories go (nothing read them), and its
// link's key becomes 30 bits of the hash (item-ids.ts linkKey). Tags, the
// search index and queue, notified and pending alerts and the reader's copies name items by id: unchanged.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from '../schema';
import type { Schema13 } from './legacy-schemas';
import { linkKey } from '../items/item-ids';
import type { ItemRecord } from '../items/item-record';

type Db = IDBPDatabase<NewsSchema>;
type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

/** The items store of schema 14 and its indexes (byPublished and byUnread until schema 16, byLink until 17). */
export function createItemsStore(db: Db) {
  const items = db.createObjectStore('items', { keyPath: 'k', autoIncrement: true });
  items.createIndex('byId', 'id', { unique: true });
  items.createIndex('byPublished' as never, 'p');
  items.createIndex('bySource', ['s', 'p']);
  items.createIndex('byUnread' as never, 'n');
  items.createIndex('byStarred', 'sa');
  items.createIndex('byBreaking', 'ba');
  items.createIndex('byLink' as never, 'l');
  return items;
}

export async function moveItemsToSequenceKeys(db: Db, tx: UpgradeTx): Promise<void> {
  const old = (tx as unknown as IDBPTransaction<Schema13, StoreNames<Schema13>[], 'versionchange'>).objectStore('items');
  // Oldest first, ties by id (the order schema 13's indexes gave them).
  const records = (await old.getAll()).sort((a, b) => a.p - b.p || indexedDB.cmp(a.id, b.id));
  db.deleteObjectStore('items');
  const items = createItemsStore(db);
  // Issued without waiting for each: the upgrade transaction runs them in order.
  let last: Promise<unknown> = Promise.resolve();
  for (const rec of records) {
    const { g: _categories, k: _k, ...next } = rec as ItemRecord & { g?: string[] };
    // The link's key is 30 bits of its hash now (53 before).
    if (next.u) next.l = linkKey(next.u);
    last = items.add(next);
  }
  await last;
}
