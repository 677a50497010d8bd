// Every source's items by link hash, in the worker's memory: the same-story look-up (same-story.ts)
// without an index entry per item (byLink cost 34 B per item on disk). Made from the identity maps,
// which hold each item's link hash (identities.ts), and kept up as a poll adds items. It may name
// items that are gone or whose link changed: a look-up reads the item and compares the link itself.
import { forEachLink, type IdentityRecord } from '../items/identities';

/** A pair packed as link * 2^29 + store key: one number, sorted by link (links < 2^24, keys < 2^29). */
const SHIFT = 2 ** 29;
/** Pairs added since the sorted part was made are merged into it past this many. */
const MERGE_AT = 1024;

export class LinkTable {
  private sorted: Float64Array;
  /**
   * Pairs added since the sorted part was made, by link: a look-up takes its link's keys at once. (It
   * scanned them all before, and a poll looks up every new item: a 200 x 50 ingest read each
   * pair as a boxed number many times over, 69 MB of garbage.)
   */
  private recent = new Map<number, number[]>();
  private recentCount = 0;

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
    return this.sorted.length + this.recentCount;
  }

  /** Notes an item's link (0: none). */
  add(link: number, key: number): void {
    if (!link || key >= SHIFT) return;
    const keys = this.recent.get(link);
    if (keys) keys.push(key);
    else this.recent.set(link, [key]);
    if (++this.recentCount < MERGE_AT) return;
    const merged = new Float64Array(this.sorted.length + this.recentCount);
    merged.set(this.sorted);
    let at = this.sorted.length;
    for (const [l, ks] of this.recent) for (const k of ks) merged[at++] = l * SHIFT + k;
    this.sorted = merged.sort();
    this.recent.clear();
    this.recentCount = 0;
  }

  /** The store keys noted with this link (each once), in the order they were stored. */
  find(link: number): number[] {
    const lo = link * SHIFT;
    const hi = lo + SHIFT;
    let a = 0;
    let b = this.sorted.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.sorted[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    const recent = this.recent.get(link);
    // Most look-ups find nothing: no list made, sorted and filtered for them.
    if (!recent && !(a < this.sorted.length && this.sorted[a]! < hi)) return [];
    const out: number[] = recent ? [...recent] : [];
    for (let i = a; i < this.sorted.length && this.sorted[i]! < hi; i++) out.push(this.sorted[i]! - lo);
    return out.sort((x, y) => x - y).filter((k, i) => k !== out[i - 1]);
  }
}
