// Read-side queries of the sidebar: newest-first pages per filter, counts, the breaking ticker and
// search. Everything goes through indexes with bounded reads; nothing loads the whole store.
import type { NewsDb } from './schema';
import type { Item } from '../model';
import { ALL_ITEMS_KEY, MUTED_ITEMS_KEY, listRowsOf, sourceItemsKey, topicItemsKey } from './counters';
import { isMuted } from '../mutes/ids';
import { newestRecords } from './items/newest-records';
import { topicTagRange, withTopicsOf } from './tags';
import { withStoryInfo } from './stories/story-writes';
import { fromRecord, knownKeyOf, type ItemRecord } from './items/item-record';
import { getItems } from './items/item-reads';
import { sourceKeyOf } from './items/item-ids';

export type Filter =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'starred' }
  | { kind: 'source'; id: string }
  | { kind: 'topic'; id: string }
  /** A folder of sources: `id` is its name, `sourceIds` the sources in it when it was chosen. */
  | { kind: 'folder'; id: string; sourceIds: readonly string[] };

/**
 * Where the previous page ended: the index key of its last record and that record's primary key (an
 * item's store number; in the topic filter, the tag's item id).
 */
export interface PageCursor {
  key: IDBValidKey;
  at: IDBValidKey;
}

export interface Page {
  items: Item[];
  /** Absent when there is nothing more. */
  next?: PageCursor;
}

export const PAGE_SIZE = 50;

export type ItemIndex = 'byState' | 'byStarred' | 'bySource' | 'byBreaking';

/**
 * Every item by time: byState lists the unread ([0, time]) and then the read ([1, time]), each item
 * once (no index lists every item's time a second time: docs/PERFORMANCE.md, "Stored bytes").
 */
const STATES = [0, 1] as const;

/** A read state's items in byState, published from `lower` to `upper`. */
const stateRange = (q: 0 | 1, lower: number, upper: number): FilterRange => span('byState', [q, lower], [q, upper]);

/**
 * Where a filter's items are: an index of the items, 'tags' (the tags' byTopicTime), or 'merged': the
 * index ranges in `parts` (each keyed [prefix, time]) merged newest first; and its bounds (oldest to
 * newest; a merged range's are times).
 */
export interface FilterRange {
  index: ItemIndex | 'merged' | 'tags';
  lower: IDBValidKey;
  upper: IDBValidKey;
  range: IDBKeyRange;
  parts?: FilterRange[];
}

const span = (index: FilterRange['index'], lower: IDBValidKey, upper: IDBValidKey): FilterRange => ({ index, lower, upper, range: IDBKeyRange.bound(lower, upper) });

const merged = (parts: FilterRange[], until: number): FilterRange => ({ ...span('merged', -Infinity, until), parts });

/** A source's items in bySource, published up to `until`. */
const sourceRange = (id: string, until: number): FilterRange => span('bySource', [sourceKeyOf(id), -Infinity], [sourceKeyOf(id), until]);

/** The one index range holding a filter's items, optionally only those published up to `until`. */
export function rangeOf(f: Filter, until = Infinity): FilterRange {
  switch (f.kind) {
    case 'all':
      return merged(STATES.map((q) => stateRange(q, -Infinity, until)), until);
    case 'unread':
      return stateRange(0, -Infinity, until);
    case 'starred':
      return span('byStarred', -Infinity, until);
    case 'source':
      return sourceRange(f.id, until);
    case 'topic': {
      const r = topicTagRange(f.id, until);
      return span('tags', r.lower as IDBValidKey, r.upper as IDBValidKey);
    }
    case 'folder':
      // Its sources' own items, as in a source's filter: each report its outlet's row (a story's row
      // from a source outside the folder is no row here; the folder's reports of it are), so the list
      // is what the folder's count (its sources' counts summed) counts.
      return merged(f.sourceIds.map((id) => sourceRange(id, until)), until);
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
      // Items read for a page or search carry their topics (withTopicsOf).
      return (it.topics ?? []).includes(f.id);
    case 'folder':
      return f.sourceIds.includes(it.sourceId);
  }
}


/** Pages read to fill one page past muted items before the rest is left to the next page. */
const MUTED_ROUNDS = 20;

/**
 * A filter's page without its muted items (utils/mutes/): when rules hid some, the next records are
 * read until the page is full, so a page is never short while more is there. `showMuted` keeps them.
 */
async function walk(db: NewsDb, p: FilterRange, after: PageCursor | undefined, limit: number, showMuted = false): Promise<Page> {
  const items: Item[] = [];
  let at = after;
  for (let round = 0; ; round++) {
    const page = await walkOnce(db, p, at, limit);
    for (const it of page.items) if (showMuted || !isMuted(it)) items.push(it);
    if (items.length >= limit || !page.next || round + 1 >= MUTED_ROUNDS) return { items, next: page.next };
    at = page.next;
  }
}

/** Walks a filter's range newest-first from just after `after`, collecting up to `limit` records, with their topics. */
async function walkOnce(db: NewsDb, p: FilterRange, after: PageCursor | undefined, limit: number): Promise<Page> {
  const tx = db.transaction(['items', 'tags', 'stories']);
  const page = p.index === 'tags'
    ? await walkTags(tx, p, after, limit)
    : p.index === 'merged'
      ? await walkMerged(tx, p.parts ?? [], after, limit)
      : await walkItems(tx, p.index, p, after, limit);
  // One look-up per row shown, for its chips (tags are not in the item), and one per story row.
  const [tagged, stories] = await Promise.all([withTopicsOf(tx, page.items), withStoryInfo(tx, page.items)]);
  return { ...page, items: tagged.map((it, i) => (stories[i]!.storyInfo ? { ...it, storyInfo: stories[i]!.storyInfo } : it)) };
}

type ReadTx = ReturnType<typeof readTx>;
const readTx = (db: NewsDb) => db.transaction(['items', 'tags', 'stories']);

/** A topic's items: its entries in the tags' byTopicTime newest first (primary key: the item id), then the items. */
async function walkTags(tx: ReadTx, p: FilterRange, after: PageCursor | undefined, limit: number): Promise<Page> {
  const index = tx.objectStore('tags').index('byTopicTime');
  let ids: string[] = [];
  let last: PageCursor | undefined;
  const recs = after ? undefined : newestRecords<unknown>(index, p.range, limit);
  if (recs) {
    const got = await recs;
    ids = got.map((r) => r.primaryKey);
    const end = got[got.length - 1];
    if (end) last = { key: end.key, at: end.primaryKey };
  } else {
    let cursor = await index.openKeyCursor(IDBKeyRange.bound(p.lower, after ? after.key : p.upper), 'prev');
    // Skip the entries up to and including the previous page's last one (same key, id >= its id).
    if (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0) {
      if (indexedDB.cmp(cursor.primaryKey, after.at) > 0) cursor = await cursor.continuePrimaryKey(after.key as typeof cursor.key, after.at as string);
      if (cursor && indexedDB.cmp(cursor.key, after.key) === 0 && indexedDB.cmp(cursor.primaryKey, after.at) === 0) cursor = await cursor.continue();
    }
    while (cursor && ids.length < limit) {
      ids.push(cursor.primaryKey);
      last = { key: cursor.key, at: cursor.primaryKey };
      if (ids.length < limit) cursor = await cursor.continue();
    }
  }
  const items = (await getItems(tx.objectStore('items'), ids)).filter((it): it is Item => !!it);
  return { items, next: ids.length === limit ? last : undefined };
}

async function walkItems(tx: ReadTx, name: ItemIndex, p: FilterRange, after: PageCursor | undefined, limit: number): Promise<Page> {
  const index = tx.objectStore('items').index(name);
  if (!after) {
    const recs = newestRecords<ItemRecord, IDBValidKey>(index, p.range, limit);
    if (recs) {
      const got = await recs;
      const end = got[got.length - 1];
      return { items: got.map((r) => fromRecord(r.value)), next: got.length === limit && end ? { key: end.key, at: end.primaryKey } : undefined };
    }
  }
  const upper = after ? after.key : p.upper;
  let cursor = await index.openCursor(IDBKeyRange.bound(p.lower, upper), 'prev');
  // Skip the records up to and including the previous page's last one (same key, primary key >= its).
  if (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0) {
    if (indexedDB.cmp(cursor.primaryKey, after.at) > 0) cursor = await cursor.continuePrimaryKey(after.key as typeof cursor.key, after.at as number);
    if (cursor && indexedDB.cmp(cursor.key, after.key) === 0 && indexedDB.cmp(cursor.primaryKey, after.at) === 0) cursor = await cursor.continue();
  }
  const items: Item[] = [];
  let last: PageCursor | undefined;
  while (cursor && items.length < limit) {
    last = { key: cursor.key, at: cursor.primaryKey };
    items.push(fromRecord(cursor.value));
    if (items.length < limit) cursor = await cursor.continue();
  }
  // A full page may have more after it; an exhausted cursor has none.
  const more = cursor !== null && items.length === limit;
  return { items, next: more ? last : undefined };
}

/** Newest first by time, then by store key: the order of an index walked 'prev' (ties by the later stored). */
const byTimeThenKey = (a: Item, b: Item) => b.published - a.published || (knownKeyOf(b) ?? 0) - (knownKeyOf(a) ?? 0);

/**
 * A page of several index ranges keyed [prefix, time] (every item: both read states of byState; a
 * folder: its sources' ranges of bySource), merged by time. The merged page's cursor is [time, store
 * key], which places every range. Reads up to a page per range; a page never misses an item, since
 * whatever one range gave beyond the merged page's end comes again on the next.
 */
async function walkMerged(tx: ReadTx, parts: readonly FilterRange[], after: PageCursor | undefined, limit: number): Promise<Page> {
  const pages = await Promise.all(parts.map((r) => {
    const prefix = (r.lower as IDBValidKey[])[0]!;
    return walkItems(tx, r.index as ItemIndex, r, after && { key: [prefix, after.key as number], at: after.at }, limit);
  }));
  const all = pages.flatMap((pg) => pg.items).sort(byTimeThenKey);
  const items = all.slice(0, limit);
  const end = items[items.length - 1];
  const more = all.length > limit || pages.some((pg) => pg.next);
  return { items, next: more && end ? { key: end.published, at: knownKeyOf(end)! } : undefined };
}

/** The store keys of the newest `limit` items, newest first (keys only: no record is read). */
export async function newestKeys(db: NewsDb, limit: number): Promise<number[]> {
  const tx = db.transaction('items');
  const walks = await Promise.all(STATES.map(async (q) => {
    const out: Array<[number, number]> = [];
    let cur = await tx.store.index('byState').openKeyCursor(stateRange(q, -Infinity, Infinity).range, 'prev');
    while (cur && out.length < limit) {
      out.push([cur.key[1], cur.primaryKey]);
      cur = await cur.continue();
    }
    return out;
  }));
  return walks.flat().sort((a, b) => b[0] - a[0] || b[1] - a[1]).slice(0, limit).map((e) => e[1]);
}

/** One newest-first page of a filter, after `after` (the previous page's `next`). */
export async function loadPage(db: NewsDb, filter: Filter, after?: PageCursor, limit = PAGE_SIZE, opts: { showMuted?: boolean } = {}): Promise<Page> {
  return walk(db, rangeOf(filter), after, limit, opts.showMuted);
}

export interface Counts {
  all: number;
  unread: number;
  starred: number;
  /** Unread items per source and per topic. */
  sources: Record<string, number>;
  topics: Record<string, number>;
  /** Items hidden by mute rules ("Show muted (N)"). */
  muted: number;
}

/**
 * Counts for every filter, from the counters every write keeps (counting through an index walks it).
 * The store holds a few records per source, topic and mute rule: one getAll reads them all, where a get
 * per source cost the side panel 15 ms of its main thread with 200 sources (each request ~70 µs).
 */
export async function loadCounts(db: NewsDb, sourceIds: string[], topicIds: string[]): Promise<Counts> {
  const byKey = new Map((await db.getAll('counters')).map((c) => [c.key, c]));
  const all = byKey.get(ALL_ITEMS_KEY);
  return {
    all: listRowsOf(all),
    unread: all?.unread ?? 0,
    starred: all?.starred ?? 0,
    sources: Object.fromEntries(sourceIds.map((id) => [id, byKey.get(sourceItemsKey(id))?.unread ?? 0])),
    topics: Object.fromEntries(topicIds.map((id) => [id, byKey.get(topicItemsKey(id))?.unread ?? 0])),
    muted: listRowsOf(byKey.get(MUTED_ITEMS_KEY)),
  };
}

/** A story's reports, its row first, then the others in the order they came (what an opened row lists). */
export async function loadStory(db: NewsDb, storyId: string, opts: { showMuted?: boolean } = {}): Promise<Item[]> {
  const tx = db.transaction(['items', 'stories', 'tags']);
  const rec = await tx.objectStore('stories').get(storyId);
  if (!rec) return [];
  const found = await getItems(tx.objectStore('items'), [rec.lead, ...rec.items.filter((id) => id !== rec.lead)]);
  // Muted reports are left out of an opened row, unless muted items are shown (utils/mutes/story.ts).
  const tagged = await withTopicsOf(tx, found.filter((it): it is Item => !!it));
  return tagged.filter((it, i) => i === 0 || opts.showMuted || !isMuted(it));
}

/** Breaking items published within the window, newest first. */
export async function loadBreaking(db: NewsDb, now: number, windowMin: number, limit = 30): Promise<Item[]> {
  const since = now - windowMin * 60_000;
  const page = await walk(db, span('byBreaking', since, Infinity), undefined, limit);
  return page.items;
}
