// The items store's record: how an Item is kept in IndexedDB (schema 16), and the one place that
// turns one into the other. The rest of Newsbar sees only Item. Bytes per item count many times over
// (the key is in the record, Chromium's "exists" entry and twice in every index entry), so:
// - the key is a sequence number (autoIncrement, `k`): consecutive keys share their prefixes and
//   compress, where the random 64-bit id in every key and index entry did not (schema 13);
// - an item stored since schema 16 goes by that key (idOfStoreKey) and keeps no id; one stored before
//   keeps its id (8 bytes) in the record and in the unique byId index, which finds it by id;
// - property names are one or two letters, and nothing is written that equals its default;
// - the time is kept once: byState (['q', 'p']) lists every item by read state, then time, so the
//   Unread filter is one range of it and all items two ranges merged (queries.ts);
// - the starred and breaking flags are the presence of the fields their indexes list (`sa`, `ba`),
//   so an index lists only the items it is read for;
// - no index finds an item by its link: the identity maps hold 3 bytes of its hash, and the same-story
//   look-up reads them (link-table.ts) where byLink (schemas 8 to 16) cost 34 B per item;
// - the source id (`s-` and a 53-bit hash in base36) is kept as that number, in the record and in
//   bySource's keys (9 B instead of ~28 in UTF-16);
// - the feed's categories are not kept (nothing reads them; an item read back has none).
import type { Item } from '../../model';
import { idOfKey, idOfStoreKey, itemKey, NEW_ITEM_ID, sourceIdOf, sourceKeyOf, storeKeyOfId, type ItemKey } from './item-ids';

export interface ItemRecord {
  /** The store's key (keyPath 'k', autoIncrement): absent in a new record, the store gives the next. */
  k?: number;
  /**
   * The item's id (byId, unique; see itemKey), only for an item whose id is not its store key: those
   * stored before schema 16 (the id was the hash of the item's identity) and test items with ids of their own.
   */
  id?: ItemKey;
  /** sourceId, as sourceKeyOf gives it */
  s: string | number;
  /** title */
  t: string;
  /** url (canonical) */
  u: string;
  /** summaryHtml, when not empty */
  h?: string;
  /** contentHtml, when not empty */
  c?: string;
  /** author */
  a?: string;
  /** imageUrl */
  i?: string;
  /** published (bySource, byState) */
  p: number;
  /** firstSeen - published, when not 0 */
  f?: number;
  /** updated, when not 0 */
  e?: number;
  /** alsoFrom, when any */
  o?: string[];
  /** outlet (a search feed's publisher), when any */
  pb?: string;
  /** read: 0 or 1, always written for a row, as byState's first key (['q', 'p']: every row by read state, then time) */
  q?: 0 | 1;
  /** published, only while starred (byStarred): absent = not starred */
  sa?: number;
  /** published, only while breaking (byBreaking): absent = not breaking */
  ba?: number;
  /** sourceBreaking, when 1 */
  sb?: 1;
  /** alert, when 1 */
  al?: 1;
  /** hash of the url, in records written by schemas 13 to 16 (for byLink); unread since */
  l?: number;
  /** story: the id of the story the item belongs to (schema 18), when it has other reports */
  st?: string;
  /**
   * read, for an item folded into its story's row (schema 18): kept here instead of `q`, so byState
   * lists only rows and every list and count of rows leaves it out
   */
  fq?: 0 | 1;
}

/**
 * The store key of each item read through this codec (fromRecord), so a write of that item replaces its
 * record without looking the key up: a property of the item that is not enumerable, so a copy (spread,
 * structured clone) goes without it and is looked up by id (keyOfItem). (A WeakMap beside the items kept
 * its table's capacity, 2 MB of the worker's heap after 100,000 items were read, long after they were gone.)
 */
const STORE_KEY = Symbol('store key');
type Keyed = Item & { [STORE_KEY]?: number };

/** The store key an item was read with, if it came from fromRecord. */
export function knownKeyOf(it: Item): number | undefined {
  return (it as Keyed)[STORE_KEY];
}

/**
 * The record of an item (its topics are not kept here: see tags.ts), under store key `k` (none: a new
 * record, or the key its id names).
 */
export function toRecord(it: Item, k?: number): ItemRecord {
  const own = storeKeyOfId(it.id);
  const read = it.read === 1 ? 1 : 0;
  const r = { s: sourceKeyOf(it.sourceId), t: it.title, u: it.url, p: it.published } as ItemRecord;
  if (it.folded === 1) r.fq = read;
  else r.q = read;
  if (it.story !== undefined) r.st = it.story;
  if (own === undefined && it.id !== NEW_ITEM_ID) r.id = itemKey(it.id);
  if ((k ?? own) !== undefined) r.k = k ?? own;
  if (it.summaryHtml) r.h = it.summaryHtml;
  if (it.contentHtml) r.c = it.contentHtml;
  if (it.author !== undefined) r.a = it.author;
  if (it.imageUrl !== undefined) r.i = it.imageUrl;
  if (it.firstSeen !== it.published) r.f = it.firstSeen - it.published;
  if (it.updated) r.e = it.updated;
  if (it.alsoFrom?.length) r.o = it.alsoFrom;
  if (it.outlet) r.pb = it.outlet;
  if (it.starred === 1) r.sa = it.published;
  if (it.breaking === 1) r.ba = it.published;
  if (it.sourceBreaking === 1) r.sb = 1;
  if (it.alert === 1) r.al = 1;
  return r;
}

/** The item of a record (without topics). */
export function fromRecord(r: ItemRecord): Item {
  const it: Item = {
    id: r.id !== undefined ? idOfKey(r.id) : idOfStoreKey(r.k!),
    sourceId: sourceIdOf(r.s),
    title: r.t,
    url: r.u,
    summaryHtml: r.h ?? '',
    contentHtml: r.c ?? '',
    published: r.p,
    firstSeen: r.p + (r.f ?? 0),
    updated: r.e ?? 0,
    categories: [],
    breaking: r.ba !== undefined ? 1 : 0,
    sourceBreaking: r.sb ?? 0,
    alert: r.al ?? 0,
    read: r.q ?? r.fq ?? 0,
    starred: r.sa !== undefined ? 1 : 0,
  };
  if (r.st !== undefined) it.story = r.st;
  if (r.fq !== undefined) it.folded = 1;
  if (r.pb !== undefined) it.outlet = r.pb;
  if (r.a !== undefined) it.author = r.a;
  if (r.i !== undefined) it.imageUrl = r.i;
  if (r.o) it.alsoFrom = r.o;
  if (r.k !== undefined) Object.defineProperty(it, STORE_KEY, { value: r.k });
  return it;
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** Do two records of one item hold the same (the keys aside)? */
export function sameRecord(a: ItemRecord, b: ItemRecord): boolean {
  const ka = Object.keys(a).filter((k) => k !== 'id' && k !== 'k');
  const kb = Object.keys(b).filter((k) => k !== 'id' && k !== 'k');
  return ka.length === kb.length && ka.every((k) => same((a as never)[k], (b as never)[k]));
}
