// Counts kept up to date by every write, because counting through an index is not cheap in
// Chromium: it walks every entry (about 1 s for 66,000 unread items), and it holds up every other
// request to the store meanwhile. The sidebar's filter counts and the badge read these instead.
import { fromRecord } from './items/item-record';
import type { Item } from '../model';
import type { NewsDb } from './schema';
import { mutesOfRecord, topicsOfRecord, type TagRecord } from './tags';

/** The 'counters' store of a read-write transaction (structural, so any transaction's store fits). */
export interface CounterStore {
  get(key: string): Promise<Counter | undefined>;
  put(value: Counter): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

export interface Counter {
  /** 'all', `s:${sourceId}` or `t:${topicId}`. */
  key: string;
  total: number;
  unread: number;
  starred: number;
  /** Unread items matched by a topic that notifies (the "topic alerts" badge mode). */
  unreadAlerts: number;
  /**
   * Unread articles, every report of a story counted (the badge's "count articles" setting); `unread`
   * and `unreadAlerts` count rows: in all items a story's folded reports are no row. Absent where it
   * equals `unread` (and in counters kept before schema 18, when no report was folded).
   */
  unreadArticles?: number;
  /** Rows in the list (a story once): absent where it equals `total`, the items kept. */
  rows?: number;
}

type Tally = Required<Omit<Counter, 'key'>>;
const ZERO: Tally = { total: 0, unread: 0, starred: 0, unreadAlerts: 0, unreadArticles: 0, rows: 0 };
const FIELDS = Object.keys(ZERO) as Array<keyof Tally>;

/** Unread articles are kept only where they differ from the unread rows (where a story folds reports). */
function compact(c: Counter): Counter {
  if (c.unreadArticles === c.unread) delete c.unreadArticles;
  if (c.rows === c.total) delete c.rows;
  return c;
}

/** The rows a counter's bucket lists (kept only where they differ from its items). */
export const listRowsOf = (c: Counter | undefined): number => c?.rows ?? c?.total ?? 0;

/** A counter's unread articles (older counters lack the field: see Counter). */
export const unreadArticlesOf = (c: Counter | undefined): number => c?.unreadArticles ?? c?.unread ?? 0;

// The counters' keys, each named for the items its counter counts. The strings are on users' disks
// (the 'counters' store): never change one without a migration (tests/unit/db/counter-keys.test.ts).
/** Every item kept. */
export const ALL_ITEMS_KEY = 'all';
/** The items of one source. */
export const sourceItemsKey = (sourceId: string) => `s:${sourceId}`;
/** The items one topic matches. */
export const topicItemsKey = (topicId: string) => `t:${topicId}`;
/** Every muted item ("Show muted (N)"). */
export const MUTED_ITEMS_KEY = 'muted';
/** The items one mute rule hides. */
export const ruleMutedItemsKey = (ruleId: string) => `m:${ruleId}`;

const isMutedItemsKey = (key: string) => key === MUTED_ITEMS_KEY || key.startsWith('m:');

/** The buckets an item counts in; its topics and mutes are its tags (filled in by the writer). */
function bucketsOf(it: Item): string[] {
  const out = [ALL_ITEMS_KEY, sourceItemsKey(it.sourceId), ...(it.topics ?? []).map(topicItemsKey)];
  if (it.muted?.length) out.push(MUTED_ITEMS_KEY, ...it.muted.map(ruleMutedItemsKey));
  return out;
}

/**
 * What an item adds to a bucket. A report folded into its story's row is no row in all items (nor in a
 * topic: its story's row carries its topics): there it counts as an item kept, an unread article and,
 * while starred, in the Starred filter, which lists it. In its own source's filter it is a row like any other.
 */
function tallyOf(it: Item, key: string): Tally {
  // A muted item is kept (retention counts it) but is no row, unread, starred or alert anywhere but
  // in the muted buckets themselves.
  if (it.muted?.length && !isMutedItemsKey(key)) return { ...ZERO, total: 1 };
  const unread = it.read === 0 ? 1 : 0;
  const starred = it.starred ? 1 : 0;
  if (it.folded === 1 && key === ALL_ITEMS_KEY) return { ...ZERO, total: 1, starred, unreadArticles: unread };
  return { total: 1, unread, starred, unreadAlerts: it.alert && unread ? 1 : 0, unreadArticles: unread, rows: 1 };
}

/** Collects the count changes of a transaction's item writes; `flush` writes them in that transaction. */
export class CounterBatch {
  private readonly deltas = new Map<string, Tally>();

  private add(key: string, t: Tally, sign: 1 | -1) {
    const d = this.deltas.get(key) ?? { ...ZERO };
    for (const f of FIELDS) d[f] += sign * t[f];
    this.deltas.set(key, d);
  }

  /** An item went from `before` to `after` (undefined = did not exist / was deleted). */
  change(before: Item | undefined, after: Item | undefined): void {
    if (before) for (const k of bucketsOf(before)) this.add(k, tallyOf(before, k), -1);
    if (after) for (const k of bucketsOf(after)) this.add(k, tallyOf(after, k), 1);
  }

  /** Net items added to a bucket so far (not yet flushed). */
  addedTo(key: string): number {
    return this.deltas.get(key)?.total ?? 0;
  }

  async flush(store: CounterStore): Promise<void> {
    const writes = [...this.deltas].map(async ([key, d]) => {
      if (FIELDS.every((f) => !d[f])) return;
      const cur = (await store.get(key)) ?? { key, ...ZERO };
      const was: Tally = { ...ZERO, ...cur, unreadArticles: unreadArticlesOf(cur), rows: listRowsOf(cur) };
      const next: Counter = { key, ...ZERO };
      for (const f of FIELDS) next[f] = Math.max(0, was[f] + d[f]);
      compact(next);
      await (next.total === 0 && key !== ALL_ITEMS_KEY ? store.delete(key) : store.put(next));
    });
    this.deltas.clear();
    await Promise.all(writes);
  }
}

/** Counts of every bucket from scratch (a migration, or a repair after writes that bypassed the batch). */
export class Tallier {
  private readonly counters = new Map<string, Counter>([[ALL_ITEMS_KEY, { key: ALL_ITEMS_KEY, ...ZERO }]]);

  add(it: Item): void {
    for (const key of bucketsOf(it)) {
      const t = tallyOf(it, key);
      const c = (this.counters.get(key) ?? { key, ...ZERO }) as Required<Counter>;
      for (const f of FIELDS) c[f] += t[f];
      this.counters.set(key, c);
    }
  }

  result(): Counter[] {
    return [...this.counters.values()].map(compact);
  }
}

/** Items kept in all, from the 'all' counter. */
export async function countItems(db: NewsDb): Promise<number> {
  return (await db.get('counters', ALL_ITEMS_KEY))?.total ?? 0;
}

/** Stored items with their topics from every tag record, for a count from scratch. */
export function withAllTags(items: Item[], tags: ReadonlyArray<TagRecord>): Item[] {
  const byId = new Map(tags.map((r) => [r.id, r]));
  return items.map((it) => {
    const rec = byId.get(it.id);
    return { ...it, topics: topicsOfRecord(rec), muted: mutesOfRecord(rec) };
  });
}

/** Recounts every counter from the items and tags (after writes that bypassed the counters, e.g. a benchmark's seeding). */
export async function recountAll(db: NewsDb): Promise<void> {
  const tally = new Tallier();
  const tx = db.transaction(['items', 'tags', 'counters'], 'readwrite');
  const [items, tags] = await Promise.all([tx.objectStore('items').getAll(), tx.objectStore('tags').getAll()]);
  for (const it of withAllTags(items.map(fromRecord), tags)) tally.add(it);
  await tx.objectStore('counters').clear();
  await Promise.all(tally.result().map((c) => tx.objectStore('counters').put(c)));
  await tx.done;
}
