// The items store's codec (utils/db/items/item-record.ts): an Item and its record hold the same, ids and
// source ids as keys read back exactly, and the 8-byte keys sort as the ids do.
import { describe, expect, it } from 'vitest';
import { fromRecord, knownKeyOf, toRecord } from '@/utils/db/items/item-record';
import { idAt, idOfKey, itemKey, packIds, sourceIdOf, sourceKeyOf, unpackIds } from '@/utils/db/items/item-ids';
import { hashString, itemIdFor } from '@/utils/normalize/ids';
import type { Item } from '@/utils/model';

const ids = Array.from({ length: 2000 }, (_, i) => itemIdFor(`s-${hashString(`feed ${i % 7}`)}`, { guid: `g-${i}`, url: '', title: '' }));

describe('item records', () => {
  it('keeps an 11-character id as 8 bytes that read back as the id, in the same order', () => {
    for (const id of ids) {
      const k = itemKey(id) as Uint8Array<ArrayBuffer>;
      expect(k.byteLength).toBe(8);
      expect(idOfKey(k)).toBe(id);
      expect(idOfKey(k.buffer)).toBe(id);
    }
    const byKey = [...ids].sort((a, b) => indexedDB.cmp(itemKey(a), itemKey(b)));
    expect(byKey).toEqual([...ids].sort());
  });

  it('keeps any other id as a string', () => {
    for (const id of ['a', 'odd-id', 'q3Zk0b_x1AZ', 'q3Zk0b_x1A!', 'q3Zk0b_x1AA0']) expect(itemKey(id)).toBe(id);
  });

  it('keeps a source id of the form s-<base36> as its number, any other as itself', () => {
    const id = `s-${hashString('http://x.test/feed')}`;
    expect(typeof sourceKeyOf(id)).toBe('number');
    expect(sourceIdOf(sourceKeyOf(id))).toBe(id);
    for (const other of ['s', 'src', 's-00a', 's-ABC', 's-1x2y', 'bench-s3']) expect(sourceIdOf(sourceKeyOf(other))).toBe(other);
    expect(sourceKeyOf('s-00a')).toBe('s-00a'); // would not read back
  });

  it('writes only what differs from the defaults, and reads every field back', () => {
    const base: Item = { id: ids[0]!, sourceId: 's-abc', title: 'T', url: 'http://x.test/1', summaryHtml: '', contentHtml: '', published: 5000, firstSeen: 5000, updated: 0, categories: [], breaking: 0, sourceBreaking: 0, alert: 0, read: 0, starred: 0 };
    const plain = toRecord(base);
    expect(Object.keys(plain).sort()).toEqual(['id', 'p', 'q', 's', 't', 'u']);
    expect(plain.q).toBe(0);
    expect(fromRecord(plain)).toEqual(base);
    const full: Item = { ...base, summaryHtml: '<p>S</p>', contentHtml: '<p>C</p>', author: 'A', imageUrl: 'http://x.test/i.png', firstSeen: 4000, updated: 6000, categories: ['World'], alsoFrom: ['s-def'], breaking: 1, sourceBreaking: 1, alert: 1, read: 1, starred: 1 };
    const rec = toRecord(full);
    expect(rec).toMatchObject({ sa: 5000, ba: 5000, sb: 1, al: 1, f: -1000, e: 6000 });
    expect(rec.q).toBe(1); // read: byState's [1, time]
    // Categories are not kept (nothing reads them); a new record has no store key yet.
    expect(rec).not.toHaveProperty('k');
    expect(JSON.stringify(rec)).not.toContain('World');
    expect(fromRecord(rec)).toEqual({ ...full, categories: [] });
    expect(toRecord(full, 42).k).toBe(42);
    expect(knownKeyOf(fromRecord(toRecord(full, 42)))).toBe(42);
    expect(knownKeyOf(fromRecord(rec))).toBeUndefined();
    // A copy is not the stored item: it goes without the key (and it is no field of the item).
    const read = fromRecord(toRecord(full, 42));
    expect(knownKeyOf({ ...read })).toBeUndefined();
    expect(knownKeyOf(structuredClone(read))).toBeUndefined();
    expect(Object.keys(read)).not.toContain('k');
    expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(JSON.stringify({ ...read })));
    expect(fromRecord(toRecord({ ...base, url: '' }))).toEqual({ ...base, url: '' });
    expect(toRecord({ ...base, url: '' })).not.toHaveProperty('l');
  });
});

describe('id lists', () => {
  it('packs a list of 11-character ids into 8 bytes each and reads each back', () => {
    const packed = packIds(ids.slice(0, 50));
    expect(packed).toBeInstanceOf(Uint8Array);
    expect((packed as Uint8Array).length).toBe(400);
    expect(unpackIds(packed)).toEqual(ids.slice(0, 50));
    expect(idAt(packed, 49)).toBe(ids[49]);
    expect(idAt(packed, 50)).toBeUndefined();
  });

  it('keeps a list with any other id as the ids', () => {
    const list = [ids[0]!, 'odd-id'];
    expect(packIds(list)).toEqual(list);
    expect(idAt(list, 1)).toBe('odd-id');
    expect(unpackIds(list)).toEqual(list);
  });
});
