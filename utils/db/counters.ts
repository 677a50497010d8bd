// Counts kept up to date by every write, because counting through an index is not cheap in
// Chromium: it walks every entry (about 1 s for 66,000 unread items), and it holds up every other
// request to the store meanwhile. The sidebar's filter counts and the badge read these instead.
import { fromRecord } from './item-record';
import type { Item } from '../model';
import type { NewsDb } from './schema';

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
}

type Tally = Omit<Counter, 'key'>;
const ZERO: Tally = { total: 0, unread: 0, starred: 0, unreadAlerts: 0 };

export const ALL = 'all';
export const sourceKey = (id: string) => `s:${id}`;
export const topicKey = (id: string) => `t:${id}`;

/** The buckets an item counts in; its topics are its tags (filled in by the writer). */
function bucketsOf(it: Item): string[] {
  return [ALL, sourceKey(it.sourceId), ...(it.topics ?? []).map(topicKey)];
}

function tallyOf(it: Item): Tally {
  const unread = it.read === 0 ? 1 : 0;
  return { total: 1, unread, starred: it.starred ? 1 : 0, unreadAlerts: it.alert && unread ? 1 : 0 };
}

/** Collects the count changes of a transaction's item writes; `flush` writes them in that transaction. */
export class CounterBatch {
  private readonly deltas = new Map<string, Tally>();

  private add(key: string, t: Tally, sign: 1 | -1) {
    const d = this.deltas.get(key) ?? { ...ZERO };
    d.total += sign * t.total;
    d.unread += sign * t.unread;
    d.starred += sign * t.starred;
    d.unreadAlerts += sign * t.unreadAlerts;
    this.deltas.set(key, d);
  }

  /** An item went from `before` to `after` (undefined = did not exist / was deleted). */
  change(before: Item | undefined, after: Item | undefined): void {
    if (before) for (const k of bucketsOf(before)) this.add(k, tallyOf(before), -1);
    if (after) for (const k of bucketsOf(after)) this.add(k, tallyOf(after), 1);
  }

  /** Net items added to a bucket so far (not yet flushed). */
  addedTo(key: string): number {
    return this.deltas.get(key)?.total ?? 0;
  }

  async flush(store: CounterStore): Promise<void> {
    const writes = [...this.deltas].map(async ([key, d]) => {
      if (!d.total && !d.unread && !d.starred && !d.unreadAlerts) return;
      const cur = (await store.get(key)) ?? { key, ...ZERO };
      const next: Counter = {
        key,
        total: Math.max(0, cur.total + d.total),
        unread: Math.max(0, cur.unread + d.unread),
        starred: Math.max(0, cur.starred + d.starred),
        unreadAlerts: Math.max(0, cur.unreadAlerts + d.unreadAlerts),
      };
      await (next.total === 0 && key !== ALL ? store.delete(key) : store.put(next));
    });
    this.deltas.clear();
    await Promise.all(writes);
  }
}

/** Counts of every bucket from scratch (a migration, or a repair after writes that bypassed the batch). */
export class Tallier {
  private readonly counters = new Map<string, Counter>([[ALL, { key: ALL, ...ZERO }]]);

  add(it: Item): void {
    const t = tallyOf(it);
    for (const key of bucketsOf(it)) {
      const c = this.counters.get(key) ?? { key, ...ZERO };
      c.total += t.total;
      c.unread += t.unread;
      c.starred += t.starred;
      c.unreadAlerts += t.unreadAlerts;
      this.counters.set(key, c);
    }
  }

  result(): Counter[] {
    return [...this.counters.values()];
  }
}

/** Items kept in all, from the 'all' counter. */
export async function countItems(db: NewsDb): Promise<number> {
  return (await db.get('counters', ALL))?.total ?? 0;
}

/** Stored items with their topics from every tag record, for a count from scratch. */
export function withAllTags(items: Item[], tags: ReadonlyArray<{ id: string; keys: Array<[string, number]> }>): Item[] {
  const topics = new Map(tags.map((r) => [r.id, r.keys.map((k) => k[0])]));
  return items.map((it) => ({ ...it, topics: topics.get(it.id) ?? [] }));
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
