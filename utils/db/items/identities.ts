// Which stored item of a source has which identity: the dedupe's look-up (items.ts). Since schema 16
// an item's id is its store key (item-ids.ts idOfStoreKey), so the record keeps no hash of its
// identity and byId lists it not; this map, one record per source, finds it instead. Per item it
// holds 6 bytes of the identity's hash, the store key as a varint difference (the keys of one
// poll's new items follow each other) and, since schema 17, 3 bytes of the link's hash, which the
// same-story look-up reads across sources (link-table.ts) in place of an index on every item. The
// id in the record and in byId cost ~61 B on disk, byLink 34 B (docs/PERFORMANCE.md, "Stored bytes").
// Written in the poll's transaction, so it never disagrees with the items it names; an entry whose
// item is gone is dropped at the next write.
import type { ParsedItem } from '../../model';
import { hashString, itemIdFor } from '../../normalize/ids';
import { pushVarint, readVarints } from '../../search/varint';
import { itemKey, sourceKeyOf, type ItemKey } from './item-ids';

/**
 * The stored form: the keys ascending, as varint differences; 6 bytes of identity hash per key and
 * 3 bytes of link hash per key (linkHash; 0 for an item without a link), in that order. (Maps written
 * by 0.13.0, schema 16, have no `l`: the 16 -> 17 migration adds it.)
 */
export interface IdentityRecord {
  keys: Uint8Array<ArrayBuffer>;
  h: Uint8Array<ArrayBuffer>;
  l?: Uint8Array<ArrayBuffer>;
}

const HASH_BYTES = 6;
const LINK_BYTES = 3;

/**
 * 24 bits of a link's hash, never 0 (which marks an item without a link). Two links sharing one are
 * told apart by the url itself: among 30,000 items a look-up meets another's link about once in 560.
 */
export function linkHash(url: string): number {
  return (parseInt(hashString(url), 36) % 0xffffff) + 1;
}

/** Each key of a stored map with its link hash (0: none), keys ascending. */
export function forEachLink(r: IdentityRecord, each: (key: number, link: number) => void): void {
  let k = 0;
  let i = 0;
  readVarints(r.keys, 0, (d) => {
    k += d;
    each(k, r.l ? linkAt(r.l, i) : 0);
    i++;
  });
}

function linkAt(l: Uint8Array, i: number): number {
  return (l[i * LINK_BYTES]! << 16) | (l[i * LINK_BYTES + 1]! << 8) | l[i * LINK_BYTES + 2]!;
}

/** The first 6 bytes of an 8-byte id key as a number (48 bits: below 2^53, so exact). */
function hashOfKey(key: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < HASH_BYTES; i++) n = n * 256 + key[i]!;
  return n;
}

/**
 * 48 bits of the hash of an item's identity within its source (the one the ids of schemas 12 to 15
 * were made of). Among a source's 1,000 items, the chance a new one meets another's hash is ~4 in
 * 10^12.
 */
export function identityHash(sourceId: string, p: Pick<ParsedItem, 'guid' | 'url' | 'title'>): number {
  return hashOfKey(itemKey(itemIdFor(sourceId, p)) as Uint8Array);
}

/** The identity hash an item stored before schema 16 has in its record's id (undefined for an id of another form). */
export function identityHashOfId(id: ItemKey | undefined): number | undefined {
  if (id === undefined || typeof id === 'string') return undefined;
  const b = ArrayBuffer.isView(id) ? new Uint8Array(id.buffer, id.byteOffset, id.byteLength) : new Uint8Array(id);
  return b.length === 8 ? hashOfKey(b) : undefined;
}

/** One source's identities: hash -> store key; and each key's link hash. */
export class IdentityMap {
  private readonly byHash = new Map<number, number>();
  private readonly links = new Map<number, number>();
  /** Added to or pruned since it was read. */
  changed = false;

  static decode(r: IdentityRecord | undefined): IdentityMap {
    const m = new IdentityMap();
    if (!r) return m;
    let i = 0;
    forEachLink(r, (k, link) => {
      m.byHash.set(hashOfKey(r.h.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES)), k);
      if (link) m.links.set(k, link);
      i++;
    });
    return m;
  }

  get size(): number {
    return this.byHash.size;
  }

  find(hash: number): number | undefined {
    return this.byHash.get(hash);
  }

  /** The link hash of a key's item (0: none). */
  linkOf(key: number): number {
    return this.links.get(key) ?? 0;
  }

  add(hash: number, key: number, link = 0): void {
    this.byHash.set(hash, key);
    this.setLink(key, link);
    this.changed = true;
  }

  /** Notes the link of a key's item (an update may change it); true when it changed. */
  setLink(key: number, link: number): boolean {
    if (this.linkOf(key) === link) return false;
    if (link) this.links.set(key, link);
    else this.links.delete(key);
    this.changed = true;
    return true;
  }

  /** Sets every entry's link hash (the 16 -> 17 migration). */
  setLinks(linkOf: (key: number) => number): void {
    for (const k of this.byHash.values()) this.setLink(k, linkOf(k));
  }

  /** Drops the entries whose item is no longer stored. */
  keepOnly(stored: (key: number) => boolean): void {
    for (const [h, k] of this.byHash) {
      if (!stored(k)) {
        this.byHash.delete(h);
        this.links.delete(k);
        this.changed = true;
      }
    }
  }

  encode(): IdentityRecord {
    const entries = [...this.byHash].sort((a, b) => a[1] - b[1]);
    const keys: number[] = [];
    const h = new Uint8Array(new ArrayBuffer(entries.length * HASH_BYTES));
    const l = new Uint8Array(new ArrayBuffer(entries.length * LINK_BYTES));
    let last = 0;
    entries.forEach(([hash, k], i) => {
      pushVarint(keys, k - last);
      last = k;
      let n = hash;
      for (let j = HASH_BYTES - 1; j >= 0; j--) {
        h[i * HASH_BYTES + j] = n % 256;
        n = Math.floor(n / 256);
      }
      const link = this.linkOf(k);
      l[i * LINK_BYTES] = link >>> 16;
      l[i * LINK_BYTES + 1] = (link >>> 8) & 255;
      l[i * LINK_BYTES + 2] = link & 255;
    });
    return { keys: new Uint8Array(keys), h, l };
  }
}

/** The 'identities' store of a transaction. */
export interface IdentityStore {
  get(key: string | number): Promise<IdentityRecord | undefined>;
  put(value: IdentityRecord, key: string | number): Promise<unknown>;
  delete(key: string | number): Promise<unknown>;
}

export async function readIdentities(store: Pick<IdentityStore, 'get'>, sourceId: string): Promise<IdentityMap> {
  return IdentityMap.decode(await store.get(sourceKeyOf(sourceId)));
}

/** Writes the map back if it changed (an empty map removes the source's record). */
export async function writeIdentities(store: IdentityStore, sourceId: string, map: IdentityMap): Promise<void> {
  if (!map.changed) return;
  const key = sourceKeyOf(sourceId);
  await (map.size ? store.put(map.encode(), key) : store.delete(key));
}
