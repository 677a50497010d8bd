// Read-side queries of the sidebar: newest-first pages per filter, counts, the breaking ticker and
// search. Everything goes through indexes with bounded reads; nothing loads the whole store.
import type { NewsDb } from './schema';
import type { Item } from '../model';
import { ALL, sourceKey, topicKey } from './counters';
import { newestRecords } from './newest-records';
import { topicRange } from './topic-keys';

export type Filter =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'starred' }
  | { kind: 'source'; id: string }
  | { kind: 'topic'; id: string }
  /** A folder of sources: `id` is its name, `sourceIds` the sources in it when it was chosen. */
  | { kind: 'folder'; id: string; sourceIds: readonly string[] };

/** Where the previous page ended: the index key and id of its last record. */
export interface PageCursor {
  key: IDBValidKey;
  id: string;
}

export interface Page {
  items: Item[];
  /** Absent when there is nothing more. */
  next?: PageCursor;
}

export const PAGE_SIZE = 50;

type ItemIndex = 'byPublished' | 'byRead' | 'byStarred' | 'bySource' | 'byBreaking' | 'byTopicTime';

/** Where a filter's items are: an index and its bounds (oldest to newest). */
export interface FilterRange {
  index: ItemIndex;
  lower: IDBValidKey;
  upper: IDBValidKey;
  range: IDBKeyRange;
}

const span = (index: ItemIndex, lower: IDBValidKey, upper: IDBValidKey): FilterRange => ({ index, lower, upper, range: IDBKeyRange.bound(lower, upper) });

/** The one index range holding a filter's items, optionally only those published up to `until`. */
export function rangeOf(f: Filter, until = Infinity): FilterRange {
  switch (f.kind) {
    case 'all':
      return span('byPublished', -Infinity, until);
    case 'unread':
      return span('byRead', [0, -Infinity], [0, until]);
    case 'starred':
      return span('byStarred', -Infinity, until);
    case 'source':
      return span('bySource', [f.id, -Infinity], [f.id, until]);
    case 'topic': {
      const r = topicRange(f.id, until);
      return span('byTopicTime', r.lower as string, r.upper as string);
    }
    case 'folder':
      // No index per folder: its items are picked from all, newest first (see walk's `keep`).
      return span('byPublished', -Infinity, until);
  }
}

/** Does the item belong to the filter? (For filtering search results and new arrivals in memory.) */
export function matchesFilter(f: Filter, it: Item): boolean {
  switch (f.kind) {
    case 'all':
      return true;
    case 'unread':
      return it.read === 0;
    case 'starred':
      return it.starred === 1;
    case 'source':
      return it.sourceId === f.id;
    case 'topic':
      return it.topics.includes(f.id);
    case 'folder':
      return f.sourceIds.includes(it.sourceId);
  }
}

/** Newest first: later published first, then the larger id (the order of an index walked 'prev'). */
export function newestFirst(a: Item, b: Item): number {
  return b.published - a.published || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Walks a filter's range newest-first from just after `after`, collecting up to `limit` records. */
async function walk(db: NewsDb, p: FilterRange, after: PageCursor | undefined, limit: number, keep?: (it: Item) => boolean): Promise<Page> {
  const tx = db.transaction('items');
  const index = tx.store.index(p.index);
  if (!after && !keep) {
    const recs = newestRecords(index, p.range, limit);
    if (recs) {
      const got = await recs;
      const end = got[got.length - 1];
      return { items: got.map((r) => r.value), next: got.length === limit && end ? { key: end.key, id: end.primaryKey } : undefined };
    }
  }
  const upper = after ? after.key : p.upper;
  let cursor = await index.openCursor(IDBKeyRange.bound(p.lower, upper), 'prev');
  // Skip the records up to and including the previous page's last one (same key, id >= its id).
  if (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0) {
    if (indexedDB.cmp(cursor.primaryKey, after.id) > 0) cursor = await cursor.continuePrimaryKey(after.key as typeof cursor.key, after.id);
    if (cursor && indexedDB.cmp(cursor.key, after.key) === 0 && cursor.primaryKey === after.id) cursor = await cursor.continue();
  }
  const items: Item[] = [];
  let last: PageCursor | undefined;
  while (cursor && items.length < limit) {
    last = { key: cursor.key, id: cursor.primaryKey };
    if (!keep || keep(cursor.value)) items.push(cursor.value);
    if (items.length < limit) cursor = await cursor.continue();
  }
  // A full page may have more after it; an exhausted cursor has none.
  const more = cursor !== null && items.length === limit;
  return { items, next: more ? last : undefined };
}

/** One newest-first page of a filter, after `after` (the previous page's `next`). */
export async function loadPage(db: NewsDb, filter: Filter, after?: PageCursor, limit = PAGE_SIZE): Promise<Page> {
  const keep = filter.kind === 'folder' ? (it: Item) => matchesFilter(filter, it) : undefined;
  return walk(db, rangeOf(filter), after, limit, keep);
}

export interface Counts {
  all: number;
  unread: number;
  starred: number;
  /** Unread items per source and per topic. */
  sources: Record<string, number>;
  topics: Record<string, number>;
}

/** Counts for every filter, from the counters every write keeps (counting through an index walks it). */
export async function loadCounts(db: NewsDb, sourceIds: string[], topicIds: string[]): Promise<Counts> {
  const tx = db.transaction('counters');
  const [all, perSource, perTopic] = await Promise.all([
    tx.store.get(ALL),
    Promise.all(sourceIds.map((id) => tx.store.get(sourceKey(id)))),
    Promise.all(topicIds.map((id) => tx.store.get(topicKey(id)))),
  ]);
  return {
    all: all?.total ?? 0,
    unread: all?.unread ?? 0,
    starred: all?.starred ?? 0,
    sources: Object.fromEntries(sourceIds.map((id, i) => [id, perSource[i]?.unread ?? 0])),
    topics: Object.fromEntries(topicIds.map((id, i) => [id, perTopic[i]?.unread ?? 0])),
  };
}

/** Breaking items published within the window, newest first. */
export async function loadBreaking(db: NewsDb, now: number, windowMin: number, limit = 30): Promise<Item[]> {
  const since = now - windowMin * 60_000;
  const page = await walk(db, span('byBreaking', since, Infinity), undefined, limit);
  return page.items;
}
