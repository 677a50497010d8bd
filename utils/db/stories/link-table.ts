// Every source's items by link hash, in the worker's memory: the same-story look-up (same-story.ts)
// without an index entry per item (byLink cost 34 B per item on disk). Made from the identity maps,
// which hold each item's link hash (identities.ts), and kept up as a poll adds items. It may name
// items that are gone or whose link changed: a look-up reads the item and compares the link itself.
import { forEachLink, type IdentityRecord } from '../items/identities';

/** A pair packed as link * 2^29 + store key: one number, sorted by link (links < 2^24, keys < 2^29). */
const SHIFT = 2 ** 29;
/** Pairs added since the sorted part was made, scanned at each look-up, merged in past this many. */
const MERGE_AT = 1024;

export class LinkTable {
  private sorted: Float64Array;
  private recent: number[] = [];

  private constructor(pairs: Float64Array) {
    this.sorted = pairs.sort();
  }

  /** The table of all the stored identity maps. */
  static of(records: Iterable<IdentityRecord>): LinkTable {
    const pairs: number[] = [];
    for (const r of records) forEachLink(r, (key, link) => {
      if (link && key < SHIFT) pairs.push(link * SHIFT + key);
    });
    return new LinkTable(Float64Array.from(pairs));
  }

  get size(): number {
    return this.sorted.length + this.recent.length;
  }

  /** Notes an item's link (0: none). */
  add(link: number, key: number): void {
    if (!link || key >= SHIFT) return;
    this.recent.push(link * SHIFT + key);
    if (this.recent.length < MERGE_AT) return;
    const merged = new Float64Array(this.sorted.length + this.recent.length);
    merged.set(this.sorted);
    merged.set(this.recent, this.sorted.length);
    this.sorted = merged.sort();
    this.recent = [];
  }

  /** The store keys noted with this link (each once), in the order they were stored. */
  find(link: number): number[] {
    const lo = link * SHIFT;
    const hi = lo + SHIFT;
    const out: number[] = [];
    let a = 0;
    let b = this.sorted.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.sorted[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < this.sorted.length && this.sorted[i]! < hi; i++) out.push(this.sorted[i]! - lo);
    for (const x of this.recent) if (x >= lo && x < hi) out.push(x - lo);
    return out.sort((x, y) => x - y).filter((k, i) => k !== out[i - 1]);
  }
}
