// The identity map: new items go by their store key and keep no id, and each source's map finds them
// again for the dedupe, through retention, a returning item and the source's removal.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource, removeSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { markRead } from '@/utils/db/read-state';
import { allItems, readItem } from '@/utils/db/items/item-reads';
import { compareIds, idOfStoreKey, storeKeyOfId } from '@/utils/db/items/item-ids';
import { IdentityMap, identityHash, readIdentities } from '@/utils/db/items/identities';
import type { ParsedItem, Source } from '@/utils/model';
import { expectCountersExact } from './recount';

const NOW = Date.now();
const MIN = 60_000;
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500 };
const parsed = (n: number, published = NOW - n * MIN): ParsedItem => ({
  guid: `g${n}`, title: `Story ${n}`, url: `https://wire.example/${n}`, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published,
});

let db: NewsDb;
let source: Source;
const mapOf = async (s = source) => readIdentities(db.transaction('identities').store, s.id);

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  source = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' });
});

describe('identity map', () => {
  it('keeps hashes of 48 bits and keys of any size through its stored form', () => {
    const m = new IdentityMap();
    const entries: Array<[number, number]> = [[2 ** 48 - 1, 1], [0, 2], [123_456_789_012, 2 ** 40], [5, 300], [77, 299]];
    for (const [h, k] of entries) m.add(h, k);
    const back = IdentityMap.decode(m.encode());
    expect(back.size).toBe(5);
    for (const [h, k] of entries) expect(back.find(h)).toBe(k);
    expect(back.find(6)).toBeUndefined();
    // Keys in order, as differences: consecutive keys take a byte each.
    const run = new IdentityMap();
    for (let k = 1; k <= 50; k++) run.add(k * 7919, 1000 + k);
    expect(run.encode().keys.length).toBe(2 + 49);
  });

  it('names new items by their store key, keeps no id in their records and finds them on the next poll', async () => {
    const first = await storePoll(db, source, [parsed(1), parsed(2), parsed(3)], NOW, SETTINGS);
    expect(first.newIds).toEqual([1, 2, 3].map(idOfStoreKey));
    expect((await db.getAll('items')).every((r) => !('id' in r))).toBe(true);
    expect(await db.countFromIndex('items', 'byId')).toBe(0);
    const map = await mapOf();
    for (const n of [1, 2, 3]) expect(map.find(identityHash(source.id, parsed(n)))).toBe(n);
    // Read state survives the next polls, which find every item; changed text updates in place.
    await markRead(db, [idOfStoreKey(2)], true);
    expect((await storePoll(db, source, [parsed(1), parsed(2), parsed(3)], NOW + MIN, SETTINGS)).newIds).toEqual([]);
    const changed = await storePoll(db, source, [{ ...parsed(2), title: 'Story 2, updated' }, parsed(4)], NOW + 2 * MIN, SETTINGS);
    expect(changed).toMatchObject({ updatedIds: [idOfStoreKey(2)], newIds: [idOfStoreKey(4)] });
    expect(await readItem(db, idOfStoreKey(2))).toMatchObject({ title: 'Story 2, updated', read: 1 });
    expect((await allItems(db)).map((it) => it.id).sort()).toEqual([1, 2, 3, 4].map(idOfStoreKey));
    // Ids of store keys order as the keys do (ties of time in a list), not as strings.
    expect([36, 2, 10, 1].map(idOfStoreKey).sort(compareIds)).toEqual([1, 2, 10, 36].map(idOfStoreKey));
    expect(storeKeyOfId('~0')).toBeUndefined();
    expect(storeKeyOfId('~01')).toBeUndefined();
    expect(storeKeyOfId('a1')).toBeUndefined();
    await expectCountersExact(db, { all: 4 });
  });

  it('drops what retention removed, and an item that comes back is new under a number never used', async () => {
    await storePoll(db, source, [1, 2, 3, 4].map((n) => parsed(n)), NOW, SETTINGS);
    // A cap of 2: the two oldest (3 and 4) go, and the map with them.
    await storePoll(db, source, [], NOW + MIN, { ...SETTINGS, maxItemsPerSource: 2 });
    const map = await mapOf();
    expect(map.size).toBe(2);
    expect(map.find(identityHash(source.id, parsed(4)))).toBeUndefined();
    const back = await storePoll(db, source, [parsed(4, NOW + MIN)], NOW + 2 * MIN, SETTINGS);
    expect(back.newIds).toEqual([idOfStoreKey(5)]);
    expect((await mapOf()).find(identityHash(source.id, parsed(4)))).toBe(5);
    expect((await allItems(db)).map((it) => storeKeyOfId(it.id)).sort()).toEqual([1, 2, 5]);
    await expectCountersExact(db, { all: 3 });
  });

  it('keeps one map per source: the same guid in two sources is two items, and removing a source removes its map', async () => {
    const other = await addSource(db, { name: 'Other', url: 'https://other.example/rss' });
    await storePoll(db, source, [parsed(1)], NOW, SETTINGS);
    const there = await storePoll(db, other, [{ ...parsed(1), url: 'https://other.example/1' }], NOW, SETTINGS);
    expect(there.newIds).toEqual([idOfStoreKey(2)]);
    expect((await mapOf(other)).find(identityHash(other.id, parsed(1)))).toBe(2);
    await removeSource(db, source.id);
    expect(await db.count('identities')).toBe(1);
    expect((await storePoll(db, other, [{ ...parsed(1), url: 'https://other.example/1' }], NOW + MIN, SETTINGS)).newIds).toEqual([]);
  });
});
