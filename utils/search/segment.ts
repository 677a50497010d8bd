// One block ("segment") of the search index, built from a batch of items: the items' ids and times,
// newest first (their position is their number within the segment), and for every word the
// ascending list of the numbers of the items that hold it. Small arrays of numbers instead of one
// index entry per word per item: a batch of 2,000 items costs one write per distinct word.
import type { Item } from '../model';
import { itemSearchWords } from './words';

export type Postings = Uint16Array | Uint32Array;

export interface BuiltSegment {
  /** Item ids, newest first; an item's position here is its number in the postings. */
  ids: string[];
  /** Each item's published time, in the same order (never increasing). */
  t: number[];
  postings: Map<string, Postings>;
}

type Indexable = Pick<Item, 'id' | 'title' | 'summaryHtml' | 'contentHtml' | 'published'>;

/** Newest first, ties by the larger id: the order the sidebar lists items in. */
function newestFirst(a: Indexable, b: Indexable): number {
  return b.published - a.published || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function buildSegment(items: readonly Indexable[]): BuiltSegment {
  const docs = [...items].sort(newestFirst);
  const lists = new Map<string, number[]>();
  docs.forEach((it, n) => {
    for (const w of itemSearchWords(it)) {
      const l = lists.get(w);
      if (l) l.push(n);
      else lists.set(w, [n]);
    }
  });
  const Arr = docs.length <= 0x10000 ? Uint16Array : Uint32Array;
  const postings = new Map<string, Postings>();
  for (const [w, l] of lists) postings.set(w, Arr.from(l));
  return { ids: docs.map((d) => d.id), t: docs.map((d) => d.published), postings };
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
