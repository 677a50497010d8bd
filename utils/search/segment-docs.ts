// A search segment's docs as stored: its items' store keys and times, newest first, and the words it
// has postings for. Kept small enough (~4 B an item and the words once) that Chromium stores the
// value in its database rather than as a separate blob file (it does so from 64 KB on), which every
// search reading the segment would wait for: keys and times are varint differences, which the
// store's sequence numbers and a feed's close times keep to a byte or two.
import type { SegmentDocs } from '../db/schema';
import { pushVarint, readVarints, unzigzag, zigzag } from './varint';

/** The first byte of encoded times: the unit of the numbers that follow. */
const MILLISECONDS = 0;
const SECONDS = 1;

/** Keys in order as zigzag varint differences from the one before (the first from 0). */
function encodeKeys(keys: readonly number[]): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  let prev = 0;
  for (const k of keys) {
    pushVarint(out, zigzag(k - prev));
    prev = k;
  }
  return Uint8Array.from(out);
}

/**
 * Never-increasing times: a unit byte (seconds when all are whole seconds, as most feeds give them),
 * the first time (zigzag) and then the gaps. Times that are not whole milliseconds stay a Float64Array.
 */
function encodeTimes(t: readonly number[]): Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer> {
  if (!t.every(Number.isSafeInteger)) return Float64Array.from(t);
  const unit = t.every((x) => x % 1000 === 0) ? 1000 : 1;
  const out: number[] = [unit === 1000 ? SECONDS : MILLISECONDS];
  t.forEach((x, i) => pushVarint(out, i === 0 ? zigzag(x / unit) : (t[i - 1]! - x) / unit));
  return Uint8Array.from(out);
}

/** The words as one string, sorted, each after a '\n' (one string reads back far faster than thousands). */
function encodeWords(words: Iterable<string>): string {
  const sorted = [...words].sort();
  return sorted.length ? '\n' + sorted.join('\n') : '';
}

export function encodeDocs(seg: number, keys: readonly number[], t: readonly number[], words: Iterable<string>): SegmentDocs {
  return { seg, keys: encodeKeys(keys), t: encodeTimes(t), words: encodeWords(words) };
}

/** The store keys (0 where the item was gone when the docs were made) and times, by item number. */
export interface SegmentItems {
  keys: number[];
  t: ArrayLike<number>;
}

export function decodeDocs(d: SegmentDocs): SegmentItems {
  const keys: number[] = [];
  let prev = 0;
  readVarints(d.keys, 0, (z) => keys.push((prev += unzigzag(z))));
  if (d.t.BYTES_PER_ELEMENT === 8) return { keys, t: d.t };
  const bytes = d.t as Uint8Array;
  const unit = bytes[0] === SECONDS ? 1000 : 1;
  const t: number[] = [];
  let at = 0;
  readVarints(bytes, 1, (n) => {
    at = t.length === 0 ? unzigzag(n) * unit : at - n * unit;
    t.push(at);
  });
  return { keys, t };
}

/** The segment's words that start with `prefix`, in order (they are next to each other, the list being sorted). */
export function wordsStartingWith(d: SegmentDocs, prefix: string): string[] {
  const out: string[] = [];
  let at = d.words.indexOf('\n' + prefix);
  while (at >= 0) {
    const end = d.words.indexOf('\n', at + 1);
    const w = d.words.slice(at + 1, end < 0 ? undefined : end);
    if (!w.startsWith(prefix)) break;
    out.push(w);
    at = end;
  }
  return out;
}

/** Every word of the segment. */
export function allWords(d: SegmentDocs): string[] {
  return d.words ? d.words.slice(1).split('\n') : [];
}
