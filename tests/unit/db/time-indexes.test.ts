// Every item by time through byState (['q', 'p']): the unread under [0, time], the read under
// [1, time], each item once, and the all-items pages merge the two ranges into one newest-first order with nothing lost or
// repeated across pages, whatever mix of read and unread and however many items share a time.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { markRead } from '@/utils/db/read-state';
import { loadPage, newestKeys, type Filter } from '@/utils/db/queries';
import { allItems } from '@/utils/db/items/item-reads';
import { storeKeyOfId } from '@/utils/db/items/item-ids';
import type { Item, ParsedItem, Source } from '@/utils/model';

const NOW = Date.now();
const MIN = 60_000;
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500 };
// Times in threes: items 0-2 share one, 3-5 the next, and so on.
const parsed = (n: number): ParsedItem => ({
  guid: `g${n}`, title: `Story ${n}`, url: `https://wire.example/${n}`, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published: NOW - Math.floor(n / 3) * MIN,
});

let db: NewsDb;
let a: Source;
let b: Source;

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  a = await addSource(db, { name: 'A', url: 'https://a.example/rss' });
  b = await addSource(db, { name: 'B', url: 'https://b.example/rss' });
  await storePoll(db, a, Array.from({ length: 20 }, (_, n) => parsed(n)), NOW, SETTINGS);
  await storePoll(db, b, Array.from({ length: 20 }, (_, n) => ({ ...parsed(n), url: `https://b.example/${n}` })), NOW, SETTINGS);
  // Every third item read, in both sources, so read and unread items share times.
  const ids = (await allItems(db)).map((it) => it.id);
  await markRead(db, ids.filter((_, i) => i % 3 === 1 || i % 7 === 0), true);
});

/** Newest first, ties by the later stored: the order an index walked 'prev' gives. */
const expected = (items: Item[]) => [...items].sort((x, y) => y.published - x.published || storeKeyOfId(y.id)! - storeKeyOfId(x.id)!).map((it) => it.id);

async function pages(filter: Filter, size: number): Promise<string[]> {
  const out: string[] = [];
  let page = await loadPage(db, filter, undefined, size);
  for (;;) {
    out.push(...page.items.map((it) => it.id));
    if (!page.next) return out;
    page = await loadPage(db, filter, page.next, size);
  }
}

const inState = async (q: 0 | 1) => (await db.getAllKeysFromIndex('items', 'byState', IDBKeyRange.bound([q, -Infinity], [q, Infinity]))).sort((x, y) => x - y);

describe('every item by time, through byState', () => {
  it('lists each item once, under its read state', async () => {
    const items = await allItems(db);
    expect(await db.countFromIndex('items', 'byState')).toBe(items.length);
    const unread = await inState(0);
    const read = await inState(1);
    expect(unread.length + read.length).toBe(items.length);
    expect(new Set([...unread, ...read]).size).toBe(items.length);
    expect(read).toEqual(items.filter((it) => it.read === 1).map((it) => storeKeyOfId(it.id)!).sort((x, y) => x - y));
    expect(read.length).toBeGreaterThan(5);
    expect(unread.length).toBeGreaterThan(5);
  });

  it('pages through all items newest first, once each, at any page size', async () => {
    const want = expected(await allItems(db));
    for (const size of [1, 2, 5, 7, 50]) expect(await pages({ kind: 'all' }, size)).toEqual(want);
  });

  it('pages through a folder (its sources\' ranges merged) the same way', async () => {
    const want = expected((await allItems(db)).filter((it) => it.sourceId === b.id));
    for (const size of [3, 8]) expect(await pages({ kind: 'folder', id: 'F', sourceIds: [b.id] }, size)).toEqual(want);
  });

  it('gives the newest store keys without reading records', async () => {
    const want = expected(await allItems(db)).map((id) => storeKeyOfId(id));
    expect(await newestKeys(db, 9)).toEqual(want.slice(0, 9));
    expect(await newestKeys(db, 500)).toEqual(want);
  });

  it('moves an item between the two states when it is read or unread again', async () => {
    const [first] = await allItems(db);
    await markRead(db, [first!.id], false);
    await markRead(db, [first!.id], true);
    const k = storeKeyOfId(first!.id)!;
    expect(await inState(1)).toContain(k);
    expect(await inState(0)).not.toContain(k);
    expect(await pages({ kind: 'all' }, 4)).toEqual(expected(await allItems(db)));
  });
});
