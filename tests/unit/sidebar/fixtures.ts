// Items and sources for the sidebar tests, written straight into a fresh (fake) IndexedDB.
import { openNewsDb } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import type { Item, Source } from '@/utils/model';
import { writeItems } from '@/utils/db/items/item-writes';
import { indexQueued } from '@/utils/db/search/search-index';

export const NOW = Date.UTC(2026, 10, 25, 20, 37);
export const MIN = 60_000;

let seq = 0;

export function item(p: Partial<Item> & { title: string }): Item {
  seq++;
  const summaryHtml = p.summaryHtml ?? `<p>Summary of ${p.title}</p>`;
  const published = p.published ?? NOW - seq * MIN;
  return {
    id: p.id ?? `s1:${String(seq).padStart(5, '0')}`,
    sourceId: 's1',
    url: `https://news.example/${seq}`,
    contentHtml: '',
    published,
    firstSeen: NOW,
    updated: 0,
    categories: [],
    breaking: 0,
    topics: [],
    alert: 0,
    read: 0,
    starred: 0,
    ...p,
    summaryHtml,
  };
}

export function source(p: Partial<Source> & { id: string; name: string }): Source {
  return {
    url: `https://${p.id}.example/feed.xml`,
    kind: 'feed',
    enabled: true,
    intervalMin: 10,
    breaking: false,
    siteUrl: `https://${p.id}.example/`,
    addedAt: NOW - 1000,
    nextPollAt: NOW,
    failures: 0,
    health: 'ok',
    ...p,
  };
}

/** A store holding these items (written through the store's own writer, so the counters are right), indexed for search unless `index` is false. */
export async function dbWith(items: Item[], sources: Source[] = [], opts: { index?: boolean; batch?: number } = {}): Promise<NewsDb> {
  const db = await openNewsDb();
  await writeItems(db, (writer, tx) => Promise.all([...items.map((i) => writer.put(undefined, i)), ...sources.map((s) => tx.objectStore('sources').put(s))]));
  if (opts.index !== false) await indexQueued(db, { batch: opts.batch });
  return db;
}

/** Stores one item as a poll would (through the store's writer: counters and index-only fields right). */
export async function storeItem(db: NewsDb, it: Item): Promise<void> {
  await writeItems(db, (writer) => writer.put(undefined, it));
}
