// A word's postings as stored: a bitmap or varint gaps, whichever is smaller, read back exactly
// (and the Uint16 lists of segments written before 0.10.0 read as they are).
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '@/utils/search/segment';

describe('postings coding', () => {
  it('reads back exactly what it wrote, sparse or dense, small or large gaps', () => {
    let s = 7;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
    for (const n of [1, 7, 8, 9, 100, 2048, 8192, 70_000]) {
      for (const density of [0, 0.001, 0.02, 0.1, 0.13, 0.5, 1]) {
        const list = Array.from({ length: n }, (_, i) => i).filter(() => r() < density);
        if (list.length === 0) list.push(n - 1);
        const enc = encodePostings(list, n);
        expect(Array.from(decodePostings(enc))).toEqual(list);
        // Never more than a bitmap, and (in a segment of at most 16,384 items) never more than the
        // Uint16 list it replaces, plus its one byte of kind.
        expect(enc.length).toBeLessThanOrEqual(1 + Math.ceil(n / 8));
        if (n <= 16_384) expect(enc.length).toBeLessThanOrEqual(1 + 2 * list.length);
      }
    }
  });

  it('takes the bitmap for a word most items hold and gaps for a rare one', () => {
    const dense = Array.from({ length: 1000 }, (_, i) => i * 2);
    expect(encodePostings(dense, 2048).length).toBe(1 + 256);
    expect(encodePostings([5, 300, 2000], 2048)).toEqual(Uint8Array.from([0, 5, 166, 2, 163, 13]));
  });

  it('reads the Uint16 and Uint32 lists of older segments as they are', () => {
    expect(Array.from(decodePostings(Uint16Array.from([0, 3, 9])))).toEqual([0, 3, 9]);
    expect(Array.from(decodePostings(Uint32Array.from([4, 70_000])))).toEqual([4, 70_000]);
  });
});
