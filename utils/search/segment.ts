// One block ("segment") of the search index, built from a batch of items: the items' ids and times,
// newest first (their position is their number within the segment), and for every word the
// ascending list of the numbers of the items that hold it. Small arrays of numbers instead of one
// index entry per word per item: a batch of 2,000 items costs one write per distinct word.
import type { Item } from '../model';
import { itemSearchWords } from './words';
import { pushVarint, readVarints } from './varint';
import { newestFirst } from '../db/items/item-ids';

/**
 * A word's postings as stored: since 0.10.0 a Uint8Array (encodePostings: a bitmap of the segment's
 * items or varint gaps, whichever is smaller); segments written before hold a Uint16Array or
 * Uint32Array of the numbers themselves, read as they are until a merge rebuilds them.
 */
export type Postings = Uint8Array | Uint16Array | Uint32Array;

const GAPS = 0;
const BITMAP = 1;

/**
 * The ascending numbers `list` of a segment of `n` items, in the fewest bytes: a bitmap (n / 8 bytes)
 * for a word many of the items hold, else the gaps between the numbers as varints (1 byte for a gap
 * under 128). Uint16 numbers took 2 bytes each whatever the word.
 */
export function encodePostings(list: readonly number[], n: number): Uint8Array {
  const bytes: number[] = [GAPS];
  let prev = -1;
  for (const x of list) {
    pushVarint(bytes, x - prev - 1);
    prev = x;
  }
  const bitmapSize = 1 + Math.ceil(n / 8);
  if (bytes.length <= bitmapSize) return Uint8Array.from(bytes);
  const out = new Uint8Array(bitmapSize);
  out[0] = BITMAP;
  for (const x of list) out[1 + (x >>> 3)]! |= 1 << (x & 7);
  return out;
}

/** The ascending numbers of stored postings (either form, or the Uint16 / Uint32 lists of before). */
export function decodePostings(p: Postings): ArrayLike<number> {
  if (p.BYTES_PER_ELEMENT !== 1) return p;
  const out: number[] = [];
  if (p[0] === BITMAP) {
    for (let i = 1; i < p.length; i++) {
      const b = p[i]!;
      if (b) for (let k = 0; k < 8; k++) if (b & (1 << k)) out.push(((i - 1) << 3) | k);
    }
    return out;
  }
  let prev = -1;
  readVarints(p as Uint8Array, 1, (gap) => out.push((prev += gap + 1)));
  return out;
}

export interface BuiltSegment {
  /** The items' store keys, newest first; an item's position here is its number in the postings. */
  keys: number[];
  /** Each item's published time, in the same order (never increasing). */
  t: number[];
  postings: Map<string, Postings>;
}

type Indexable = Pick<Item, 'id' | 'title' | 'summaryHtml' | 'contentHtml' | 'published'>;

/** The segment of `items`, each named in it by its store key (`keyOf`), by its words (`wordsOf`, default its text's). */
export function buildSegment<T extends Pick<Item, 'id' | 'published'>>(items: readonly T[], keyOf: (it: T) => number, wordsOf: (it: T) => readonly string[] = (it) => itemSearchWords(it as unknown as Indexable)): BuiltSegment {
  const docs = [...items].sort(newestFirst);
  const lists = new Map<string, number[]>();
  docs.forEach((it, n) => {
    for (const w of wordsOf(it)) {
      const l = lists.get(w);
      if (l) l.push(n);
      else lists.set(w, [n]);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [w, l] of lists) postings.set(w, encodePostings(l, docs.length));
  return { keys: docs.map(keyOf), t: docs.map((d) => d.published), postings };
}

/** Numbers present in every list (each ascending), ascending. */
export function intersect(lists: ArrayLike<number>[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = Array.from(sorted[0]);
  for (const l of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const x of out) {
      while (j < l.length && l[j] < x) j++;
      if (j < l.length && l[j] === x) next.push(x);
    }
    out = next;
  }
  return out;
}

/** Numbers present in any of the lists (each ascending), ascending, once each. */
export function union(lists: ArrayLike<number>[]): number[] {
  if (lists.length === 1) return Array.from(lists[0]);
  const s = new Set<number>();
  for (const l of lists) for (let i = 0; i < l.length; i++) s.add(l[i]);
  return [...s].sort((a, b) => a - b);
}
