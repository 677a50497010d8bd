// Search over titles and summaries as the user types, newest first, also with 100,000 items.
// The byWord index holds "word time" keys (utils/search/word-keys.ts), so each word's entries are in
// time order: the newest matches are read first and the work depends on the page asked for, not on
// the size of the store.
import type { IDBPCursor, IDBPTransaction } from 'idb';
import type { NewsDB, NewsDb } from './schema';
import type { Item } from '../model';
import { fold, tokenize } from '../normalize/text';
import { prefixRange, STOP_WORDS, wordOfKey, wordRange } from '../search/word-keys';
import { matchesFilter, newestFirst, type Filter } from './queries';

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

/** A whole word with at most this many entries is read in one go and sorted. */
const SMALL_TERM = 1000;
/** A prefix stands for at most this many distinct words. */
const MAX_PREFIX_WORDS = 40;
/** Most entries a search reads before it answers with what it has. */
const MAX_SCAN = 5000;

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

type ReadTx = IDBPTransaction<NewsDB, ['items'], 'readonly'>;
type KeyCursor = IDBPCursor<NewsDB, ['items'], 'items', 'byWord', 'readonly'>;

/** The distinct indexed words starting with `prefix`, hopping from word to word. */
async function wordsWithPrefix(tx: ReadTx, prefix: string): Promise<{ words: string[]; more: boolean }> {
  const words: string[] = [];
  let cur = await tx.store.index('byWord').openKeyCursor(prefixRange(prefix));
  while (cur && words.length < MAX_PREFIX_WORDS) {
    const w = wordOfKey(cur.key);
    words.push(w);
    cur = await cur.continue(`${w} \uffff`);
  }
  return { words, more: cur !== null };
}

/**
 * Newest-first merge of several words' entries (each already in time order): yields item ids in
 * time order, reading only as many entries as the answer needs.
 */
async function* mergeNewest(tx: ReadTx, words: string[]): AsyncGenerator<string> {
  const index = tx.store.index('byWord');
  const heads = (await Promise.all(words.map((w) => index.openKeyCursor(wordRange(w), 'prev')))).filter((c): c is KeyCursor => c !== null);
  const seen = new Set<string>();
  const time = (c: KeyCursor) => c.key.slice(c.key.lastIndexOf(' ') + 1);
  while (heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++) if (time(heads[i]) > time(heads[best])) best = i;
    const id = heads[best].primaryKey;
    if (!seen.has(id)) {
      seen.add(id);
      yield id;
    }
    const next = await heads[best].continue();
    if (next) heads[best] = next;
    else heads.splice(best, 1);
  }
}

/** Items whose title or summary words match every term (and the filter), newest first, at most `limit`. */
export async function searchItems(db: NewsDb, query: string, opts: { limit?: number; filter?: Filter } = {}): Promise<SearchResult> {
  const limit = opts.limit ?? 100;
  const terms = parseQuery(query);
  if (terms.length === 0) return { items: [], complete: true };
  const keep = (it: Item | undefined): it is Item => !!it && itemMatches(terms, it) && (!opts.filter || matchesFilter(opts.filter, it));
  const tx = db.transaction('items') as ReadTx;
  const index = tx.store.index('byWord');

  const whole = terms.filter((t) => !t.prefix);
  let driver: string[];
  let complete = true;
  if (whole.length > 0) {
    // Every result holds every whole word: the rarest one drives. A small one is read whole.
    // (Counting a range walks it: read at most SMALL_TERM + 1 keys instead.)
    const sizes = await Promise.all(whole.map((t) => index.getAllKeys(wordRange(t.word), SMALL_TERM + 1).then((k) => k.length)));
    const rarest = whole[sizes.indexOf(Math.min(...sizes))];
    if (Math.min(...sizes) <= SMALL_TERM) {
      const items = (await index.getAll(wordRange(rarest.word))).filter(keep);
      return { items: items.sort(newestFirst).slice(0, limit), complete: true };
    }
    driver = [rarest.word];
  } else {
    const found = await wordsWithPrefix(tx, terms[0].word);
    driver = found.words;
    complete = !found.more;
  }

  const items: Item[] = [];
  let scanned = 0;
  const pending: Promise<Item | undefined>[] = [];
  for await (const id of mergeNewest(tx, driver)) {
    pending.push(tx.store.get(id));
    // Read values in small pipelined batches: most candidates of a driving word match.
    if (pending.length >= 25) {
      for (const it of await Promise.all(pending.splice(0))) if (keep(it)) items.push(it);
      if (items.length >= limit) break;
    }
    if (++scanned >= MAX_SCAN) {
      complete = false;
      break;
    }
  }
  for (const it of await Promise.all(pending)) if (keep(it)) items.push(it);
  return { items: items.sort(newestFirst).slice(0, limit), complete };
}
