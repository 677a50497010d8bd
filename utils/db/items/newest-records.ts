// The newest `count` records of an index range in one request, where the browser has
// IDBIndex.getAllRecords (Chromium 141+); undefined elsewhere, and callers walk a cursor instead.
// One request instead of one per record: about 15 ms less for a first page in the sidebar.
import { unwrap } from 'idb';
import type { Item } from '../../model';

interface RecordsIndex {
  getAllRecords?: (o: { query: IDBKeyRange; direction: IDBCursorDirection; count: number }) => IDBRequest<Array<{ key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }>>;
}

/** `K`: the primary key's type (an item's is its store key: item-record.ts idOfKey reads it). */
export type IndexRecord<V = Item, K = string> = { key: IDBValidKey; primaryKey: K; value: V };

/** Also for a store (its records' key and primaryKey are the same). */
export function newestRecords<V = Item, K = string>(index: object, query: IDBKeyRange, count: number): Promise<IndexRecord<V, K>[]> | undefined {
  const raw = unwrap(index as never) as unknown as RecordsIndex;
  if (typeof raw.getAllRecords !== 'function') return undefined;
  const req = raw.getAllRecords({ query, direction: 'prev', count });
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as never);
    req.onerror = () => reject(req.error);
  });
}
