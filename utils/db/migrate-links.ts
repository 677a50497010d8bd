// Schema 17: byLink goes, and each source's identity map learns its items' link hashes (identities.ts
// linkHash), which the same-story look-up reads instead (link-table.ts). The records are only read
// (their link), not rewritten: the `l` they keep is no longer indexed and goes when an item is next
// written or deleted.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { NewsSchema, Schema13 } from './schema';
import { IdentityMap, linkHash } from './identities';

type UpgradeTx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

/** Records read per request (see migrate-schema-16.ts). */
const BATCH = 2000;

export async function addLinksToIdentities(tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  (items as unknown as IDBPTransaction<Schema13, ['items'], 'versionchange'>['store']).deleteIndex('byLink');
  const links = new Map<number, number>();
  let after: number | undefined;
  for (;;) {
    const batch = await items.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH);
    if (batch.length === 0) break;
    for (const r of batch) if (r.u) links.set(r.k!, linkHash(r.u));
    after = batch[batch.length - 1]!.k;
  }
  const identities = tx.objectStore('identities');
  const [keys, records] = await Promise.all([identities.getAllKeys(), identities.getAll()]);
  await Promise.all(records.map((r, i) => {
    const m = IdentityMap.decode(r);
    m.setLinks((k) => links.get(k) ?? 0);
    return identities.put(m.encode(), keys[i]!);
  }));
}
