// Schema 16: new items go by their store key (item-ids.ts idOfStoreKey) and keep no id, so the
// dedupe finds a source's items through its identity map (identities.ts) instead of byId. The items
// stored before keep their ids (tags, alerts, reader copies and notes name them so); their ids are
// the hashes the maps hold, so each source's map is made from its records' ids.
import type { IDBPDatabase } from 'idb';
import type { NewsSchema } from '../schema';
import type { ItemRecord } from '../items/item-record';
import { IdentityMap, identityHashOfId } from '../items/identities';

/** Collects the maps from the records, then writes them to the new 'identities' store. */
export class IdentityMapsBuilder {
  private readonly maps = new Map<string | number, IdentityMap>();

  add({ id, s, k }: ItemRecord): void {
    const h = identityHashOfId(id);
    if (h === undefined) return;
    let m = this.maps.get(s);
    if (!m) this.maps.set(s, (m = new IdentityMap()));
    m.add(h, k!);
  }

  /** Creates the store and writes the maps (in the upgrade transaction, which runs them in order). */
  write(db: IDBPDatabase<NewsSchema>): Promise<unknown> {
    const store = db.createObjectStore('identities');
    return Promise.all([...this.maps].map(([s, m]) => store.put(m.encode(), s)));
  }
}
