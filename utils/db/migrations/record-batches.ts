// Every item record in key order, read 2,000 at a time: how the migrations that look at each record
// walk the store (one request per record, a cursor, cost ~0.5 ms each in Chromium).
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { NewsSchema } from '../schema';
import type { ItemRecord } from '../items/item-record';

const BATCH = 2000;

type ItemsStore = IDBPObjectStore<NewsSchema, StoreNames<NewsSchema>[], 'items', 'versionchange'>;

/**
 * Hands each record to `each`. Requests `each` issues without waiting (writes) run in order before
 * the next batch's read, and the last (empty) read comes after them all.
 */
export async function forEachRecord(items: ItemsStore, each: (r: ItemRecord) => void): Promise<void> {
  let after: number | undefined;
  for (;;) {
    const batch = await items.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH);
    if (batch.length === 0) return;
    for (const r of batch) each(r);
    after = batch[batch.length - 1]!.k;
  }
}
