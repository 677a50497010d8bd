// The one way items are written: `writeItems` opens the transaction, the ItemWriter it hands out
// derives the topic keys, keeps the counters and queues changed text for the search index, and the
// counters are flushed in that same transaction before it commits. A worker killed mid-way leaves
// all of it or none of it.
import type { IDBPTransaction } from 'idb';
import type { Item } from '../model';
import type { NewsSchema, NewsDb } from './schema';
import { CounterBatch } from './counters';
import { withIndexKeys } from './topic-keys';

export const ITEM_STORES = ['items', 'counters', 'searchQueue', 'sources', 'pendingAlerts'] as const;
export type ItemTx = IDBPTransaction<NewsSchema, (typeof ITEM_STORES)[number][], 'readwrite'>;

/** Does the search index need to see this item (again)? */
function textChanged(before: Item | undefined, after: Item): boolean {
  return !before || before.title !== after.title || before.summaryHtml !== after.summaryHtml || before.contentHtml !== after.contentHtml || before.published !== after.published;
}

export class ItemWriter {
  readonly counts = new CounterBatch();

  constructor(readonly tx: ItemTx) {}

  /** Writes `after` (which replaces `before`, if it existed). */
  put(before: Item | undefined, after: Item): Promise<unknown> {
    // Index-only fields derived here, so no write can leave them stale.
    const next = withIndexKeys(after);
    this.counts.change(before, next);
    const put = this.tx.objectStore('items').put(next);
    return textChanged(before, next) ? Promise.all([put, this.tx.objectStore('searchQueue').put(1, [next.published, next.id])]) : put;
  }

  /** Deletes an item; the search index drops it when it next rebuilds the segment that holds it. */
  delete(before: Item): Promise<unknown> {
    this.counts.change(before, undefined);
    return this.tx.objectStore('items').delete(before.id);
  }
}

/**
 * Runs `work` in one read-write transaction over the item stores, then writes the counters it
 * changed and waits for the commit. `work` may only wait on requests of this transaction.
 */
export async function writeItems<T>(db: NewsDb, work: (w: ItemWriter, tx: ItemTx) => Promise<T>): Promise<T> {
  const tx = db.transaction([...ITEM_STORES], 'readwrite');
  const writer = new ItemWriter(tx);
  const out = await work(writer, tx);
  await writer.counts.flush(tx.objectStore('counters'));
  await tx.done;
  return out;
}
