// Schema 13: the items become compact records (item-record.ts). The indexes are made anew over the
// records' short fields first, so the old records (which have none of them) are in none, and each
// rewritten record enters them once. An item keeps its id; only how it is stored changes, so the tags,
// the search index and queue, the notified and pending alerts and the reader's copies, all keyed by
// the id string, still name it.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Schema13 } from './legacy-schemas';
import type { LegacyItem } from './migrate-item-ids';
import { linkKey } from '../items/item-ids';
import { toRecord, type ItemRecord } from '../items/item-record';

type UpgradeTx = IDBPTransaction<Schema13, StoreNames<Schema13>[], 'versionchange'>;

export async function rewriteItemRecords(tx: UpgradeTx): Promise<void> {
  const items = tx.objectStore('items');
  for (const name of ['byPublished', 'bySource', 'byRead', 'byStarred', 'byBreaking', 'byLink']) {
    if (items.indexNames.contains(name as 'byLink')) items.deleteIndex(name as 'byLink');
  }
  items.createIndex('byPublished', 'p');
  items.createIndex('bySource', ['s', 'p']);
  items.createIndex('byUnread', 'n');
  items.createIndex('byStarred', 'sa');
  items.createIndex('byBreaking', 'ba');
  items.createIndex('byLink', 'l');
  // Requests are issued without waiting for each: the upgrade transaction runs them in order. A record
  // moved to its 8-byte key sorts after every string key, where the walk stops.
  let cursor = await items.openCursor();
  while (cursor && typeof cursor.key === 'string') {
    const old = cursor.value as unknown as LegacyItem;
    if ('sourceId' in old) {
      const { topics: _t, topicKeys: _k, guid: _g, starredAt: _s, breakingAt: _b, ...it } = old;
      // The record as schemas 13 to 15 kept it: `n`, a copy of the time while unread, where today's has `q`
      // (schema 16), and `l`, the link's hash for byLink (schema 17 has no byLink).
      const { q, ...rec } = toRecord(it) as ItemRecord & { n?: number };
      if (q === 0) rec.n = rec.p;
      if (rec.u) rec.l = linkKey(rec.u);
      if (rec.id === cursor.key) void cursor.update(rec as never);
      else {
        void cursor.delete();
        void items.put(rec as never);
      }
    }
    cursor = await cursor.continue();
  }
}
