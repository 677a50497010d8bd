// Schema 16 in one walk over the items (every record is read once and written once): the identity
// maps (migrate-identities.ts) and byState in place of byPublished and byUnread (migrate-time-indexes.ts).
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from './schema';
import { IdentityMapsBuilder } from './migrate-identities';
import { indexByState, stateRecord } from './migrate-time-indexes';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

/** Records read per request: one request per record (a cursor) cost ~0.5 ms each in Chromium. */
const BATCH = 2000;

export async function migrateToSchema16(db: IDBPDatabase<NewsSchema>, tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  indexByState(items);
  const maps = new IdentityMapsBuilder();
  // Writes are issued without waiting for each: the upgrade transaction runs them in order, before
  // the next batch's read, and the last (empty) read comes after them all.
  let after: number | undefined;
  for (;;) {
    const batch = await items.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH);
    if (batch.length === 0) break;
    for (const r of batch) {
      maps.add(r);
      void items.put(stateRecord(r));
    }
    after = batch[batch.length - 1]!.k;
  }
  await maps.write(db);
}
