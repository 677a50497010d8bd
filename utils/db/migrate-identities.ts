// Schema 16: new items go by their store key (item-record.ts idOfStoreKey) and keep no id, so the
// dedupe finds a source's items through its identity map (identities.ts) instead of byId. The items
// stored before keep their ids (tags, alerts, reader copies and notes name them so); their ids are
// the hashes the maps hold, so each source's map is made from its records' ids.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from './schema';
import type { ItemRecord } from './item-record';
import { IdentityMap, identityHashOfId } from './identities';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

/** Records read per request: one request per record (a cursor) took ~0.5 ms each in Chromium. */
const BATCH = 2000;

/** Every record of the items store, a batch at a time, in key order. */
export async function forEachItemBatch(tx: UpgradeTx, each: (records: ItemRecord[]) => void): Promise<void> {
  const items = tx.objectStore('items');
  let after: number | undefined;
  for (;;) {
    const batch = await items.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH);
    if (batch.length === 0) return;
    each(batch);
    after = batch[batch.length - 1]!.k;
  }
}

export async function mapItemIdentities(db: IDBPDatabase<NewsSchema>, tx: UpgradeTx): Promise<void> {
  const store = db.createObjectStore('identities');
  const maps = new Map<string | number, IdentityMap>();
  await forEachItemBatch(tx, (records) => {
    for (const { id, s, k } of records) {
      const h = identityHashOfId(id);
      if (h === undefined) continue;
      let m = maps.get(s);
      if (!m) maps.set(s, (m = new IdentityMap()));
      m.add(h, k!);
    }
  });
  // Issued without waiting for each: the upgrade transaction runs them in order.
  await Promise.all([...maps].map(([s, m]) => store.put(m.encode(), s)));
}
