// Search over titles and summaries as the user types, newest first, also with 100,000 items.
// The byWord index holds "word time" keys (utils/search/word-keys.ts), so each word's entries are in
// time order: a search reads the newest entries of the words it needs, and reads further back only
// when those do not hold enough matches. The work depends on the answer, not on the size of the store.
import type { NewsDb } from './schema';
import type { Item } from '../model';
import { fold, tokenize } from '../normalize/text';
import { prefixRange, STOP_WORDS, wordOfKey, wordRange } from '../search/word-keys';
import { matchesFilter, newestFirst, type Filter } from './queries';
import { newestRecords } from './newest-records';

export interface SearchTerm {
  word: string;
  /** The word being typed: match words that start with it. */
  prefix: boolean;
}

export interface SearchResult {
  items: Item[];
  /** False when the answer may miss older matches (a very short prefix, a long scan cut short). */
  complete: boolean;
}

/** A prefix stands for at most this many distinct words. */
const MAX_PREFIX_WORDS = 40;
/** Most entries read per word before a search answers with what it has. */
const MAX_PER_WORD = 4000;

/** Folded words of a query (stop words are not indexed); the last word is a prefix unless followed by a space. */
export function parseQuery(q: string): SearchTerm[] {
  const words = [...new Set(tokenize(fold(q)))];
  const open = !/\s$/.test(q);
  return words
    .map((word, i) => ({ word, prefix: open && i === words.length - 1 }))
    .filter((t) => t.prefix || !STOP_WORDS.has(t.word));
}

function itemMatches(terms: SearchTerm[], it: Item): boolean {
  const words = it.words.map(wordOfKey);
  return terms.every((t) => (t.prefix ? words.some((w) => w.startsWith(t.word)) : words.includes(t.word)));
}

type ItemsTx = ReturnType<NewsDb['transaction']>;

/**
 * The newest `count` items of one word. Where the browser has IDBIndex.getAllRecords (Chromium 141+)
 * that is one request; elsewhere a cursor walks back entry by entry.
 */
async function newestOfWord(tx: ItemsTx, word: string, count: number): Promise<Item[]> {
  const index = tx.objectStore('items').index('byWord');
  const recs = newestRecords(index, wordRange(word), count);
  if (recs) return (await recs).map((r) => r.value);
  const out: Item[] = [];
  let cur = await index.openCursor(wordRange(word), 'prev');
  while (cur && out.length < count) {
    out.push(cur.value);
    if (out.length < count) cur = await cur.continue();
  }
  return out;
}

/** The distinct indexed words starting with `prefix`, hopping from word to word. */
async function wordsWithPrefix(tx: ItemsTx, prefix: string): Promise<{ words: string[]; more: boolean }> {
  const words: string[] = [];
  let cur = await tx.objectStore('items').index('byWord').openKeyCursor(prefixRange(prefix));
  while (cur && words.length < MAX_PREFIX_WORDS) {
    const w = wordOfKey(cur.key);
    words.push(w);
    cur = await cur.continue(`${w} \uffff`);
  }
  return { words, more: cur !== null };
}

/** Items whose title or summary words match every term (and the filter), newest first, at most `limit`. */
export async function searchItems(db: NewsDb, query: string, opts: { limit?: number; filter?: Filter } = {}): Promise<SearchResult> {
  const limit = opts.limit ?? 100;
  const terms = parseQuery(query);
  if (terms.length === 0) return { items: [], complete: true };
  const keep = (it: Item) => itemMatches(terms, it) && (!opts.filter || matchesFilter(opts.filter, it));
  const tx = db.transaction('items');

  // Every match holds every whole word, so any one of them can drive; with only a prefix, all of
  // its words together drive.
  const whole = terms.filter((t) => !t.prefix);
  let complete = true;
  let drivers: string[];
  if (whole.length > 0) {
    drivers = whole.map((t) => t.word);
  } else {
    const found = await wordsWithPrefix(tx, terms[0].word);
    drivers = found.words;
    complete = !found.more;
  }
  if (drivers.length === 0) return { items: [], complete };

  // Words that must appear together thin out the matches: read further back from the start.
  for (let count = terms.length > 1 ? limit * 4 : limit * 2; ; count *= 4) {
    const lists = await Promise.all(drivers.map((w) => newestOfWord(tx, w, count)));
    const exhausted = lists.map((l) => l.length < count);
    if (whole.length > 0) {
      // A whole word read to its end holds every match: done. Otherwise the first word drives, and
      // its newest entries hold the newest matches once enough of them match.
      const done = exhausted.findIndex(Boolean);
      const list = lists[done >= 0 ? done : 0];
      const items = list.filter(keep);
      if (done >= 0 || items.length >= limit) return { items: items.slice(0, limit), complete };
      if (count >= MAX_PER_WORD) return { items, complete: false };
      continue;
    }
    // A prefix: merge its words newest first. The answer is sure when every word not read to its
    // end reaches back past the oldest result.
    const seen = new Set<string>();
    const merged = lists.flat().filter((it) => !seen.has(it.id) && seen.add(it.id) && keep(it)).sort(newestFirst).slice(0, limit);
    const oldest = merged.length === limit ? merged[limit - 1].published : -Infinity;
    const sure = lists.every((l, i) => exhausted[i] || l[l.length - 1].published <= oldest);
    if (sure) return { items: merged, complete };
    if (count >= MAX_PER_WORD) return { items: merged, complete: false };
  }
}
