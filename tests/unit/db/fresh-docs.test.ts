import { describe, expect, it, vi } from 'vitest';
import { indexQueued } from '@/utils/db/search/search-index';
import { rememberedDocs } from '@/utils/db/search/fresh-docs';
import { writeItems } from '@/utils/db/items/item-writes';
import { allItems } from '@/utils/db/items/item-reads';
import { knownKeyOf } from '@/utils/db/items/item-record';
import { NEW_ITEM_ID } from '@/utils/db/items/item-ids';
import { openNewsDb } from '@/utils/db/open';
import { buildSegment, decodePostings } from '@/utils/search/segment';
import { decodeDocs } from '@/utils/search/segment-docs';
import type { NewsDb } from '@/utils/db/schema';
import type { Item } from '@/utils/model';
import { item } from '../sidebar/fixtures';

/** New items as a poll writes them (the store gives their ids). */
const fresh = (titles: string[]): Item[] => titles.map((title) => ({ ...item({ title, summaryHtml: `<p>${title} and more words</p>` }), id: NEW_ITEM_ID }));

async function addAll(db: NewsDb, items: Item[]): Promise<Item[]> {
  return writeItems(db, async (w) => {
    const out: Item[] = [];
    for (const it of items) out.push(await w.put(undefined, it));
    return out;
  });
}

/** Every word's postings in the index, as item store keys. */
async function indexedKeys(db: NewsDb): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const d of await db.getAll('searchDocs')) {
    const { keys } = decodeDocs(d);
    for (const key of await db.getAllKeys('searchPostings')) {
      if (key[2] !== d.seg) continue;
      const numbers = Array.from(decodePostings((await db.get('searchPostings', key))!));
      out.set(key[0], [...(out.get(key[0]) ?? []), ...numbers.map((n) => keys[n]!)].sort((a, b) => a - b));
    }
  }
  return out;
}

describe("fresh docs: the search index takes a poll's new items' words from memory", () => {
  it('remembers what a commit added, indexes the same words as a read back would, then forgets', async () => {
    const db = await openNewsDb();
    await addAll(db, fresh(['Storm hits the coast', 'Markets rally on rates', 'Storm warning for ships']));
    expect(rememberedDocs()).toBe(3);
    await indexQueued(db);
    expect(rememberedDocs()).toBe(0);
    const stored = await allItems(db);
    const expected = buildSegment(stored, (it) => knownKeyOf(it)!);
    const want = new Map([...expected.postings].map(([w, p]) => [w, Array.from(decodePostings(p)).map((n) => expected.keys[n]!).sort((a, b) => a - b)]));
    expect(await indexedKeys(db)).toEqual(want);
    expect(want.get('storm')).toHaveLength(2);
  });

  it('reads back an item written again before it is indexed, and indexes its new words', async () => {
    const db = await openNewsDb();
    const [a] = await addAll(db, fresh(['Alpha storm']));
    // Another write of the item (a later queue entry, nothing remembered for it) wins over the first.
    await writeItems(db, (w) => w.put(a, { ...a!, title: 'Beta calm', summaryHtml: '<p>Beta calm</p>' }));
    expect(rememberedDocs()).toBe(1);
    await indexQueued(db);
    const words = await indexedKeys(db);
    expect(words.has('beta')).toBe(true);
    expect(words.has('alpha')).toBe(false);
  });

  it('reads back an item written twice in one millisecond, whichever way the two queue entries sort', async () => {
    const db = await openNewsDb();
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7, 12));
    try {
      for (let i = 0; i < 8; i++) {
        const [a] = await addAll(db, fresh([`Epsilon${i} storm`]));
        await writeItems(db, (w) => w.put(a, { ...a!, title: `Zeta${i} calm`, summaryHtml: '<p>calm</p>' }));
        await indexQueued(db);
        const words = await indexedKeys(db);
        expect(words.has(`zeta${i}`), `round ${i}`).toBe(true);
        expect(words.has(`epsilon${i}`), `round ${i}`).toBe(false);
      }
    } finally {
      now.mockRestore();
    }
  });

  it('remembers the words an item has when its transaction commits, not when it was added', async () => {
    const db = await openNewsDb();
    await writeItems(db, async (w) => {
      const a = await w.put(undefined, fresh(['Gamma storm'])[0]!);
      await w.put(a, { ...a, title: 'Delta calm', summaryHtml: '<p>Delta calm</p>' });
    });
    expect(rememberedDocs()).toBe(1);
    await indexQueued(db);
    const words = await indexedKeys(db);
    expect(words.has('delta')).toBe(true);
    expect(words.has('gamma')).toBe(false);
  });

  it('remembers nothing of a transaction that failed', async () => {
    const db = await openNewsDb();
    await expect(
      writeItems(db, async (w) => {
        await w.put(undefined, fresh(['Lost item'])[0]!);
        throw new Error('broken source');
      }),
    ).rejects.toThrow('broken source');
    expect(rememberedDocs()).toBe(0);
  });
});
