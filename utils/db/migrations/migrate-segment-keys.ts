// 14 -> 15: the search segments name their items by store key instead of by id. An id is 8 random
// bytes; a store key is a sequence number whose difference from its neighbour fits a byte or two, and an
// item is then read by its key rather than through the byId index. With the times as varint gaps and
// the words as one string, a segment's docs shrink from ~170 KB to ~45 KB for 8,192 items: under the
// size from which Chromium keeps a value as a separate blob file. Postings are unchanged (they name
// an item by its place in the segment, which stays).
import type { IDBPTransaction, StoreNames } from 'idb';
import { itemKey, unpackIds } from '../items/item-ids';
import type { LegacySegmentDocs } from './legacy-schemas';
import type { NewsSchema } from '../schema';
import { encodeDocs } from '../../search/segment-docs';

type Tx = IDBPTransaction<NewsSchema, StoreNames<NewsSchema>[], 'versionchange'>;

export async function moveSegmentsToStoreKeys(tx: Tx): Promise<void> {
  const docs = tx.objectStore('searchDocs');
  const byId = tx.objectStore('items').index('byId');
  const all = (await docs.getAll()) as unknown as LegacySegmentDocs[];
  await Promise.all(all.map(async (d) => {
    // An item deleted since the segment was built has no key: 0, which a search skips.
    const keys = await Promise.all(unpackIds(d.ids).map((id) => byId.getKey(itemKey(id))));
    await docs.put(encodeDocs(d.seg, keys.map((k) => (k as number | undefined) ?? 0), Array.from(d.t), d.words));
  }));
}
