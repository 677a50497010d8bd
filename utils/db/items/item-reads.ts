// Reading stored items by id or store key, through the codec (item-record.ts), in any transaction.
import type { Item } from '../../model';
import type { NewsDb } from '../schema';
import { itemKey, sourceKeyOf, storeKeyOfId, type ItemKey } from './item-ids';
import { fromRecord, knownKeyOf, type ItemRecord } from './item-record';

/** A source's items in bySource, published from `lower` to `upper`. */
export function sourceItemsRange(sourceId: string, lower = -Infinity, upper = Infinity): IDBKeyRange {
  const s = sourceKeyOf(sourceId);
  return IDBKeyRange.bound([s, lower], [s, upper]);
}

/** The store key of an item: the one it was read with, its id's, else byId's (undefined when it is not stored). */
export async function keyOfItem(store: IdReader, it: Item): Promise<number | undefined> {
  return knownKeyOf(it) ?? storeKeyOfId(it.id) ?? ((await store.index('byId').getKey(itemKey(it.id))) as number | undefined);
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
