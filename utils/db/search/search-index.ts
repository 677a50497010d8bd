// The search index, kept apart from the items and built after they are stored.
//
// Writing items queues them (searchQueue: one entry per transaction, in that transaction).
// `indexQueued` takes the queue in the order it was written, a batch at a time, and writes each batch
// as a segment: its items' store keys and times newest first, and per word one small array of item numbers. A batch and the removal of its
// queue entries are one transaction, so a worker killed mid-way leaves either the segment and a
// shorter queue or neither: the index is always consistent, and what is not in it yet is in the
// queue, which search scans. Small segments are merged (4 of a size into one), and segments are
// rebuilt from the live items when deleted items make up too much of them.
import { getItems as readItems, getItemsByKey } from '../items/item-reads';
import { knownKeyOf } from '../items/item-record';
import type { IDBPTransaction } from 'idb';
import type { Item } from '../../model';
import type { NewsSchema, NewsDb, QueueEntry, SegmentMeta } from '../schema';
import { buildSegment, type BuiltSegment } from '../../search/segment';
import { allWords, decodeDocs, encodeDocs } from '../../search/segment-docs';
import { clearDocs, docOf, entryName, takeDocs, type Doc } from './fresh-docs';
import { ALL_ITEMS_KEY } from '../counters';

/** A rebuilt segment holds at most this many items; bigger ones are split. */
export const MAX_SEGMENT = 8192;
/**
 * Queued items indexed into one segment: a big poll's items make one segment (or two), not a run of
 * small ones that four at a time are read again and rewritten to be merged.
 */
export const INDEX_BATCH = MAX_SEGMENT;
/** Items read per read-only transaction while a segment is gathered (pages' reads go in between). */
const READ_CHUNK = 2048;
/** Segments of one size class merged together. */
const MERGE_FAN_IN = 4;

const INDEX_STORES = ['items', 'counters', 'searchQueue', 'searchSegments', 'searchDocs', 'searchPostings'] as const;
type IndexTx = IDBPTransaction<NewsSchema, (typeof INDEX_STORES)[number][], 'readwrite'>;
/** Writing a segment needs no item: its transaction leaves the items store to the pages. */
const SEGMENT_STORES = ['searchQueue', 'searchSegments', 'searchDocs', 'searchPostings'] as const;
type SegmentTx = IDBPTransaction<NewsSchema, (typeof SEGMENT_STORES)[number][], 'readwrite'>;

const docOfStored = (it: Item): Doc => docOf(it, knownKeyOf(it)!);

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

export interface IndexOptions {
  batch?: number;
  /** Called between transactions; defaults to a macrotask so the sidebar's requests get their turn. */
  pause?: () => Promise<void>;
}

/** All of a word's postings keys: [word, time, segment] sorts between [word] and [word, []]. */
export function wordKeyRange(word: string): IDBKeyRange {
  return IDBKeyRange.bound([word], [word, []]);
}

/** Every word starting with `prefix`. */
export function prefixKeyRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound([prefix], [prefix + '\uffff']);
}

async function nextSegment(tx: SegmentTx): Promise<number> {
  const last = await tx.objectStore('searchSegments').openKeyCursor(null, 'prev');
  return last ? last.key + 1 : 1;
}

async function writeSegment(tx: SegmentTx, seg: number, b: BuiltSegment): Promise<SegmentMeta> {
  const meta: SegmentMeta = { seg, n: b.keys.length, maxT: b.t[0], minT: b.t[b.t.length - 1] };
  const postings = tx.objectStore('searchPostings');
  await Promise.all([
    tx.objectStore('searchSegments').put(meta),
    tx.objectStore('searchDocs').put(encodeDocs(seg, b.keys, b.t, b.postings.keys())),
    ...[...b.postings].map(([w, p]) => postings.put(p, [w, meta.maxT, seg])),
  ]);
  return meta;
}

/** Indexes live items (as read from the store: their keys known) in segments of at most MAX_SEGMENT, newest first. */
async function writeSegments(tx: SegmentTx, docs: Doc[]): Promise<void> {
  if (docs.length === 0) return;
  const sorted = [...docs].sort((a, b) => b.published - a.published);
  let seg = await nextSegment(tx);
  for (let i = 0; i < sorted.length; i += MAX_SEGMENT) await writeSegment(tx, seg++, buildSegment(sorted.slice(i, i + MAX_SEGMENT), (d) => d.key, (d) => d.words));
}

const stored = (got: Array<Item | undefined>): Item[] => got.filter((it): it is Item => !!it);

/** The item ids a queue entry holds. */
export function queuedIdsOf(key: readonly [number, string], entry: QueueEntry): string[] {
  return entry === 1 ? [key[1]] : entry;
}

type QueueStore = { getAllKeys(q?: IDBKeyRange | null, count?: number): Promise<Array<[number, string]>>; getAll(q?: IDBKeyRange | null, count?: number): Promise<QueueEntry[]> };

/** Every item id waiting in the queue (the search scans these one by one). */
export async function allQueuedIds(queue: QueueStore): Promise<Set<string>> {
  const [keys, entries] = await Promise.all([queue.getAllKeys(), queue.getAll()]);
  return new Set(entries.flatMap((e, i) => queuedIdsOf(keys[i]!, e)));
}

/**
 * Indexes one batch of the queue; returns how many queued items it took (0: the queue is empty).
 * The items' words come from memory (fresh-docs.ts) or from the items read in read-only transactions, then the segment and the removal of its queue
 * entries are one transaction, which a killed worker keeps or loses whole. An item whose text is
 * written meanwhile is queued again under a key of its own and indexed next (search checks each
 * candidate's own text); one deleted meanwhile is named in vain, as any item deleted after indexing.
 */
async function indexBatch(db: NewsDb, batch: number, pause: () => Promise<void>): Promise<number> {
  const queue = db.transaction('searchQueue').store;
  const [keys, entries] = await Promise.all([queue.getAllKeys(null, batch), queue.getAll(null, batch)]);
  // Whole entries, oldest first, until the batch is full (always at least one), and the entry that
  // names each item. An item queued twice (written again) is indexed once, as it is now: read back,
  // since two writes in one millisecond need not sort in the order they were made ('' = no entry).
  const lastEntry = new Map<string, string>();
  let taken = 0;
  let n = 0;
  while (taken < keys.length && (taken === 0 || n < batch)) {
    const got = queuedIdsOf(keys[taken]!, entries[taken]!);
    const name = entryName(keys[taken]!);
    got.forEach((id) => lastEntry.set(id, lastEntry.has(id) ? '' : name));
    n += got.length;
    taken++;
  }
  if (taken === 0) return 0;
  // The words of the new items this worker has just written are in memory; the rest are read back.
  const docs: Doc[] = [];
  const list = takeDocs(lastEntry.keys(), (id) => lastEntry.get(id)!, keys.slice(0, taken).map(entryName), docs);
  for (let i = 0; i < list.length; i += READ_CHUNK) {
    if (i > 0) await pause();
    docs.push(...stored(await readItems(db.transaction('items').store, list.slice(i, i + READ_CHUNK))).map(docOfStored));
  }
  const tx: SegmentTx = db.transaction([...SEGMENT_STORES], 'readwrite');
  await writeSegments(tx, docs);
  // Exactly the entries read: one queued meanwhile (a key between them, in the same millisecond) stays.
  const q = tx.objectStore('searchQueue');
  await Promise.all(keys.slice(0, taken).map((k) => q.delete(k)));
  await tx.done;
  return n;
}

const sizeClass = (n: number) => Math.floor(Math.log(Math.max(n, 1)) / Math.log(MERGE_FAN_IN));

/**
 * Which segments to rebuild next, if any: MERGE_FAN_IN segments of one size class (small ones
 * only, so the result stays within MAX_SEGMENT), or, when the segments hold many more items than
 * the store (deleted items), the longest-unbuilt ones below `cleanBelow` (rebuilt segments get new,
 * higher numbers, so a clean-up pass visits each segment once), as many as make up MAX_SEGMENT items.
 */
export function pickRebuild(segs: readonly SegmentMeta[], liveItems: number, cleanBelow = Infinity): SegmentMeta[] | undefined {
  const classes = new Map<number, SegmentMeta[]>();
  for (const s of segs) {
    if (s.n * MERGE_FAN_IN > MAX_SEGMENT) continue;
    const c = sizeClass(s.n);
    classes.set(c, [...(classes.get(c) ?? []), s]);
  }
  for (const group of classes.values()) {
    if (group.length >= MERGE_FAN_IN) return group.sort((a, b) => b.seg - a.seg).slice(0, MERGE_FAN_IN);
  }
  const indexed = segs.reduce((n, s) => n + s.n, 0);
  if (indexed <= liveItems * 1.25 + 256) return undefined;
  const oldest = segs.filter((s) => s.seg < cleanBelow).sort((a, b) => a.seg - b.seg);
  const pick: SegmentMeta[] = [];
  let n = 0;
  for (const s of oldest) {
    if (pick.length > 0 && n + s.n > MAX_SEGMENT) break;
    pick.push(s);
    n += s.n;
  }
  return pick.length ? pick : undefined;
}

/** Replaces segments by new ones built from those of their items that still exist. */
async function rebuild(tx: IndexTx, segs: SegmentMeta[]): Promise<void> {
  const docs = await Promise.all(segs.map((s) => tx.objectStore('searchDocs').get(s.seg)));
  const keys = new Set<number>();
  const postings = tx.objectStore('searchPostings');
  const deletes: Promise<unknown>[] = [];
  segs.forEach((s, i) => {
    const d = docs[i];
    for (const k of d ? decodeDocs(d).keys : []) if (k > 0) keys.add(k);
    for (const w of d ? allWords(d) : []) deletes.push(postings.delete([w, s.maxT, s.seg]));
    deletes.push(tx.objectStore('searchDocs').delete(s.seg), tx.objectStore('searchSegments').delete(s.seg));
  });
  await Promise.all(deletes);
  // (A rebuild's transaction holds the segment stores too, and the items it reads.)
  await writeSegments(tx as unknown as SegmentTx, stored(await getItemsByKey(tx.objectStore('items'), keys)).map(docOfStored));
}

/** One merge or clean-up step; false when there is nothing to do. */
async function maintainStep(db: NewsDb, cleanBelow: number): Promise<boolean> {
  const tx = db.transaction([...INDEX_STORES], 'readwrite');
  const [segs, all] = await Promise.all([tx.objectStore('searchSegments').getAll(), tx.objectStore('counters').get(ALL_ITEMS_KEY)]);
  const pick = pickRebuild(segs, all?.total ?? 0, cleanBelow);
  if (pick) await rebuild(tx, pick);
  await tx.done;
  return !!pick;
}

/** Merges and clean-ups per run at most (a bound, whatever else writes meanwhile). */
const MAX_STEPS = 64;

let chain: Promise<unknown> = Promise.resolve();

/**
 * Indexes everything queued, then merges and cleans up segments; one run at a time. Returns how
 * many queue entries it indexed.
 */
export function indexQueued(db: NewsDb, opts: IndexOptions = {}): Promise<number> {
  const run = chain.then(() => indexAll(db, opts));
  chain = run.catch(() => {});
  return run;
}

async function indexAll(db: NewsDb, opts: IndexOptions): Promise<number> {
  const batch = opts.batch ?? INDEX_BATCH;
  const pause = opts.pause ?? macrotask;
  let total = 0;
  for (;;) {
    const n = await indexBatch(db, batch, pause);
    total += n;
    if (n === 0) break;
    await pause();
  }
  clearDocs();
  const last = await db.transaction('searchSegments').store.openKeyCursor(null, 'prev');
  const cleanBelow = last ? last.key + 1 : 1;
  for (let i = 0; i < MAX_STEPS && (await maintainStep(db, cleanBelow)); i++) await pause();
  return total;
}
