// Read-side queries of the sidebar: newest-first pages per filter, counts, the breaking ticker and
// search. Everything goes through indexes with bounded reads; nothing loads the whole store.
import type { NewsDb } from './schema';
import type { Item } from '../model';
import { fold, tokenize } from '../normalize/text';

export type Filter =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'starred' }
  | { kind: 'source'; id: string }
  | { kind: 'topic'; id: string };

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
/** A topic with at most this many items is read whole and sorted in memory (byTopic is not in date order). */
const TOPIC_IN_MEMORY = 3000;
/** Most records a filtered newest-first scan reads for one page before it hands back what it has. */
const SCAN_MAX = 20_000;

type ItemIndex = 'byPublished' | 'byRead' | 'byStarred' | 'bySource' | 'byBreaking';

interface Plan {
  index: ItemIndex;
  lower: IDBValidKey;
  upper: IDBValidKey;
  predicate?: (it: Item) => boolean;
}

function planOf(f: Filter): Plan {
  switch (f.kind) {
    case 'all':
      return { index: 'byPublished', lower: -Infinity, upper: Infinity };
    case 'unread':
      return { index: 'byRead', lower: [0, -Infinity], upper: [0, Infinity] };
    case 'starred':
      return { index: 'byStarred', lower: [1, -Infinity], upper: [1, Infinity] };
    case 'source':
      return { index: 'bySource', lower: [f.id, -Infinity], upper: [f.id, Infinity] };
    case 'topic':
      return { index: 'byPublished', lower: -Infinity, upper: Infinity, predicate: (it) => it.topics.includes(f.id) };
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
  }
}

/** Newest first: later published first, then the larger id (the order of an index walked 'prev'). */
export function newestFirst(a: Item, b: Item): number {
  return b.published - a.published || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Walks an index newest-first from just after `after`, collecting up to `limit` records that pass
 * `predicate`; stops after `maxScan` records so a rare match never walks the whole store.
 */
async function walk(db: NewsDb, p: Plan, after: PageCursor | undefined, limit: number, maxScan = Infinity): Promise<Page> {
  const tx = db.transaction('items');
  const index = tx.store.index(p.index);
  const upper = after ? after.key : p.upper;
  let cursor = await index.openCursor(IDBKeyRange.bound(p.lower, upper), 'prev');
  // Skip the records up to and including the previous page's last one (same key, id >= its id).
  if (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0) {
    if (indexedDB.cmp(cursor.primaryKey, after.id) > 0) cursor = await cursor.continuePrimaryKey(after.key as typeof cursor.key, after.id);
    if (cursor && indexedDB.cmp(cursor.key, after.key) === 0 && cursor.primaryKey === after.id) cursor = await cursor.continue();
  }
  const items: Item[] = [];
  let scanned = 0;
  let last: PageCursor | undefined;
  while (cursor && items.length < limit && scanned < maxScan) {
    scanned++;
    last = { key: cursor.key, id: cursor.primaryKey };
    if (!p.predicate || p.predicate(cursor.value)) items.push(cursor.value);
    if (items.length < limit && scanned < maxScan) cursor = await cursor.continue();
  }
  // A full page (or a scan cut short) may have more after it; an exhausted cursor has none.
  const more = cursor !== null && (items.length === limit || scanned >= maxScan);
  return { items, next: more ? last : undefined };
}

/** Items of a small topic: read whole through byTopic, sorted, then paged in memory. */
async function topicPageInMemory(db: NewsDb, id: string, after: PageCursor | undefined, limit: number): Promise<Page> {
  const all = (await db.getAllFromIndex('items', 'byTopic', IDBKeyRange.only(id))).sort(newestFirst);
  const start = after ? all.findIndex((it) => it.published < (after.key as number) || (it.published === after.key && it.id < after.id)) : 0;
  if (start < 0) return { items: [] };
  const items = all.slice(start, start + limit);
  const lastItem = items[items.length - 1];
  return { items, next: start + limit < all.length && lastItem ? { key: lastItem.published, id: lastItem.id } : undefined };
}

/** One newest-first page of a filter, after `after` (the previous page's `next`). */
export async function loadPage(db: NewsDb, filter: Filter, after?: PageCursor, limit = PAGE_SIZE): Promise<Page> {
  if (filter.kind === 'topic') {
    // Both ways page by (published, id), so a page may come from either as the topic grows.
    const n = await db.countFromIndex('items', 'byTopic', IDBKeyRange.only(filter.id));
    if (n <= TOPIC_IN_MEMORY) return topicPageInMemory(db, filter.id, after, limit);
    return walk(db, planOf(filter), after, limit, SCAN_MAX);
  }
  return walk(db, planOf(filter), after, limit);
}

export interface Counts {
  all: number;
  unread: number;
  starred: number;
  sources: Record<string, number>;
  topics: Record<string, number>;
}

/**
 * Counts for every filter, from the indexes (no item is loaded). Each count is its own short
 * transaction, one after the other: browsers count a range by walking it, so with a very large
 * store a single long read would hold back the user's own writes (mark read, star) until it ends.
 */
export async function loadCounts(db: NewsDb, sourceIds: string[], topicIds: string[]): Promise<Counts> {
  const count = (index: 'byRead' | 'byStarred' | 'bySource' | 'byTopic', range: IDBKeyRange) => db.countFromIndex('items', index, range);
  const all = await db.count('items');
  const unread = await count('byRead', IDBKeyRange.bound([0, -Infinity], [0, Infinity]));
  const starred = await count('byStarred', IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
  const sources: Record<string, number> = {};
  for (const id of sourceIds) sources[id] = await count('bySource', IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
  const topics: Record<string, number> = {};
  for (const id of topicIds) topics[id] = await count('byTopic', IDBKeyRange.only(id));
  return { all, unread, starred, sources, topics };
}

/** Breaking items published within the window, newest first. */
export async function loadBreaking(db: NewsDb, now: number, windowMin: number, limit = 30): Promise<Item[]> {
  const since = now - windowMin * 60_000;
  const page = await walk(db, { index: 'byBreaking', lower: [1, since], upper: [1, Infinity] }, undefined, limit);
  return page.items;
}

// ---- search ----

export interface SearchTerm {
  word: string;
  /** The word being typed: match words that start with it. */
  prefix: boolean;
}

/** Folded words of a query; the last one is a prefix unless the query ends in a space. */
export function parseQuery(q: string): SearchTerm[] {
  const words = [...new Set(tokenize(fold(q)))];
  const open = !/\s$/.test(q);
  return words.map((word, i) => ({ word, prefix: open && i === words.length - 1 }));
}

function termMatches(t: SearchTerm, words: string[]): boolean {
  return t.prefix ? words.some((w) => w.startsWith(t.word)) : words.includes(t.word);
}

function termRange(t: SearchTerm): IDBKeyRange {
  return t.prefix ? IDBKeyRange.bound(t.word, t.word + '\uffff') : IDBKeyRange.only(t.word);
}

export interface SearchResult {
  items: Item[];
  /** False when a very common query was answered from the newest items only. */
  complete: boolean;
}

/** A term matching more items than this is checked in memory instead of being read through byWord. */
const TERM_CAP = 2000;
/** Up to this many candidate ids are read one by one (requests are pipelined in one transaction). */
const FETCH_ONE_BY_ONE = 300;

/**
 * Items whose title or summary words match every term, newest first, at most `limit`.
 * Reads the rarest term's items through byWord (bounded by TERM_CAP) and checks the other terms
 * in memory; when every term is common, walks the newest items instead (matches are dense then).
 */
export async function searchItems(db: NewsDb, query: string, opts: { limit?: number; filter?: Filter } = {}): Promise<SearchResult> {
  const limit = opts.limit ?? 100;
  const terms = parseQuery(query);
  if (terms.length === 0) return { items: [], complete: true };
  const keep = (it: Item) => terms.every((t) => termMatches(t, it.words)) && (!opts.filter || matchesFilter(opts.filter, it));

  const tx = db.transaction('items');
  const byWord = tx.store.index('byWord');
  // Ids per term, or null for a term too common to list (it is checked in memory instead).
  const idSets = await Promise.all(
    terms.map(async (t) => {
      const keys = await byWord.getAllKeys(termRange(t), TERM_CAP + 1);
      return keys.length > TERM_CAP ? null : new Set(keys);
    }),
  );
  const listed = idSets.map((ids, i) => ({ ids, i })).filter((x): x is { ids: Set<string>; i: number } => x.ids !== null);
  if (listed.length > 0) {
    listed.sort((a, b) => a.ids.size - b.ids.size);
    const candidates = [...listed[0].ids].filter((id) => listed.every((x) => x.ids.has(id)));
    let found: Item[];
    if (candidates.length <= FETCH_ONE_BY_ONE) {
      found = (await Promise.all(candidates.map((id) => tx.store.get(id)))).filter((it): it is Item => it !== undefined);
    } else {
      // Many candidates: one bulk read of the rarest term beats thousands of single reads.
      const want = new Set(candidates);
      found = (await byWord.getAll(termRange(terms[listed[0].i]), TERM_CAP + 1)).filter((it) => want.delete(it.id)); // delete: a prefix range repeats items
    }
    return { items: found.filter(keep).sort(newestFirst).slice(0, limit), complete: true };
  }
  await tx.done;
  const page = await walk(db, { index: 'byPublished', lower: -Infinity, upper: Infinity, predicate: keep }, undefined, limit, SCAN_MAX);
  return { items: page.items, complete: page.next === undefined || page.items.length === limit };
}
