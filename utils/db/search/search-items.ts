// Search over titles and summaries as the user types, newest first, also with 100,000 items.
// The index (search-index.ts) is segments of items with, per word, the numbers of the items holding
// it. A query intersects its words' postings within each segment, then reads segments newest first
// and checks the newest candidates against the items themselves (still there, still matching, in
// the filter) until no unread segment can hold a newer match. Items not indexed yet wait in the
// queue and are checked one by one. The work depends on the answer, not on the size of the store.
import { getItem, getItems, getItemsByKey, storedKeyOf } from '../items/item-reads';
import { knownKeyOf } from '../items/item-record';
import { newestFirst } from '../items/item-ids';
import { storyInfoOf } from '../stories/story-writes';
import type { IDBPTransaction } from 'idb';
import { storesOf, type NewsSchema, type NewsDb, type SegmentDocs, type SegmentMeta } from '../schema';
import type { Item } from '../../model';
import { itemMatches, parseQuery, type SearchTerm } from '../../search/query';
import { decodePostings, intersect, union, type Postings } from '../../search/segment';
import { allQueuedIds, prefixKeyRange, wordKeyRange } from './search-index';
import { decodeDocs, wordsStartingWith } from '../../search/segment-docs';
import { matchesFilter, type Filter } from '../queries';
import { mutesOfRecord, topicsOfRecord } from '../tags';

export interface SearchResult {
  items: Item[];
  /** False when the answer may miss older matches (a very short prefix, a long scan cut short). */
  complete: boolean;
}

/** A prefix stands for at most this many distinct words. */
const MAX_PREFIX_WORDS = 40;
/** Most candidates checked against their items before a search answers with what it has. */
const MAX_CHECKED = 4000;

const SEARCH_STORES = ['items', 'tags', 'searchQueue', 'searchSegments', 'searchDocs', 'searchPostings', 'stories'] as const;
type SearchTx = IDBPTransaction<NewsSchema, (typeof SEARCH_STORES)[number][], 'readonly'>;

/** The indexed words a term stands for: itself, or (a prefix) the words starting with it. */
async function wordsOf(tx: SearchTx, t: SearchTerm): Promise<{ words: string[]; more: boolean }> {
  if (!t.prefix) return { words: [t.word], more: false };
  const words: string[] = [];
  let cur = await tx.objectStore('searchPostings').openKeyCursor(prefixKeyRange(t.word));
  while (cur && words.length < MAX_PREFIX_WORDS) {
    const w = cur.key[0];
    words.push(w);
    // Hop to the next word: [w, []] sorts after every key of w.
    cur = await cur.continue([w, []] as unknown as [string, number, number]);
  }
  return { words, more: cur !== null };
}

/** Per segment, a word's stored postings there (decoded only when a segment is reached). */
async function wordPostings(tx: SearchTx, word: string): Promise<Map<number, Postings>> {
  const store = tx.objectStore('searchPostings');
  const [keys, values] = await Promise.all([store.getAllKeys(wordKeyRange(word)), store.getAll(wordKeyRange(word))]);
  return new Map(keys.map((k, i) => [k[2], values[i]!]));
}

/** Per segment, the numbers of the items holding any of `words`. */
async function postingsOf(tx: SearchTx, words: string[]): Promise<Map<number, number[]>> {
  const lists = new Map<number, ArrayLike<number>[]>();
  for (const perSeg of await Promise.all(words.map((w) => wordPostings(tx, w)))) {
    for (const [seg, p] of perSeg) lists.set(seg, [...(lists.get(seg) ?? []), decodePostings(p)]);
  }
  return new Map([...lists].map(([seg, l]) => [seg, union(l)]));
}

interface Matches {
  /** Segment -> numbers of its items holding every term. */
  bySeg: Map<number, number[]>;
  complete: boolean;
}

/** Every segment's matches of the terms (for counting and narrowing, not for the newest few). */
async function indexMatches(tx: SearchTx, terms: readonly SearchTerm[]): Promise<Matches> {
  const found = await Promise.all(terms.map((t) => wordsOf(tx, t)));
  const perTerm = await Promise.all(found.map((f) => postingsOf(tx, f.words)));
  const bySeg = new Map<number, number[]>();
  for (const seg of perTerm[0].keys()) {
    const lists = perTerm.map((m) => m.get(seg));
    if (lists.every((l): l is number[] => !!l)) {
      const hit = intersect(lists);
      if (hit.length) bySeg.set(seg, hit);
    }
  }
  return { bySeg, complete: found.every((f) => !f.more) };
}

/**
 * A segment's matches, read when the search reaches it: the whole words' postings were read for
 * every segment at the start (one request per word); a prefix's words are the segment's own words
 * that start with it (from its docs), and only their postings in this segment are read. Reading a
 * prefix's postings in every segment cost more than the rest of a search together.
 */
async function segmentMatches(tx: SearchTx, meta: SegmentMeta, docs: SegmentDocs, prefixes: readonly SearchTerm[], whole: Postings[]): Promise<{ hits: number[]; complete: boolean }> {
  const store = tx.objectStore('searchPostings');
  let complete = true;
  const lists = whole.map(decodePostings);
  for (const t of prefixes) {
    let words = wordsStartingWith(docs, t.word);
    if (words.length > MAX_PREFIX_WORDS) {
      words = words.slice(0, MAX_PREFIX_WORDS);
      complete = false;
    }
    if (words.length === 0) return { hits: [], complete };
    const got = await Promise.all(words.map((w) => store.get([w, meta.maxT, meta.seg])));
    lists.push(union(got.filter((p) => p !== undefined).map(decodePostings)));
  }
  return { hits: intersect(lists), complete };
}

/** A matching item: its segment's store keys and its number there, and its time. */
interface Candidate {
  keys: number[];
  n: number;
  t: number;
}

/** Two newest-first lists as one (each segment's matches are newest first already). */
function mergeNewest(a: Candidate[], b: Candidate[]): Candidate[] {
  if (a.length === 0) return b;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].t >= b[j].t) ? a[i++] : b[j++]);
  return out;
}

/** Per open database, the newest segment the last search saw (see searchItems). */
const newestSegmentSeen = new WeakMap<NewsDb, number>();

/** Items whose title or summary words match every term (and the filter), newest first, at most `limit`. */
export async function searchItems(db: NewsDb, query: string, opts: { limit?: number; filter?: Filter; showMuted?: boolean } = {}): Promise<SearchResult> {
  const limit = opts.limit ?? 100;
  const terms = parseQuery(query);
  if (terms.length === 0) return { items: [], complete: true };
  const topic = opts.filter?.kind === 'topic' ? opts.filter.id : undefined;
  const keep = (it: Item | undefined): it is Item => !!it && itemMatches(terms, it) && (!opts.filter || topic !== undefined || matchesFilter(opts.filter, it));
  const tx = db.transaction(storesOf(db, SEARCH_STORES)) as unknown as SearchTx;
  const items = tx.objectStore('items');
  /** The matching items of those read, with their topics (chips; in a topic, only those it tags). */
  let tagsStored = true;
  const accept = async (found: Array<Item | undefined>): Promise<Item[]> => {
    const kept = found.filter(keep);
    const tags = tagsStored ? await Promise.all(kept.map((it) => tx.objectStore('tags').get(it.id))) : [];
    const hits: Item[] = [];
    kept.forEach((it, i) => {
      const topics = topicsOfRecord(tags[i]);
      // Muted items are found only while muted items are shown (utils/mutes/).
      const muted = mutesOfRecord(tags[i]);
      if (muted.length && !opts.showMuted) return;
      if (topic === undefined || topics.includes(topic)) hits.push({ ...it, topics, muted });
    });
    return hits;
  };

  const prefixes = terms.filter((t) => t.prefix);
  const wholes = terms.filter((t) => !t.prefix);
  // Everything that needs no answer first is asked at once: the queue, the segments, the whole words'
  // postings, and the docs of the segment that was the newest at the last search (the next key press
  // of the same query nearly always reads it first; read in this transaction, it is current either way).
  const guess = newestSegmentSeen.get(db);
  const [queued, metas, whole, someTag, guessed] = await Promise.all([
    allQueuedIds(tx.objectStore('searchQueue')),
    tx.objectStore('searchSegments').getAll(),
    Promise.all(wholes.map((t) => wordPostings(tx, t.word))),
    // No topic has tagged anything (no topics yet): no look-up per item.
    tx.objectStore('tags').getAllKeys(null, 1),
    guess === undefined ? undefined : tx.objectStore('searchDocs').get(guess),
  ]);
  tagsStored = someTag.length > 0;
  const newest = metas.reduce<SegmentMeta | undefined>((a, m) => (!a || m.maxT > a.maxT ? m : a), undefined);
  if (newest) newestSegmentSeen.set(db, newest.seg);
  // Not indexed yet: checked one by one, as they are now (this also covers changed items).
  const queuedItems = await getItems(items, queued);
  const accepted: Item[] = await accept(queuedItems);
  /** Store keys checked already (an item written again is in the queue and in an older segment). */
  const seen = new Set(queuedItems.map((it) => (it && knownKeyOf(it)) ?? 0));
  const segs = metas.filter((m) => whole.every((w) => w.has(m.seg))).sort((a, b) => b.maxT - a.maxT || b.seg - a.seg);
  let complete = true;

  /** Candidates from the segments read so far, newest first, not yet checked. */
  let cands: Candidate[] = [];
  const above = (t: number) => accepted.reduce((n, it) => n + (it.published > t ? 1 : 0), 0);
  let next = 0;
  let checked = 0;
  for (;;) {
    // Unread segments hold nothing newer than `threshold`.
    const threshold = next < segs.length ? segs[next].maxT : -Infinity;
    const known = above(Math.max(cands[0]?.t ?? -Infinity, threshold));
    if (known >= limit) break;
    if (cands.length > 0 && cands[0].t >= threshold) {
      let k = 0;
      // Reading an item costs per record: as many as the answer still needs (the side panel asks for
      // its first screenful first), and some more when a filter turns candidates away.
      const batch = Math.max(limit - known, 16);
      while (k < cands.length && k < batch && cands[k].t >= threshold) k++;
      const keys: number[] = [];
      for (const c of cands.splice(0, k)) {
        const key = c.keys[c.n] ?? 0;
        if (!seen.has(key)) keys.push(key);
        seen.add(key);
      }
      accepted.push(...(await accept(await getItemsByKey(items, keys))));
      checked += k;
      if (checked >= MAX_CHECKED) {
        complete = false;
        break;
      }
      continue;
    }
    if (next >= segs.length) break;
    const meta = segs[next++];
    const docs = guessed?.seg === meta.seg ? guessed : await tx.objectStore('searchDocs').get(meta.seg);
    if (!docs) continue;
    const found = await segmentMatches(tx, meta, docs, prefixes, whole.map((w) => w.get(meta.seg)!));
    complete &&= found.complete;
    const { keys, t } = decodeDocs(docs);
    cands = mergeNewest(cands, found.hits.map((n) => ({ keys, n, t: t[n]! })));
  }
  const sorted = accepted.sort(newestFirst);
  // In a source's (or folder's) list each report is its outlet's own row.
  const bySource = opts.filter?.kind === 'source' || opts.filter?.kind === 'folder';
  const keepRow = (it: Item) => (!opts.filter || matchesFilter(opts.filter, it)) && (!!opts.showMuted || !it.muted?.length);
  return { items: bySource ? sorted.slice(0, limit) : await storyRows(tx, sorted, limit, keepRow), complete };
}

/**
 * Each story once, as its row: a report folded into a story is found by its words and shown as the
 * story's row (which a filter must still keep), newest match first. Items of no story pass as they are.
 */
async function storyRows(tx: SearchTx, hits: Item[], limit: number, keep: (it: Item) => boolean): Promise<Item[]> {
  if (!hits.some((it) => it.story !== undefined)) return hits.slice(0, limit);
  const out: Item[] = [];
  const seen = new Set<string>();
  for (const it of hits) {
    if (out.length >= limit) break;
    if (it.story === undefined) {
      out.push(it);
      continue;
    }
    if (seen.has(it.story)) continue;
    seen.add(it.story);
    const rec = await tx.objectStore('stories').get(it.story);
    if (it.folded !== 1 || !rec || rec.lead === it.id) {
      out.push(rec && rec.items.length > 1 ? { ...it, storyInfo: storyInfoOf(rec) } : it);
      continue;
    }
    const row = await getItem(tx.objectStore('items'), rec.lead);
    const rowTags = row && (await tx.objectStore('tags').get(row.id));
    const topics = topicsOfRecord(rowTags);
    const muted = mutesOfRecord(rowTags);
    if (row && keep({ ...row, topics, muted })) out.push({ ...row, topics, muted, storyInfo: storyInfoOf(rec) });
  }
  return out;
}

/**
 * Store keys of items that may hold a term (from the queue and the index), newest segments first, at
 * most `max`, and how many the index has in all: for narrowing before a finer check (topic previews).
 */
export async function termCandidates(db: NewsDb, term: SearchTerm, max: number): Promise<{ keys: number[]; total: number }> {
  const tx = db.transaction([...SEARCH_STORES]);
  const [queued, found, metas] = await Promise.all([
    allQueuedIds(tx.objectStore('searchQueue')),
    indexMatches(tx, [term]),
    tx.objectStore('searchSegments').getAll(),
  ]);
  const items = tx.objectStore('items');
  const keys = new Set<number>();
  const queuedKeys = max > 0 ? await Promise.all([...queued].map((id) => storedKeyOf(items, id))) : [];
  for (const k of queuedKeys) if (k !== undefined) keys.add(k as number);
  let total = queued.size;
  for (const l of found.bySeg.values()) total += l.length;
  for (const seg of metas.filter((m) => found.bySeg.has(m.seg)).sort((a, b) => b.maxT - a.maxT)) {
    if (keys.size >= max) break;
    const docs = await tx.objectStore('searchDocs').get(seg.seg);
    const segKeys = docs ? decodeDocs(docs).keys : [];
    for (const n of found.bySeg.get(seg.seg) ?? []) if ((segKeys[n] ?? 0) > 0) keys.add(segKeys[n]!);
  }
  return { keys: [...keys].slice(0, max), total };
}
