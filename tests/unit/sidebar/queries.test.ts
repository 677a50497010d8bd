import { describe, expect, it, vi } from 'vitest';
import { loadBreaking, loadCounts, loadPage, type Filter } from '@/utils/db/queries';
import { parseQuery } from '@/utils/search/query';
import { searchItems } from '@/utils/db/search/search-items';
import { markAllRead, markRead, toggleStar } from '@/utils/db/read-state';
import { dbWith, item, MIN, NOW } from './fixtures';
import type { NewsDb } from '@/utils/db/schema';
import { readItem } from '@/utils/db/items/item-reads';

async function allPages(db: NewsDb, f: Filter, size: number) {
  const ids: string[] = [];
  let page = await loadPage(db, f, undefined, size);
  for (let guard = 0; guard < 100; guard++) {
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) break;
    page = await loadPage(db, f, page.next, size);
  }
  return ids;
}

describe('loadPage', () => {
  it('pages newest first without gaps or repeats, also across equal dates', async () => {
    const items = Array.from({ length: 23 }, (_, i) => item({ title: `t${i}`, published: NOW - Math.floor(i / 4) * MIN }));
    const db = await dbWith(items);
    const ids = await allPages(db, { kind: 'all' }, 5);
    const expected = [...items].sort((a, b) => b.published - a.published || (a.id < b.id ? 1 : -1)).map((i) => i.id);
    expect(ids).toEqual(expected);
  });

  it('reads one page only', async () => {
    const db = await dbWith(Array.from({ length: 30 }, (_, i) => item({ title: `t${i}` })));
    const page = await loadPage(db, { kind: 'all' }, undefined, 10);
    expect(page.items).toHaveLength(10);
    expect(page.next).toBeDefined();
  });

  it('filters unread, starred, source and topic', async () => {
    const db = await dbWith([
      item({ id: 'a', title: 'a', read: 1 }),
      item({ id: 'b', title: 'b', starred: 1, read: 1 }),
      item({ id: 'c', title: 'c', sourceId: 's2', topics: ['t1'] }),
      item({ id: 'd', title: 'd', topics: ['t1', 't2'] }),
    ]);
    const ids = async (f: Filter) => (await loadPage(db, f)).items.map((i) => i.id);
    expect(await ids({ kind: 'all' })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ kind: 'unread' })).toEqual(['c', 'd']);
    expect(await ids({ kind: 'starred' })).toEqual(['b']);
    expect(await ids({ kind: 'source', id: 's2' })).toEqual(['c']);
    expect(await ids({ kind: 'topic', id: 't1' })).toEqual(['c', 'd']);
    expect(await ids({ kind: 'topic', id: 't2' })).toEqual(['d']);
  });

  it('pages a topic in date order', async () => {
    const items = Array.from({ length: 12 }, (_, i) => item({ id: `z${String(20 - i)}`, title: `t${i}`, topics: i % 2 ? ['t1'] : [], published: NOW - i * MIN }));
    const db = await dbWith(items);
    expect(await allPages(db, { kind: 'topic', id: 't1' }, 4)).toEqual(items.filter((_, i) => i % 2).map((i) => i.id));
  });

  it('keeps paging the unread list after items on it were read', async () => {
    const items = Array.from({ length: 6 }, (_, i) => item({ title: `t${i}` }));
    const db = await dbWith(items);
    const first = await loadPage(db, { kind: 'unread' }, undefined, 3);
    await markRead(db, first.items.map((i) => i.id), true);
    const second = await loadPage(db, { kind: 'unread' }, first.next, 3);
    expect(second.items.map((i) => i.id)).toEqual(items.slice(3).map((i) => i.id));
  });
});

describe('loadCounts', () => {
  it('counts every filter (unread per source and topic) from the kept counters', async () => {
    const db = await dbWith([
      item({ title: 'a', read: 1, sourceId: 's2' }),
      item({ title: 'b', starred: 1, topics: ['t1'] }),
      item({ title: 'c', topics: ['t1', 't2'] }),
    ]);
    expect(await loadCounts(db, ['s1', 's2', 's3'], ['t1', 't2'])).toEqual({
      all: 3,
      unread: 2,
      starred: 1,
      sources: { s1: 2, s2: 0, s3: 0 },
      topics: { t1: 2, t2: 1 },
      muted: 0,
    });
  });
});

describe('loadCounts with many sources', () => {
  it('reads the counters in one request, however many sources and topics there are', async () => {
    const sources = Array.from({ length: 300 }, (_, i) => `s${i}`);
    const db = await dbWith(sources.slice(0, 50).map((sourceId, i) => item({ title: `t${i}`, sourceId, read: i % 2 ? 1 : 0 })));
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      const counts = await loadCounts(db, sources, ['t1', 't2']);
      expect(get).not.toHaveBeenCalled();
      expect(getAll).toHaveBeenCalledTimes(1);
      expect(counts.all).toBe(50);
      expect(counts.unread).toBe(25);
      expect(Object.keys(counts.sources)).toHaveLength(300);
      expect(sources.filter((id) => counts.sources[id] === 1)).toEqual(sources.slice(0, 50).filter((_, i) => i % 2 === 0));
    } finally {
      get.mockRestore();
      getAll.mockRestore();
    }
  });
});

describe('loadBreaking', () => {
  it('returns breaking items inside the window, newest first', async () => {
    const db = await dbWith([
      item({ id: 'old', title: 'old', breaking: 1, published: NOW - 3 * 60 * MIN }),
      item({ id: 'new', title: 'new', breaking: 1, published: NOW - 5 * MIN }),
      item({ id: 'newer', title: 'newer', breaking: 1, published: NOW - 1 * MIN }),
      item({ id: 'plain', title: 'plain', published: NOW }),
    ]);
    expect((await loadBreaking(db, NOW, 120)).map((i) => i.id)).toEqual(['newer', 'new']);
    expect((await loadBreaking(db, NOW, 240)).map((i) => i.id)).toEqual(['newer', 'new', 'old']);
  });
});

describe('searchItems', () => {
  it('folds the query and treats the last word as a prefix', () => {
    expect(parseQuery('Zürich Flo')).toEqual([{ word: 'zurich', prefix: false }, { word: 'flo', prefix: true }]);
    expect(parseQuery('flood ')).toEqual([{ word: 'flood', prefix: false }]);
  });

  it('finds items by words of title and summary, every word, newest first', async () => {
    const db = await dbWith([
      item({ id: 'a', title: 'Floods in Zürich', published: NOW - 10 * MIN }),
      item({ id: 'b', title: 'Election night', summaryHtml: '<p>Flooding closes <b>polls</b></p>', published: NOW - 5 * MIN }),
      item({ id: 'c', title: 'Markets rally', published: NOW }),
    ]);
    const ids = async (q: string) => (await searchItems(db, q)).items.map((i) => i.id);
    expect(await ids('flo')).toEqual(['b', 'a']);
    expect(await ids('zurich flo')).toEqual(['a']);
    expect(await ids('polls')).toEqual(['b']);
    expect(await ids('flood ')).toEqual([]);
    expect(await ids('nothing')).toEqual([]);
    expect(await ids('  ')).toEqual([]);
  });

  it('limits results and applies a filter', async () => {
    const db = await dbWith(Array.from({ length: 20 }, (_, i) => item({ title: `Storm update ${i}`, read: i % 2 ? 1 : 0 })));
    expect((await searchItems(db, 'storm', { limit: 5 })).items).toHaveLength(5);
    const unread = await searchItems(db, 'storm', { filter: { kind: 'unread' } });
    expect(unread.items).toHaveLength(10);
    expect(unread.items.every((i) => i.read === 0)).toBe(true);
  });

  it('answers a query whose words are all very common by walking the newest items', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => item({ id: `m${String(i).padStart(5, '0')}`, title: `the news ${i}`, summaryHtml: '', published: NOW - i * 1000 }));
    const db = await dbWith(many);
    const r = await searchItems(db, 'the news', { limit: 3 });
    expect(r.items.map((i) => i.title)).toEqual(['the news 0', 'the news 1', 'the news 2']);
  });
});

describe('read state', () => {
  it('marks items read and unread', async () => {
    const db = await dbWith([item({ id: 'a', title: 'a' }), item({ id: 'b', title: 'b' })]);
    expect(await markRead(db, ['a', 'b', 'gone'], true)).toBe(2);
    expect(await markRead(db, ['a'], true)).toBe(0);
    expect(await markRead(db, ['a'], false)).toBe(1);
    expect((await readItem(db, 'a'))!.read).toBe(0);
    expect((await readItem(db, 'b'))!.read).toBe(1);
  });

  it('toggles a star', async () => {
    const db = await dbWith([item({ id: 'a', title: 'a' })]);
    expect(await toggleStar(db, 'a')).toBe(true);
    expect((await readItem(db, 'a'))!.starred).toBe(1);
    expect(await toggleStar(db, 'a')).toBe(false);
    expect(await toggleStar(db, 'gone')).toBeUndefined();
  });

  it('marks all read within a filter only', async () => {
    const db = await dbWith([
      item({ id: 'a', title: 'a', sourceId: 's2' }),
      item({ id: 'b', title: 'b', topics: ['t1'] }),
      item({ id: 'c', title: 'c', starred: 1 }),
      item({ id: 'd', title: 'd' }),
    ]);
    expect(await markAllRead(db, { kind: 'source', id: 's2' })).toBe(1);
    expect(await markAllRead(db, { kind: 'topic', id: 't1' })).toBe(1);
    expect(await markAllRead(db, { kind: 'starred' })).toBe(1);
    expect((await readItem(db, 'd'))!.read).toBe(0);
    expect(await markAllRead(db, { kind: 'all' })).toBe(1);
    expect(await markAllRead(db, { kind: 'unread' })).toBe(0);
  });

  it('leaves items newer than the list the user saw', async () => {
    const db = await dbWith([item({ id: 'old', title: 'old', published: NOW - MIN }), item({ id: 'new', title: 'new', published: NOW + MIN })]);
    expect(await markAllRead(db, { kind: 'all' }, NOW)).toBe(1);
    expect((await readItem(db, 'new'))!.read).toBe(0);
  });
});
