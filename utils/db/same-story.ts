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
 */
export async function storyFromOtherSource(store: ItemStore, source: Source, p: ParsedItem): Promise<Item | undefined> {
  if (!p.url || source.breaking || source.kind === 'live') return undefined;
  const same = await store.index('byLink').getAll(p.url, 5);
  return same.find((it) => it.sourceId !== source.id);
}

/** The item once it also names `sourceId` (undefined when it already does). */
export function joinedBy(it: Item, sourceId: string): Item | undefined {
  if (it.alsoFrom?.includes(sourceId)) return undefined;
  return { ...it, alsoFrom: [...(it.alsoFrom ?? []), sourceId] };
}
