// New items' store keys: a transaction's first new items take the store's next keys, the ones after
// are counted on by the writer itself (so sources follow each other without waiting for the database).
// The keys must be exactly what the store gives: unique, in order, never a deleted item's; a key that
// comes out otherwise, or a write nobody waited for that fails, aborts the whole transaction with its error.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource, removeSource } from '@/utils/db/sources';
import { storePolls } from '@/utils/db/items';
import { writeItems } from '@/utils/db/items/item-writes';
import { allItems } from '@/utils/db/items/item-reads';
import { storeKeyOfId, NEW_ITEM_ID } from '@/utils/db/items/item-ids';
import { toRecord } from '@/utils/db/items/item-record';
import type { ParsedItem, Source } from '@/utils/model';
import { expectCountersExact } from './recount';
import { item } from '../sidebar/fixtures';

const NOW = Date.now();
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500, groupStories: false };

const parsed = (tag: string, n: number): ParsedItem[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${tag}-${i}`, title: `${tag} headline number ${i}`, url: `https://${tag}.example/${i}`, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published: NOW - i * 60_000 }));

let db: NewsDb;
let sources: Source[];

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  sources = [];
  for (const name of ['alpha', 'beta', 'gamma', 'delta']) sources.push(await addSource(db, { name, url: `https://${name}.example/rss` }));
});

const poll = (from: Source[], n = 5) => storePolls(db, from.map((source) => ({ source, parsed: parsed(source.name, n), now: NOW, settings: SETTINGS, sourcePatch: {} })));
const keysOf = (ids: string[]) => ids.map((id) => storeKeyOfId(id)!);

describe("new items' store keys", () => {
  it('one transaction of several sources numbers its items in order, as the store would, and each record is under its own id', async () => {
    const results = await poll(sources);
    const keys = keysOf(results.flatMap((r) => r.newIds));
    expect(keys).toHaveLength(20);
    expect(keys.every((k) => Number.isSafeInteger(k) && k > 0)).toBe(true);
    // Consecutive: the first source's keys came from the store, the rest follow them.
    expect(keys).toEqual(keys.map((_, i) => keys[0]! + i));
    const stored = await allItems(db);
    expect(stored).toHaveLength(20);
    for (const it of stored) expect(it.title.startsWith(`${sources.find((s) => s.id === it.sourceId)!.name} headline`)).toBe(true);
    expect((await db.getAllKeys('items')).sort((a, b) => a - b)).toEqual([...keys].sort((a, b) => a - b));
    await expectCountersExact(db, { all: 20 });
  });

  it("a later transaction goes on after the store's own counter: a deleted item's key is never given again", async () => {
    const first = keysOf((await poll(sources.slice(0, 2))).flatMap((r) => r.newIds));
    // The newest keys go with their source.
    await removeSource(db, sources[1]!.id);
    const next = keysOf((await poll(sources.slice(2))).flatMap((r) => r.newIds));
    expect(Math.min(...next)).toBeGreaterThan(Math.max(...first));
    expect(next).toEqual(next.map((_, i) => next[0]! + i));
    // And the store's own counter agrees: an add that takes its next key lands after them all.
    const k = await db.add('items', toRecord({ ...item({ title: 'added by the store' }), id: NEW_ITEM_ID }));
    expect(k).toBe(Math.max(...next) + 1);
  });

  it("a write nothing waited for that fails aborts the transaction: nothing of it is kept, and the error is the write's", async () => {
    const before = await allItems(db);
    const twin = item({ title: 'an article with an id of its own' });
    const write = writeItems(db, async (w) => {
      await w.put(undefined, { ...item({ title: 'a new article' }), id: NEW_ITEM_ID });
      // The same id twice: byId is unique, so the second add fails after it was issued.
      await w.put(undefined, twin);
      await w.put(undefined, { ...twin, title: 'the same id again' });
      await w.put(undefined, { ...item({ title: 'one more after it' }), id: NEW_ITEM_ID });
    });
    await expect(write).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await allItems(db)).toEqual(before);
    await expectCountersExact(db, { all: 0 });
  });

  it('an add that does not get the key counted for it aborts the transaction, and says so', async () => {
    const before = await allItems(db);
    const write = writeItems(db, async (w, tx) => {
      await w.put(undefined, { ...item({ title: 'first, its key told by the store' }), id: NEW_ITEM_ID });
      // Something else adds an item inside the transaction: the next key the writer counts is taken.
      await tx.objectStore('items').add(toRecord({ ...item({ title: 'in the way' }), id: NEW_ITEM_ID }));
      await w.put(undefined, { ...item({ title: 'second, its key counted' }), id: NEW_ITEM_ID });
    });
    await expect(write).rejects.toThrow(/counted store key \d+ for a new article, the store gave \d+/);
    expect(await allItems(db)).toEqual(before);
    await expectCountersExact(db, { all: 0 });
  });
});
