// Which stored item of a source has which identity: the dedupe's look-up (items.ts). Since schema 16
// an item's id is its store key (item-record.ts idOfStoreKey), so the record keeps no hash of its
// identity and byId lists it not; this map, one record per source, finds it instead. Per item it
// holds 6 bytes of the identity's hash and the store key as a varint difference (the keys of one
// poll's new items follow each other), where the id in the record and in byId cost ~61 B on disk
// (docs/PERFORMANCE.md, "Stored bytes"). Written in the poll's transaction, so it never disagrees
// with the items it names; an entry whose item is gone is dropped at the next write.
import type { ParsedItem } from '../model';
import { itemIdFor } from '../normalize/ids';
import { pushVarint, readVarints } from '../search/varint';
import { itemKey, sourceKeyOf, type ItemKey } from './item-record';

/** The stored form: the keys ascending, as varint differences, and 6 bytes of hash per key, in that order. */
export interface IdentityRecord {
  keys: Uint8Array<ArrayBuffer>;
  h: Uint8Array<ArrayBuffer>;
}

const HASH_BYTES = 6;

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

/** One source's identities: hash -> store key. */
export class IdentityMap {
  private readonly byHash = new Map<number, number>();
  /** Added to or pruned since it was read. */
  changed = false;

  static decode(r: IdentityRecord | undefined): IdentityMap {
    const m = new IdentityMap();
    if (!r) return m;
    let k = 0;
    let i = 0;
    readVarints(r.keys, 0, (d) => {
      k += d;
      m.byHash.set(hashOfKey(r.h.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES)), k);
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

  add(hash: number, key: number): void {
    this.byHash.set(hash, key);
    this.changed = true;
  }

  /** Drops the entries whose item is no longer stored. */
  keepOnly(stored: (key: number) => boolean): void {
    for (const [h, k] of this.byHash) {
      if (!stored(k)) {
        this.byHash.delete(h);
        this.changed = true;
      }
    }
  }

  encode(): IdentityRecord {
    const entries = [...this.byHash].sort((a, b) => a[1] - b[1]);
    const keys: number[] = [];
    const h = new Uint8Array(new ArrayBuffer(entries.length * HASH_BYTES));
    let last = 0;
    entries.forEach(([hash, k], i) => {
      pushVarint(keys, k - last);
      last = k;
      let n = hash;
      for (let j = HASH_BYTES - 1; j >= 0; j--) {
        h[i * HASH_BYTES + j] = n % 256;
        n = Math.floor(n / 256);
      }
    });
    return { keys: new Uint8Array(keys), h };
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
