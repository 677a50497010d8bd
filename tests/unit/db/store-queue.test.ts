// @vitest-environment node
// The poll's store queue: sources parsed while a transaction runs are written together in the next,
// each source's poll whole; a source whose write fails fails alone; a story two sources of one group
// carry is still one row.
import { describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { storeQueue } from '@/utils/db/store-queue';
import type { PollWrite } from '@/utils/db/items';
import type { ParsedItem, Source } from '@/utils/model';
import { pollDue } from '@/utils/poller/poll';
import { expectCountersExact } from './recount';
import { pollerContext, rss, httpDateMinutesAgo } from '../poller/helpers';
import { allItems, sourceItemsRange } from '@/utils/db/items/item-reads';

const c = pollerContext();

const parsed = (prefix: string, n: number, link = (i: number) => `http://example.test/${prefix}/${i}`): ParsedItem[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, url: link(i), summaryHtml: `About ${prefix} ${i}`, contentHtml: '', breaking: false, published: c.clock.t - i * 60_000, categories: [] }));

const write = (source: Source, items: ParsedItem[], sourcePatch: Partial<Source> = { lastStatus: 200 }): PollWrite =>
  ({ source, parsed: items, now: c.clock.t, settings: { retentionDays: 30, maxItemsPerSource: 500 }, sourcePatch });

/**
 * Counts the read-write transactions over the items store opened on the test's database (on the
 * database idb wraps, so its transactions are wrapped once, as in the extension).
 */
function countItemWrites(): () => number {
  let n = 0;
  const raw = unwrap(c.db);
  const open = raw.transaction.bind(raw);
  raw.transaction = ((stores: never, mode: never, opts: never) => {
    if (mode === 'readwrite' && ([] as string[]).concat(stores).includes('items')) n++;
    return open(stores, mode, opts);
  }) as typeof raw.transaction;
  return () => n;
}

describe('the store queue', () => {
  it('writes sources that arrive together in fewer transactions, each source whole', async () => {
    const sources = await Promise.all(Array.from({ length: 6 }, (_, i) => c.add(`/s${i}.xml`)));
    const writes = countItemWrites();
    const store = storeQueue(c.db);
    const results = await Promise.all(sources.map((s, i) => store(write(s, parsed(`s${i}`, 20)))));
    expect(results.map((r) => r.newIds.length)).toEqual([20, 20, 20, 20, 20, 20]);
    // The first goes alone; the five that arrived while it ran go together.
    expect(writes()).toBe(2);
    expect(await c.db.count('items')).toBe(120);
    for (const s of sources) {
      expect(await c.db.countFromIndex('items', 'bySource', sourceItemsRange(s.id))).toBe(20);
      expect((await c.db.get('sources', s.id))?.lastStatus).toBe(200);
    }
    await expectCountersExact(c.db, { all: 120 });
  });

  it('a source whose write fails fails alone; the rest of its group is stored', async () => {
    const sources = await Promise.all(Array.from({ length: 4 }, (_, i) => c.add(`/s${i}.xml`)));
    const store = storeQueue(c.db);
    // A value IndexedDB cannot store makes that source's transaction fail.
    const broken = { lastStatus: 200, problem: (() => {}) as never };
    const out = await Promise.allSettled(sources.map((s, i) => store(write(s, parsed(`s${i}`, 10), i === 2 ? broken : undefined))));
    expect(out.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await c.db.count('items')).toBe(30);
    expect(await c.db.countFromIndex('items', 'bySource', sourceItemsRange(sources[2]!.id))).toBe(0);
    await expectCountersExact(c.db, { all: 30 });
  });

  it('a story two sources of one group carry is one row naming both', async () => {
    const [a, b, other] = await Promise.all([c.add('/a.xml'), c.add('/b.xml'), c.add('/o.xml')]);
    const store = storeQueue(c.db);
    const shared = (i: number) => `http://example.test/shared/${i}`;
    const out = await Promise.all([store(write(other!, parsed('o', 5))), store(write(a!, parsed('a', 10, shared))), store(write(b!, parsed('b', 10, shared)))]);
    expect(out[2]!.newIds).toEqual([]);
    const items = await allItems(c.db);
    expect(items.filter((it) => it.sourceId === a!.id && it.alsoFrom?.join() === b!.id)).toHaveLength(10);
    expect(items).toHaveLength(15);
  });

  it('a whole poll of many sources on one site stores every item once', async () => {
    const feed = (p: string) => rss(Array.from({ length: 15 }, (_, i) => ({ guid: `${p}-${i}`, title: `${p} headline ${i}`, link: `http://example.test/${p}/${i}`, date: httpDateMinutesAgo(i + 1) })));
    for (let i = 0; i < 24; i++) {
      c.srv.route(`/f${i}.xml`, { body: feed(`f${i}`) });
      await c.add(`/f${i}.xml`);
    }
    const writes = countItemWrites();
    const out = await pollDue(c.deps(), { force: true });
    expect(out.filter((o) => o.kind === 'stored')).toHaveLength(24);
    expect(await c.db.count('items')).toBe(24 * 15);
    expect(writes()).toBeLessThan(24);
    await expectCountersExact(c.db, { all: 24 * 15 });
  });
});
