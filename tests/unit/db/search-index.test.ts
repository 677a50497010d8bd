import { describe, expect, it } from 'vitest';
import { allQueuedIds, indexQueued, MAX_SEGMENT, pickRebuild } from '@/utils/db/search/search-index';
import { itemMatches, parseQuery } from '@/utils/search/query';
import { searchItems } from '@/utils/db/search/search-items';
import { type Filter, matchesFilter } from '@/utils/db/queries';
import { writeItems } from '@/utils/db/items/item-writes';
import { removeSource } from '@/utils/db/sources';
import { buildSegment, decodePostings, intersect, union } from '@/utils/search/segment';
import type { NewsDb, SegmentMeta } from '@/utils/db/schema';
import type { Item } from '@/utils/model';
import { dbWith, item, NOW, MIN } from '../sidebar/fixtures';
import { allItems, getItem, getItemsByKey } from '@/utils/db/items/item-reads';
import { newestFirst } from '@/utils/db/items/item-ids';
import { toRecord } from '@/utils/db/items/item-record';
import { decodeDocs } from '@/utils/search/segment-docs';

const ids = (r: { items: Item[] }) => r.items.map((i) => i.id);

/** What a search must answer: every stored item checked, newest first. */
async function bruteForce(db: NewsDb, q: string, limit: number, filter?: Filter): Promise<string[]> {
  const terms = parseQuery(q);
  const all = await allItems(db);
  return all.filter((it) => itemMatches(terms, it) && (!filter || matchesFilter(filter, it))).sort(newestFirst).slice(0, limit).map((i) => i.id);
}

const queued = (db: NewsDb) => allQueuedIds(db.transaction('searchQueue').store);

async function segments(db: NewsDb): Promise<SegmentMeta[]> {
  return db.getAll('searchSegments');
}

describe('segments', () => {
  it('number items newest first and list each word once per item', () => {
    const items = [
      { id: 'a', title: 'Storm at sea', summaryHtml: '<p>storm storm</p>', contentHtml: '', published: 1 },
      { id: 'b', title: 'Calm sea', summaryHtml: '', contentHtml: '<p>Body words only</p>', published: 3 },
    ];
    const s = buildSegment(items, (it) => (it.id === 'a' ? 7 : 9));
    expect(s.keys).toEqual([9, 7]);
    expect(s.t).toEqual([3, 1]);
    const numbers = (w: string) => Array.from(decodePostings(s.postings.get(w)!));
    expect(numbers('sea')).toEqual([0, 1]);
    expect(numbers('storm')).toEqual([1]);
    expect(numbers('body')).toEqual([0]);
    expect(s.postings.has('at')).toBe(false); // a stop word
  });

  it('intersect and union sorted lists', () => {
    expect(intersect([[1, 3, 5, 7], [3, 4, 5], Uint16Array.from([0, 3, 5, 9])])).toEqual([3, 5]);
    expect(union([[1, 5], [2, 5, 8]])).toEqual([1, 2, 5, 8]);
  });

  it('merge four of a size, and clean up when deleted items make up much of the index', () => {
    const seg = (s: number, n: number): SegmentMeta => ({ seg: s, n, maxT: s, minT: s });
    expect(pickRebuild([seg(1, 10), seg(2, 12), seg(3, 9)], 31)).toBeUndefined();
    expect(pickRebuild([seg(1, 10), seg(2, 12), seg(3, 9), seg(4, 40), seg(5, 11)], 82)?.map((s) => s.seg)).toEqual([5, 3, 2, 1]);
    // Big segments are never merged, only cleaned up.
    const big = [seg(1, MAX_SEGMENT), seg(2, MAX_SEGMENT), seg(3, MAX_SEGMENT), seg(4, MAX_SEGMENT)];
    expect(pickRebuild(big, 4 * MAX_SEGMENT)).toBeUndefined();
    expect(pickRebuild(big, MAX_SEGMENT)?.map((s) => s.seg)).toEqual([1]);
    // A clean-up pass visits each segment once: rebuilt ones (numbered from cleanBelow on) wait.
    expect(pickRebuild([seg(5, MAX_SEGMENT), ...big.slice(1)], MAX_SEGMENT, 5)?.map((s) => s.seg)).toEqual([2]);
    expect(pickRebuild([seg(5, MAX_SEGMENT)], 0, 5)).toBeUndefined();
  });
});

describe('the search index', () => {
  it('answers like a scan of every item, across overlapping segments, with filters and limits', async () => {
    let s = 42;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const W = 'storm coast river minister election market bank rail strike museum bridge flood vote court'.split(' ');
    const words = (k: number) => Array.from({ length: k }, () => W[Math.floor(r() * W.length)]).join(' ');
    const items = Array.from({ length: 600 }, (_, i) =>
      // Times repeat (several sources publishing the same minute) and arrive in no order.
      item({ id: `s1:${i}`, title: words(4), summaryHtml: `<p>${words(6)}</p>`, published: NOW - Math.floor(r() * 200) * MIN, read: r() < 0.5 ? 1 : 0, starred: r() < 0.1 ? 1 : 0 }),
    );
    // Small batches, indexed in an order unrelated to time: segments overlap in time.
    const db = await dbWith([], [], { index: false });
    for (let b = 0; b < items.length; b += 50) {
      await writeItems(db, async (w) => {
        for (const it of items.slice(b, b + 50)) await w.put(undefined, it);
      });
      await indexQueued(db, { batch: 37, pause: async () => {} });
    }
    expect((await segments(db)).length).toBeGreaterThan(2);
    expect(await db.count('searchQueue')).toBe(0);
    for (const q of ['storm', 'storm ', 'rail strike ', 'mi', 'coast riv', 'b', 'nothing ']) {
      for (const limit of [1, 7, 100]) {
        expect(ids(await searchItems(db, q, { limit })), `${q} / ${limit}`).toEqual(await bruteForce(db, q, limit));
      }
      for (const filter of [{ kind: 'unread' }, { kind: 'starred' }] as Filter[]) {
        expect(ids(await searchItems(db, q, { limit: 20, filter })), `${q} / ${filter.kind}`).toEqual(await bruteForce(db, q, 20, filter));
      }
    }
    db.close();
  }, 60_000);

  // 50 words starting with "port", one item each.
  const ports = () => Array.from({ length: 50 }, (_, i) => item({ id: `p${i}`, title: `Port${String(i).padStart(2, '0')}x harbour`, published: NOW - i * MIN }));

  it('reads a prefix in each segment it reaches, by the words of that segment', async () => {
    const many = ports();
    const db = await dbWith([], [], { index: false });
    for (const part of [many.slice(0, 25), many.slice(25)]) {
      await writeItems(db, async (w) => {
        for (const it of part) await w.put(undefined, it);
      });
      await indexQueued(db, { pause: async () => {} });
    }
    expect((await segments(db)).length).toBe(2);
    // Each segment holds 25 of the words: within the cap, so the answer is whole and as a scan's.
    for (const [q, limit] of [['port', 100], ['port', 30], ['harbour port0', 5], ['port3', 100]] as const) {
      const r = await searchItems(db, q, { limit });
      expect(ids(r), `${q} / ${limit}`).toEqual(await bruteForce(db, q, limit));
      expect(r.complete).toBe(true);
    }
    db.close();
  });

  it('says when a prefix stood for more words in a segment than it reads', async () => {
    const db = await dbWith(ports());
    expect((await segments(db)).length).toBe(1);
    const cut = await searchItems(db, 'port', { limit: 100 });
    expect(cut.complete).toBe(false);
    // The first 40 words in order: port00x ... port39x.
    expect(ids(cut)).toEqual(Array.from({ length: 40 }, (_, i) => `p${i}`));
    db.close();
  });

  it('finds items still in the queue, and changed items by their new words only', async () => {
    const db = await dbWith([item({ id: 'a', title: 'Harbour storm', summaryHtml: '', published: NOW - 5 * MIN }), item({ id: 'b', title: 'Quiet harbour', published: NOW - 9 * MIN })]);
    expect(await db.count('searchQueue')).toBe(0);
    await writeItems(db, async (w) => {
      const a = (await getItem(w.tx.objectStore('items'), 'a'))!;
      await w.put(a, { ...a, title: 'Harbour calm again' });
      await w.put(undefined, item({ id: 'c', title: 'Harbour fog', published: NOW }));
      // Read state alone does not touch the index.
      const b = (await getItem(w.tx.objectStore('items'), 'b'))!;
      await w.put(b, { ...b, read: 1 });
    });
    // One queue entry for the transaction, holding the two items whose text changed.
    expect(await db.count('searchQueue')).toBe(1);
    expect([...(await queued(db))].sort()).toEqual(['a', 'c']);
    for (const pass of ['queued', 'indexed']) {
      expect(ids(await searchItems(db, 'harbour')), pass).toEqual(['c', 'a', 'b']);
      expect(ids(await searchItems(db, 'storm')), pass).toEqual([]);
      expect(ids(await searchItems(db, 'calm')), pass).toEqual(['a']);
      await indexQueued(db);
    }
    db.close();
  });

  it('merges small segments and drops deleted items from the index', async () => {
    const many = Array.from({ length: 400 }, (_, i) => item({ id: `s${i % 4}:${i}`, title: `Rail strike day ${i}`, published: NOW - i * MIN }));
    for (const it of many) it.sourceId = it.id.split(':')[0];
    const db = await dbWith(many, [], { batch: 10 });
    const segs = await segments(db);
    // 40 batches of 10 became a few merged segments, holding every item once.
    expect(segs.length).toBeLessThan(10);
    expect(segs.reduce((n, x) => n + x.n, 0)).toBe(400);
    for (const s of ['s1', 's2', 's3']) await removeSource(db, s);
    expect(ids(await searchItems(db, 'strike', { limit: 500 }))).toHaveLength(100);
    await indexQueued(db);
    expect((await segments(db)).reduce((n, x) => n + x.n, 0)).toBe(100);
    // Nothing of the rebuilt segments points at a deleted item, and no postings were left behind.
    const keys = (await db.getAll('searchDocs')).flatMap((d) => decodeDocs(d).keys);
    const named = await getItemsByKey(db.transaction('items').store, keys);
    expect(named.every((it) => it?.id.startsWith('s0:'))).toBe(true);
    expect(named).toHaveLength(100);
    const live = new Set((await segments(db)).map((x) => x.seg));
    expect((await db.getAllKeys('searchPostings')).every((k) => live.has(k[2]))).toBe(true);
    expect(ids(await searchItems(db, 'strike', { limit: 500 }))).toEqual(await bruteForce(db, 'strike', 500));
    db.close();
  }, 30_000);

  it('a batch cut short leaves the index as it was and the items queued', async () => {
    const db = await dbWith(Array.from({ length: 30 }, (_, i) => item({ id: `k${i}`, title: `Flood warning ${i}`, published: NOW - i * MIN })), [], { index: false });
    // What a killed worker leaves: a transaction that wrote a segment but never committed.
    const tx = db.transaction(['searchSegments', 'searchDocs', 'searchPostings', 'searchQueue'], 'readwrite');
    tx.objectStore('searchSegments').put({ seg: 1, n: 1, maxT: NOW, minT: NOW }).catch(() => {});
    tx.objectStore('searchQueue').clear().catch(() => {});
    tx.abort();
    await tx.done.catch(() => {});
    expect(await db.count('searchSegments')).toBe(0);
    expect((await queued(db)).size).toBe(30);
    expect(ids(await searchItems(db, 'flood', { limit: 3 }))).toEqual(['k0', 'k1', 'k2']);
    expect(await indexQueued(db)).toBe(30);
    expect(ids(await searchItems(db, 'flood', { limit: 3 }))).toEqual(['k0', 'k1', 'k2']);
    db.close();
  });

  it('takes whole queue entries per batch, and still reads the one-item entries written before 0.8', async () => {
    const db = await dbWith([], [], { index: false });
    const items = Array.from({ length: 25 }, (_, i) => item({ id: `q${i}`, title: `Tide report ${i}`, published: NOW - i * MIN }));
    // Two transactions of 10 and 15 items: two entries.
    await writeItems(db, async (w) => { for (const it of items.slice(0, 10)) await w.put(undefined, it); });
    await writeItems(db, async (w) => { for (const it of items.slice(10)) await w.put(undefined, it); });
    // An entry as 0.7 wrote them: the item in the key, the value 1.
    const old = item({ id: 'legacy', title: 'Tide tables', published: NOW - 60 * MIN });
    const tx = db.transaction(['items', 'searchQueue'], 'readwrite');
    await Promise.all([tx.objectStore('items').put(toRecord(old)), tx.objectStore('searchQueue').put(1, [old.published, old.id])]);
    await tx.done;
    expect(await db.count('searchQueue')).toBe(3);
    expect((await queued(db)).size).toBe(26);
    expect(ids(await searchItems(db, 'tide', { limit: 100 }))).toEqual(await bruteForce(db, 'tide', 100));
    // A batch of 4: never part of an entry, so the first entry (10) goes whole, then the rest.
    expect(await indexQueued(db, { batch: 4, pause: async () => {} })).toBe(26);
    expect(await db.count('searchQueue')).toBe(0);
    expect((await segments(db)).reduce((n, x) => n + x.n, 0)).toBe(26);
    expect(ids(await searchItems(db, 'tide', { limit: 100 }))).toEqual(await bruteForce(db, 'tide', 100));
    db.close();
  });
});
