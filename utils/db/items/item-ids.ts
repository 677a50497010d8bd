// Ids and keys of items and sources as the store keeps them: an item's 64-bit id as an 8-byte key,
// the id that names a store key (items stored since schema 16), a source id as a number, and the
// order of ids. The record's codec is item-record.ts; reading by id is item-reads.ts.
import type { Item } from '../../model';
import { hashString } from '../../normalize/ids';

/**
 * An item's key in the store: its 64-bit id as 8 bytes, or the id itself when it is not one (tests).
 * Written as a Uint8Array (a view is a binary key in every realm; an ArrayBuffer from another realm is
 * not, to fake-indexeddb under jsdom); read back from a key as an ArrayBuffer.
 */
export type ItemKey = string | Uint8Array<ArrayBuffer> | ArrayBuffer;

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

/**
 * The byLink key of a url in schemas 13 to 16 (the migrations to them write it): 30 bits of its hash.
 */
export function linkKey(url: string): number {
  return parseInt(hashString(url), 36) % 2 ** 30;
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
