// The same-story look-up without byLink: the identity maps hold each item's link hash, the link table
// made from them finds another source's item by link, across transactions, connections (a restarted
// worker), an item's changed link, and items deleted since the table was made.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openNewsDb, resetDbForTests } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { allItems, readItem } from '@/utils/db/items/item-reads';
import { idOfStoreKey } from '@/utils/db/items/item-ids';
import { forEachLink, IdentityMap, linkHash, readIdentities, type IdentityRecord } from '@/utils/db/items/identities';
import { LinkTable } from '@/utils/db/stories/link-table';
import type { ParsedItem, Source } from '@/utils/model';
import { expectCountersExact } from './recount';

const NOW = Date.now();
const MIN = 60_000;
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500 };
const story = (n: number, guid = `g${n}`, url = `https://news.example/story/${n}`): ParsedItem => ({
  guid, title: `Story ${n}`, url, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published: NOW - n * MIN,
});

let db: NewsDb;
let wire: Source;
let paper: Source;

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  wire = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' });
  paper = await addSource(db, { name: 'Paper', url: 'https://paper.example/rss' });
});

/** A worker started again: a new connection, whose table is made from the stored maps. */
async function reconnect(): Promise<void> {
  db.close();
  resetDbForTests();
  db = await getDb();
}

describe('link hashes in the identity maps', () => {
  it('keep 24 bits per entry (0 for none) through the stored form, and go with their entry', () => {
    const m = new IdentityMap();
    m.add(11, 3, 0xffffff);
    m.add(12, 1, 1);
    m.add(13, 2);
    const back = IdentityMap.decode(m.encode());
    expect([1, 2, 3].map((k) => back.linkOf(k))).toEqual([1, 0, 0xffffff]);
    const seen: Array<[number, number]> = [];
    forEachLink(m.encode(), (k, l) => seen.push([k, l]));
    expect(seen).toEqual([[1, 1], [2, 0], [3, 0xffffff]]);
    back.keepOnly((k) => k !== 3);
    expect(back.linkOf(3)).toBe(0);
    expect(back.encode().l!.length).toBe(2 * 3);
    // A map as schema 16 wrote it (no `l`) reads with no links.
    const { l: _l, ...old } = m.encode();
    expect(IdentityMap.decode(old as IdentityRecord).linkOf(3)).toBe(0);
    for (const url of ['https://a.example/', 'https://b.example/x?y=1', '']) expect(linkHash(url)).toBeGreaterThan(0);
    expect(linkHash('https://a.example/')).toBeLessThan(2 ** 24);
  });

  it('are written with the poll: each item\'s entry holds its link\'s hash', async () => {
    await storePoll(db, wire, [story(1), story(2), { ...story(3), url: '' }], NOW, SETTINGS);
    const map = await readIdentities(db.transaction('identities').store, wire.id);
    expect([1, 2, 3].map((k) => map.linkOf(k))).toEqual([linkHash(story(1).url), linkHash(story(2).url), 0]);
  });
});

describe('the link table', () => {
  it('finds each key under its link, in store order, each once, also past its merge of recent pairs', () => {
    const m = new IdentityMap();
    m.add(1, 40, 7);
    m.add(2, 10, 7);
    m.add(3, 20, 9);
    m.add(4, 30, 0);
    const t = LinkTable.of([m.encode()]);
    expect(t.find(7)).toEqual([10, 40]);
    expect(t.find(9)).toEqual([20]);
    expect(t.find(8)).toEqual([]);
    t.add(7, 5);
    t.add(7, 10);
    t.add(0, 99);
    expect(t.find(7)).toEqual([5, 10, 40]);
    for (let k = 1000; k < 3500; k++) t.add((k % 50) + 1, k);
    expect(t.size).toBe(3 + 2 + 2500);
    expect(t.find(7)).toEqual([5, 10, 40, ...Array.from({ length: 50 }, (_, i) => 1006 + i * 50)]);
    expect(t.find(0xffffff)).toEqual([]);
  });
});

describe('the same story from another source', () => {
  it('joins across transactions and after a restart, and each source\'s next poll adds nothing', async () => {
    await storePoll(db, wire, [story(1), story(2)], NOW, SETTINGS);
    // The paper's poll in a transaction of its own, its own guids, one story of the wire's.
    const first = await storePoll(db, paper, [story(2, 'p2'), story(3, 'p3')], NOW + MIN, SETTINGS);
    expect(first.newIds).toEqual([idOfStoreKey(3)]);
    expect((await readItem(db, idOfStoreKey(2)))?.alsoFrom).toEqual([paper.id]);
    // After a restart the table is made from the maps: the wire's story 3 joins the paper's.
    await reconnect();
    const again = await storePoll(db, wire, [story(1), story(2), story(3)], NOW + 2 * MIN, SETTINGS);
    expect(again.newIds).toEqual([]);
    expect((await readItem(db, idOfStoreKey(3)))?.alsoFrom).toEqual([wire.id]);
    expect((await storePoll(db, paper, [story(2, 'p2'), story(3, 'p3')], NOW + 3 * MIN, SETTINGS)).newIds).toEqual([]);
    expect(await db.count('items')).toBe(3);
    await expectCountersExact(db, { all: 3 });
  });

  it('finds an item under the link an update gave it, in the running table and in a new one', async () => {
    await storePoll(db, wire, [story(1)], NOW, SETTINGS);
    await storePoll(db, paper, [story(5, 'p5')], NOW, SETTINGS); // the table is made here
    const moved = 'https://news.example/story/1-corrected';
    const upd = await storePoll(db, wire, [story(1, 'g1', moved)], NOW + MIN, SETTINGS);
    expect(upd.updatedIds).toEqual([idOfStoreKey(1)]);
    expect((await readIdentities(db.transaction('identities').store, wire.id)).linkOf(1)).toBe(linkHash(moved));
    expect((await storePoll(db, paper, [story(1, 'p1', moved)], NOW + 2 * MIN, SETTINGS)).newIds).toEqual([]);
    expect((await readItem(db, idOfStoreKey(1)))?.alsoFrom).toEqual([paper.id]);
    // The old link names nothing now: the paper's copy of it is its own row.
    await reconnect();
    const old = await storePoll(db, paper, [story(1, 'p1-old')], NOW + 3 * MIN, SETTINGS);
    expect(old.newIds).toHaveLength(1);
    expect(await db.count('items')).toBe(3);
  });

  it('does not join an item deleted since the table was made', async () => {
    await storePoll(db, wire, [story(1), story(2)], NOW, SETTINGS);
    await storePoll(db, paper, [story(9, 'p9')], NOW, SETTINGS);
    // Retention takes the wire's older story (2) away; the table still names it.
    await storePoll(db, wire, [story(1), story(2)], NOW + MIN, { ...SETTINGS, maxItemsPerSource: 1 });
    expect((await allItems(db)).map((it) => it.title).sort()).toEqual(['Story 1', 'Story 9']);
    const later = await storePoll(db, paper, [story(2, 'p2')], NOW + 2 * MIN, SETTINGS);
    expect(later.newIds).toHaveLength(1);
    expect((await readItem(db, later.newIds[0]!))?.sourceId).toBe(paper.id);
    await expectCountersExact(db, { all: 3 });
  });

  it('is found in a database upgraded from schema 16, whose maps had no links', async () => {
    resetDbForTests();
    db.close();
    const name = 'links-16';
    const v16 = await openNewsDb(name, 16);
    const w = await addSource(v16 as never, { name: 'Wire', url: 'https://wire.example/rss' });
    const p = await addSource(v16 as never, { name: 'Paper', url: 'https://paper.example/rss' });
    await storePoll(v16 as never, w, [story(1), story(2)], NOW, SETTINGS);
    // As schema 16 left them: records with `l` (byLink), maps without links.
    const tx = v16.transaction(['items', 'identities'], 'readwrite');
    for (const r of await tx.objectStore('items').getAll()) await tx.objectStore('items').put({ ...r, l: 12345 });
    const { l: _l, ...map } = (await tx.objectStore('identities').getAll())[0]!;
    await tx.objectStore('identities').put(map as IdentityRecord, (await tx.objectStore('identities').getAllKeys())[0]!);
    await tx.done;
    v16.close();
    const db17 = await openNewsDb(name);
    expect([...db17.transaction('items').store.indexNames]).not.toContain('byLink');
    const upgraded = await readIdentities(db17.transaction('identities').store, w.id);
    expect([1, 2].map((k) => upgraded.linkOf(k))).toEqual([linkHash(story(1).url), linkHash(story(2).url)]);
    expect((await storePoll(db17, p, [story(2, 'p2')], NOW + MIN, SETTINGS)).newIds).toEqual([]);
    expect((await storePoll(db17, w, [story(1), story(2)], NOW + MIN, SETTINGS)).newIds).toEqual([]);
    expect((await readItem(db17, idOfStoreKey(2)))?.alsoFrom).toEqual([p.id]);
    db17.close();
  });
});
