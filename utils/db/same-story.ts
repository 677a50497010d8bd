// The same story from another source: two feeds carrying one article (same canonical link) give one
// row that names both sources, so the badge and the list count it once.
import type { IDBPObjectStore } from 'idb';
import type { NewsSchema } from './schema';
import type { Item, ParsedItem, Source } from '../model';
import type { ITEM_STORES } from './item-writes';
import { getItem, idOfKey, linkKey } from './item-record';

type ItemStore = IDBPObjectStore<NewsSchema, (typeof ITEM_STORES)[number][], 'items', 'readwrite'>;

/**
 * Another source's item with this link, if any. Never within one source (a live page reuses one URL
 * for many updates, each its own item) and never for a live source's updates, for the same reason.
 * `ownIds` are the ids this source has stored: the link's keys are read, and an item only when it is
 * another source's (the rare case), so a new story costs one small request.
 */
export async function storyFromOtherSource(store: ItemStore, source: Source, p: ParsedItem, ownIds: ReadonlySet<string>): Promise<Item | undefined> {
  if (!p.url || source.breaking || source.kind === 'live') return undefined;
  // The index holds the link's hash: the item read must also have the link itself.
  const ids = (await store.index('byLink').getAllKeys(linkKey(p.url), 5)).map(idOfKey);
  for (const id of ids) {
    if (ownIds.has(id)) continue;
    const it = await getItem(store, id);
    if (it?.url === p.url) return it;
  }
  return undefined;
}

/** The item once it also names `sourceId` (undefined when it already does). */
export function joinedBy(it: Item, sourceId: string): Item | undefined {
  if (it.alsoFrom?.includes(sourceId)) return undefined;
  return { ...it, alsoFrom: [...(it.alsoFrom ?? []), sourceId] };
}
