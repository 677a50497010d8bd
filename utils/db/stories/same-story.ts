// The same story from another source: two feeds carrying one article (same canonical link) give one
// row that names both sources, so the badge and the list count it once.
import type { IDBPObjectStore } from 'idb';
import type { NewsSchema } from '../schema';
import type { Item, ParsedItem, Source } from '../../model';
import type { ItemTx, ITEM_STORES } from '../items/item-writes';
import { fromRecord } from '../items/item-record';
import { LinkTable } from './link-table';

type ItemStore = IDBPObjectStore<NewsSchema, (typeof ITEM_STORES)[number][], 'items', 'readwrite'>;

/**
 * The link table of a connection, made in the first transaction that needs it from the identity maps
 * (which that transaction's writes keep in step) and then kept up by the polls. Only polls add items,
 * and they run in one place (the worker), so a table never misses an item; one made elsewhere (a
 * test, a page) is only ever as stale as the items deleted since, which a look-up skips.
 */
const tables = new WeakMap<object, LinkTable>();

export async function linkTableOf(tx: ItemTx): Promise<LinkTable> {
  let t = tables.get(tx.db);
  if (!t) {
    t = LinkTable.of(await tx.objectStore('identities').getAll());
    tables.set(tx.db, t);
  }
  return t;
}

/** Drops the connection's link table (between polls: the next poll that needs it makes it again). */
export function forgetLinkTable(db: object): void {
  tables.delete(db);
}

/**
 * Another source's item with this link, if any. Never within one source (a live page reuses one URL
 * for many updates, each its own item) and never for a live source's updates, for the same reason.
 * `ownKeys` are the store keys of this source's items. The table names candidates by the link's hash;
 * an item is read only when another source has one (the rare case), and must have the link itself.
 */
export async function storyFromOtherSource(store: ItemStore, links: LinkTable, source: Source, p: ParsedItem, ownKeys: ReadonlySet<number>, link: number): Promise<Item | undefined> {
  if (!p.url || source.breaking || source.kind === 'live') return undefined;
  for (const key of links.find(link)) {
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
