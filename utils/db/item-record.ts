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
import type { Item } from '../model';
import type { NewsDb } from './schema';
import { hashString } from '../normalize/ids';

/**
 * An item's key in the store: its 64-bit id as 8 bytes, or the id itself when it is not one (tests).
 * Written as a Uint8Array (a view is a binary key in every realm; an ArrayBuffer from another realm is
 * not, to fake-indexeddb under jsdom); read back from a key as an ArrayBuffer.
 */
export type ItemKey = string | Uint8Array<ArrayBuffer> | ArrayBuffer;

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

/** The sorted alphabet of ids (utils/normalize/ids.ts shortItemId's characters in code-unit order). */
const SORTED = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const RANK = new Map([...SORTED].map((ch, i) => [ch, i]));
/** An id's last character holds 4 bits ('A'..'P'), ranks 11..26 in SORTED. */
const LAST_FROM = 11;

/**
 * The store key of an id: an 11-character id (64 bits: 10 characters of 6 bits and a last one of 4)
 * as 8 bytes, packed big-endian by each character's rank, so the keys sort as the ids do (the order
 * of a page's ties). Any other string stays a string key.
 */
export function itemKey(id: string): ItemKey {
  if (id.length !== 11) return id;
  const last = RANK.get(id[10]!);
  if (last === undefined || last < LAST_FROM || last >= LAST_FROM + 16) return id;
  const out = new Uint8Array(new ArrayBuffer(8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < 10; i++) {
    const r = RANK.get(id[i]!);
    if (r === undefined) return id;
    acc = (acc << 6) | r;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >>> bits) & 255;
    }
  }
  // 60 bits read: 4 left over, and the last character's 4 make the eighth byte.
  out[at] = ((acc & 15) << 4) | (last - LAST_FROM);
  return out;
}

/** The id of a store key (the inverse of itemKey). */
export function idOfKey(key: ItemKey | IDBValidKey): string {
  if (typeof key === 'string') return key;
  const b = ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array(key as ArrayBuffer);
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 7; i++) {
    acc = ((acc & 0xff) << 8) | b[i]!;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += SORTED[(acc >>> bits) & 63];
    }
  }
  // 56 bits give 9 characters and 2 bits; the eighth byte's high nibble completes the tenth.
  out += SORTED[((acc & 3) << 4) | (b[7]! >>> 4)];
  out += SORTED[LAST_FROM + (b[7]! & 15)];
  return out;
}

/**
 * A list of item ids as one Uint8Array of their 8-byte keys, when every id has one; else the ids
 * themselves: how search segments named their items in schemas 13 and 14 (the 14 -> 15 migration
 * reads such lists; tests make them).
 */
export function packIds(ids: readonly string[]): Uint8Array<ArrayBuffer> | string[] {
  const out = new Uint8Array(new ArrayBuffer(ids.length * 8));
  for (let i = 0; i < ids.length; i++) {
    const k = itemKey(ids[i]!);
    if (typeof k === 'string') return [...ids];
    out.set(k as Uint8Array, i * 8);
  }
  return out;
}

/** The `n`th id of a list packIds made (or of a plain list of ids). */
export function idAt(ids: Uint8Array<ArrayBuffer> | readonly string[], n: number): string | undefined {
  if (!ArrayBuffer.isView(ids)) return (ids as readonly string[])[n];
  const b = ids as Uint8Array<ArrayBuffer>;
  return n >= 0 && (n + 1) * 8 <= b.length ? idOfKey(b.subarray(n * 8, n * 8 + 8)) : undefined;
}

/** Every id of a list packIds made (or of a plain list of ids). */
export function unpackIds(ids: Uint8Array<ArrayBuffer> | readonly string[]): string[] {
  if (!ArrayBuffer.isView(ids)) return [...(ids as readonly string[])];
  return Array.from({ length: ids.length / 8 }, (_, n) => idAt(ids, n)!);
}

/** A source id of the form `s-<base36 number>` (utils/db/sources.ts) as that number; any other id as itself. */
export function sourceKeyOf(id: string): string | number {
  if (!/^s-[0-9a-z]{1,11}$/.test(id)) return id;
  const n = parseInt(id.slice(2), 36);
  return Number.isSafeInteger(n) && `s-${n.toString(36)}` === id ? n : id;
}

/** The source id of a stored source key (the inverse of sourceKeyOf). */
export function sourceIdOf(key: string | number): string {
  return typeof key === 'number' ? `s-${key.toString(36)}` : key;
}

/** A source's items in bySource, published from `lower` to `upper`. */
export function sourceItemsRange(sourceId: string, lower = -Infinity, upper = Infinity): IDBKeyRange {
  const s = sourceKeyOf(sourceId);
  return IDBKeyRange.bound([s, lower], [s, upper]);
}

/**
 * The byLink key of a url in schemas 13 to 16 (the migrations to them write it): 30 bits of its hash.
 */
export function linkKey(url: string): number {
  return parseInt(hashString(url), 36) % 2 ** 30;
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
 * The id an item stored since schema 16 goes by: its store key, after a `~` (which no id made from a
 * hash has), so the record keeps no id and byId lists it not. Unique for good: autoIncrement never
 * gives a number twice.
 */
export const idOfStoreKey = (k: number): string => `~${k.toString(36)}`;

/** The store key an id names (idOfStoreKey), or undefined for an id kept in the record. */
export function storeKeyOfId(id: string): number | undefined {
  if (id.charCodeAt(0) !== 126) return undefined;
  const k = parseInt(id.slice(1), 36);
  return k > 0 && Number.isSafeInteger(k) && idOfStoreKey(k) === id ? k : undefined;
}

/**
 * Orders ids as their items were stored where both name a store key (a string comparison would put
 * `~a` after `~10`), else as strings; an index breaks ties of time by store key.
 */
export function compareIds(a: string, b: string): number {
  const ka = storeKeyOfId(a);
  const kb = storeKeyOfId(b);
  if (ka !== undefined && kb !== undefined) return ka - kb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Newest first: later published first, then the larger id (in memory; an index walked 'prev' breaks
 * ties by the later stored). The order the sidebar lists items in, and search segments their docs.
 */
export function newestFirst(a: Pick<Item, 'published' | 'id'>, b: Pick<Item, 'published' | 'id'>): number {
  return b.published - a.published || compareIds(b.id, a.id);
}

/** An id for a new item that takes its store key as id once written (ItemWriter.put gives it). */
export const NEW_ITEM_ID = '';

/** The store key of an item: the one it was read with, its id's, else byId's (undefined when it is not stored). */
export async function keyOfItem(store: IdReader, it: Item): Promise<number | undefined> {
  return knownKeyOf(it) ?? storeKeyOfId(it.id) ?? ((await store.index('byId').getKey(itemKey(it.id))) as number | undefined);
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

/** The items store of any transaction: an item is found by its store key, or by an id kept in the record through byId. */
export interface IdReader {
  get(k: number): Promise<ItemRecord | undefined>;
  index(name: 'byId'): { get(key: ItemKey): Promise<ItemRecord | undefined>; getKey(key: ItemKey): Promise<IDBValidKey | undefined> };
}

/** The record of an item by id (undefined when none is stored). */
export function recordOf(store: IdReader, id: string): Promise<ItemRecord | undefined> {
  const k = storeKeyOfId(id);
  return k !== undefined ? store.get(k) : store.index('byId').get(itemKey(id));
}

/** The store key of a stored item by id (undefined when none is stored). */
export async function storedKeyOf(store: IdReader & { getKey(k: number): Promise<number | undefined> }, id: string): Promise<number | undefined> {
  const k = storeKeyOfId(id);
  return (k !== undefined ? store.getKey(k) : store.index('byId').getKey(itemKey(id))) as Promise<number | undefined>;
}

/** One stored item by id. */
export async function getItem(store: IdReader, id: string): Promise<Item | undefined> {
  const r = await recordOf(store, id);
  return r && fromRecord(r);
}

/** Stored items by id (undefined where none), the look-ups issued together. */
export function getItems(store: IdReader, ids: Iterable<string>): Promise<Array<Item | undefined>> {
  return Promise.all([...ids].map(async (id) => {
    const r = await recordOf(store, id);
    return r && fromRecord(r);
  }));
}

/** Stored items by store key (undefined where none, or for key 0), the reads issued together. */
export function getItemsByKey(store: { get(k: number): Promise<ItemRecord | undefined> }, keys: Iterable<number>): Promise<Array<Item | undefined>> {
  return Promise.all([...keys].map(async (k) => {
    const r = k > 0 ? await store.get(k) : undefined;
    return r && fromRecord(r);
  }));
}

/** One stored item by id, in a transaction of its own. */
export function readItem(db: NewsDb, id: string): Promise<Item | undefined> {
  return getItem(db.transaction('items').store, id);
}

/** Every stored item (tests, recounts). */
export async function allItems(db: { getAll(store: 'items'): Promise<ItemRecord[]> }): Promise<Item[]> {
  return (await db.getAll('items')).map(fromRecord);
}
