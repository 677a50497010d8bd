// The one way items are written: `writeItems` opens the transaction, the ItemWriter it hands out
// keeps the item's topic tags (tags.ts), the counters and the search queue with it, and the counters
// are flushed in that same transaction before it commits. A worker killed mid-way leaves all of it
// or none of it.
import { unwrap, type IDBPTransaction } from 'idb';
import type { Item } from '../../model';
import { storesOf, type NewsSchema, type NewsDb } from '../schema';
import { CounterBatch } from '../counters';
import { getItem, keyOfItem } from './item-reads';
import { idOfStoreKey, NEW_ITEM_ID } from './item-ids';
import { sameRecord, toRecord } from './item-record';
import { mutesOfRecord, tagRecordOf, topicsOfRecord } from '../tags';
import { StoryWrites } from '../stories/story-writes';
import { rememberDocs } from '../search/fresh-docs';

export const ITEM_STORES = ['items', 'tags', 'counters', 'searchQueue', 'sources', 'pendingAlerts', 'identities', 'stories', 'storyTerms', 'meta'] as const;
export type ItemTx = IDBPTransaction<NewsSchema, (typeof ITEM_STORES)[number][], 'readwrite'>;

/** Does the search index need to see this item (again)? */
function textChanged(before: Item | undefined, after: Item): boolean {
  return !before || before.title !== after.title || before.summaryHtml !== after.summaryHtml || before.contentHtml !== after.contentHtml || before.published !== after.published;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t) => b.includes(t));

/** Do the counters see a difference (read, starred, alert)? */
function tallyChanged(before: Item, after: Item): boolean {
  return before.read !== after.read || before.starred !== after.starred || before.alert !== after.alert;
}

export class ItemWriter {
  readonly counts = new CounterBatch();
  /** Item records written (tagging alone writes none). */
  itemsWritten = 0;
  /** Items whose text the search index must see: queued in one entry when the work is done. */
  readonly toIndex = new Set<string>();
  /** The store keys of the items deleted. */
  readonly deletedKeys = new Set<number>();
  /** New items (as last written here) with their store keys, for the search index's words once committed (fresh-docs.ts). */
  readonly added = new Map<string, { item: Item; key: number }>();
  /** The stories the written items belong to (story-writes.ts). */
  readonly stories: StoryWrites;
  /** The store key the next new item takes, once this transaction has learned it (see add). */
  private nextKey: number | undefined;
  /** New items' adds waiting for the store to tell their key. */
  private keyless = 0;
  /** Why the transaction was aborted from here (an add that did not take the key counted for it). */
  failure: Error | undefined;

  constructor(readonly tx: ItemTx) {
    this.stories = new StoryWrites(tx, this);
  }

  /**
   * Writes `after` (which replaces `before`, if it existed). `after.topics` absent keeps the item's
   * tags; a list makes them exactly that list. `before.topics`, when given, must be its current tags
   * (else they are looked up, when needed). The item record is written only if it changed. A new item
   * whose id is NEW_ITEM_ID takes its store key as id. Resolves to the item as written (with its id).
   */
  async put(before: Item | undefined, after: Item): Promise<Item> {
    if (!before && after.id === NEW_ITEM_ID) return this.add(after);
    const { topics: wanted, muted: wantedMuted, ...record } = after;
    if (record.story !== undefined) this.stories.written(record.story);
    const moved = !!before && before.published !== record.published;
    const tags = this.tx.objectStore('tags');
    // The item's topics and mutes before, when they matter: to change them, re-key them or count them
    // (a muted item counts differently, so a change of its folding needs them too).
    let was: string[] = [];
    let wasMuted: string[] = [];
    if (before && (wanted !== undefined || wantedMuted !== undefined || moved || tallyChanged(before, record) || before.folded !== record.folded)) {
      const rec = before.topics && before.muted ? undefined : await tags.get(before.id);
      was = before.topics ?? topicsOfRecord(rec);
      wasMuted = before.muted ?? mutesOfRecord(rec);
    }
    const now = wanted ?? was;
    const nowMuted = wantedMuted ?? wasMuted;
    this.counts.change(before && { ...before, topics: was, muted: wasMuted }, { ...record, topics: now, muted: nowMuted });
    const writes: Promise<unknown>[] = [];
    if (moved || !sameIds(now, was) || !sameIds(nowMuted, wasMuted)) {
      const rec = tagRecordOf(record, now, nowMuted);
      writes.push(rec ? tags.put(rec) : tags.delete(record.id));
    }
    // The record (item-record.ts) derives its index fields, so no write can leave them stale. A new
    // item gets the store's next number; a stored one keeps its own.
    const items = this.tx.objectStore('items');
    const changed = !before || !sameRecord(toRecord(before), toRecord(record));
    if (changed) {
      this.itemsWritten++;
      const key = before && (await keyOfItem(items, before));
      writes.push(key === undefined ? items.add(toRecord(record)) : items.put(toRecord(record, key)));
    }
    if (textChanged(before, record)) {
      this.toIndex.add(record.id);
      const a = this.added.get(record.id);
      if (a) a.item = record;
    }
    writes.forEach(issued);
    return after;
  }

  /**
   * A new item: its record first, for the store key that is its id, then its tags. The transaction's
   * first new items wait for the store's key generator to tell their keys; the keys of the ones after
   * are counted on from there (the generator gives one more per add, in the order the adds are made,
   * and nothing else adds items while this read-write transaction runs), so a poll's sources follow
   * each other without a round trip to the database between them. The store still gives every key
   * (none is written into the record): each is checked when it comes, and one that differs aborts
   * the transaction.
   */
  private async add(after: Item): Promise<Item> {
    let k = this.keyless === 0 ? this.nextKey : undefined;
    if (k !== undefined) {
      const counted = k;
      this.nextKey = k + 1;
      issued(addRecord(this.tx, toRecord(after)).then((given) => given === counted || this.abort(new Error(`Newsbar counted store key ${counted} for a new article, the store gave ${given}`))));
    } else {
      this.keyless++;
      try {
        k = await addRecord(this.tx, toRecord(after));
      } finally {
        this.keyless--;
      }
      this.nextKey = Math.max(this.nextKey ?? 0, k + 1);
    }
    this.itemsWritten++;
    const it: Item = { ...after, id: idOfStoreKey(k) };
    const { topics = [], muted = [], ...record } = it;
    this.counts.change(undefined, { ...record, topics, muted });
    const rec = tagRecordOf(record, topics, muted);
    if (rec) issued(this.tx.objectStore('tags').put(rec));
    this.toIndex.add(it.id);
    this.added.set(it.id, { item: it, key: k });
    return it;
  }

  private abort(why: Error): void {
    this.failure ??= why;
    try {
      this.tx.abort();
    } catch {
      // already finished
    }
  }

  /** Deletes an item and its tags; the search index drops it when it next rebuilds the segment that holds it. */
  async delete(stale: Item): Promise<void> {
    const items = this.tx.objectStore('items');
    // A story's report may have become its row earlier in this transaction (the lead was deleted first).
    const before = stale.story !== undefined ? ((await getItem(items, stale.id)) ?? stale) : stale;
    if (before.story !== undefined) await this.stories.leave(before, false);
    const tags = this.tx.objectStore('tags');
    const rec = await tags.get(before.id);
    this.counts.change({ ...before, topics: topicsOfRecord(rec), muted: mutesOfRecord(rec) }, undefined);
    const key = await keyOfItem(items, before);
    if (key !== undefined) this.deletedKeys.add(key);
    this.added.delete(before.id);
    await Promise.all([rec ? tags.delete(before.id) : undefined, key === undefined ? undefined : items.delete(key)]);
  }
}

/**
 * A write nothing waits for: requests run in order inside their transaction, so a later read sees it,
 * and if it fails the transaction aborts and its commit (writeItems) reports why.
 */
function issued(write: Promise<unknown>): void {
  write.catch(() => {});
}

/**
 * A new item record's add, without idb's wrapper (a promise with two listeners added and removed per
 * request, a tenth of the worker's time on a poll's 10,000 adds); resolves to its store key.
 */
function addRecord(tx: ItemTx, record: ReturnType<typeof toRecord>): Promise<number> {
  const req = unwrap(tx.objectStore('items')).add(record);
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as number);
    req.onerror = () => reject(req.error);
  });
}

/**
 * One search queue entry for all the items a transaction wrote: one request instead of one per item
 * (as many as the item writes themselves). The key sorts by when it was written.
 */
function queueForSearch(tx: ItemTx, ids: ReadonlySet<string>): Promise<[number, string]> | undefined {
  if (ids.size === 0) return undefined;
  return tx.objectStore('searchQueue').put([...ids], [Date.now(), crypto.randomUUID()]);
}

/**
 * Runs `work` in one read-write transaction over the item stores, then writes the counters it
 * changed and waits for the commit. `work` may only wait on requests of this transaction.
 */
export async function writeItems<T>(db: NewsDb, work: (w: ItemWriter, tx: ItemTx) => Promise<T>): Promise<T> {
  // Relaxed: the commit does not wait for the disk to flush. A power cut may lose the last few
  // transactions, each whole (items, counters and the source's validators together); a killed worker
  // loses nothing that committed.
  const tx = db.transaction(storesOf(db, ITEM_STORES), 'readwrite', { durability: 'relaxed' }) as unknown as ItemTx;
  // A write nothing waits for may abort the transaction while the work still runs: its commit is
  // awaited below, and until then its failure is not an unhandled one.
  tx.done.catch(() => {});
  const writer = new ItemWriter(tx);
  let out: T;
  let queued: [number, string] | undefined;
  try {
    out = await work(writer, tx);
    // Story changes may write items (a new row), so they go before the counters.
    await writer.stories.flush();
    [, queued] = await Promise.all([writer.counts.flush(tx.objectStore('counters')), queueForSearch(tx, writer.toIndex)]);
    await tx.done;
  } catch (e) {
    // A failed write leaves nothing behind (as a killed worker's uncommitted transaction does).
    try {
      tx.abort();
    } catch {
      // already finished
    }
    // A write nothing waited for (issued) that failed aborted the transaction: the requests after it
    // fail as aborted or inactive, and why (no room, for one) is the writer's or the transaction's error.
    throw writer.failure ?? tx.error ?? e;
  }
  // Only once committed: an aborted transaction gives its store keys back, to be taken by other items.
  if (queued) rememberDocs(queued, [...writer.added.values()]);
  return out;
}
