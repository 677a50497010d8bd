// Schema 17: byLink goes, and each source's identity map learns its items' link hashes (identities.ts
// linkHash), which the same-story look-up reads instead (link-table.ts). The records are only read
// (their link), not rewritten: the `l` they keep is no longer indexed and goes when an item is next
// written or deleted.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema } from '../schema';
import { IdentityMap, linkHash } from '../items/identities';
import { forEachRecord } from './record-batches';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

export async function addLinksToIdentities(tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  items.deleteIndex('byLink' as never);
  const links = new Map<number, number>();
  await forEachRecord(items, (r) => {
    if (r.u) links.set(r.k!, linkHash(r.u));
  });
  const identities = tx.objectStore('identities');
  const [keys, records] = await Promise.all([identities.getAllKeys(), identities.getAll()]);
  await Promise.all(records.map((r, i) => {
    const m = IdentityMap.decode(r);
    m.setLinks((k) => links.get(k) ?? 0);
    return identities.put(m.encode(), keys[i]!);
  }));
}
