// Schema 16 in one walk over the items (every record is read once and written once): the identity
// maps (migrate-identities.ts) and byState in place of byPublished and byUnread (migrate-time-indexes.ts).
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from '../schema';
import { IdentityMapsBuilder } from './migrate-identities';
import { indexByState, stateRecord } from './migrate-time-indexes';
import { forEachRecord } from './record-batches';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

export async function migrateToSchema16(db: IDBPDatabase<NewsSchema>, tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  indexByState(items);
  const maps = new IdentityMapsBuilder();
  // Each rewrite is issued without waiting: the upgrade transaction runs them in order.
  await forEachRecord(items, (r) => {
    maps.add(r);
    void items.put(stateRecord(r));
  });
  await maps.write(db);
}
