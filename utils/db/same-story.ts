// The same story from another source: two feeds carrying one article (same canonical link) give one
// row that names both sources, so the badge and the list count it once.
import type { IDBPObjectStore } from 'idb';
import type { NewsSchema } from './schema';
import type { Item, ParsedItem, Source } from '../model';
import type { ITEM_STORES } from './item-writes';
import { fromRecord, linkKey } from './item-record';

type ItemStore = IDBPObjectStore<NewsSchema, (typeof ITEM_STORES)[number][], 'items', 'readwrite'>;

/**
 * Another source's item with this link, if any. Never within one source (a live page reuses one URL
 * for many updates, each its own item) and never for a live source's updates, for the same reason.
 * `ownKeys` are the store keys of this source's items: the link's keys are read, and an item only when
 * it is another source's (the rare case), so a new story costs one small request.
 */
export async function storyFromOtherSource(store: ItemStore, source: Source, p: ParsedItem, ownKeys: ReadonlySet<number>): Promise<Item | undefined> {
  if (!p.url || source.breaking || source.kind === 'live') return undefined;
  // The index holds the link's hash: the item read must also have the link itself.
  const keys = await store.index('byLink').getAllKeys(linkKey(p.url), 5);
  for (const key of keys) {
    if (ownKeys.has(key)) continue;
    const r = await store.get(key);
    const it = r && fromRecord(r);
    if (it?.url === p.url) return it;
  }
  return undefined;
}

/** The item once it also names `sourceId` (undefined when it already does). */
export function joinedBy(it: Item, sourceId: string): Item | undefined {
  if (it.alsoFrom?.includes(sourceId)) return undefined;
  return { ...it, alsoFrom: [...(it.alsoFrom ?? []), sourceId] };
}
