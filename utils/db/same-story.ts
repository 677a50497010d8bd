// The same story from another source: two feeds carrying one article (same canonical link) give one
// row that names both sources, so the badge and the list count it once.
import type { IDBPObjectStore } from 'idb';
import type { NewsSchema } from './schema';
import type { Item, ParsedItem, Source } from '../model';
import type { ITEM_STORES } from './item-writes';

type ItemStore = IDBPObjectStore<NewsSchema, (typeof ITEM_STORES)[number][], 'items', 'readwrite'>;

/**
 * Another source's item with this link, if any. Never within one source (a live page reuses one URL
 * for many updates, each its own item) and never for a live source's updates, for the same reason.
 * `ownIds` are the ids this source has stored: the link's keys are read, and an item only when it is
 * another source's (the rare case), so a new story costs one small request.
 */
export async function storyFromOtherSource(store: ItemStore, source: Source, p: ParsedItem, ownIds: ReadonlySet<string>): Promise<Item | undefined> {
  if (!p.url || source.breaking || source.kind === 'live') return undefined;
  const ids = await store.index('byLink').getAllKeys(p.url, 5);
  const other = ids.find((id) => !ownIds.has(id));
  return other === undefined ? undefined : store.get(other);
}

/** The item once it also names `sourceId` (undefined when it already does). */
export function joinedBy(it: Item, sourceId: string): Item | undefined {
  if (it.alsoFrom?.includes(sourceId)) return undefined;
  return { ...it, alsoFrom: [...(it.alsoFrom ?? []), sourceId] };
}
