// A search query as the words it looks for, and whether an item holds them: pure, so the sidebar's
// highlighting and the topic preview read it without the database (the search itself is utils/db/search/).
import type { Item } from '../model';
import { fold, tokenize } from '../normalize/text';
import { itemSearchWords, STOP_WORDS } from './words';

export interface SearchTerm {
  word: string;
  /** The word being typed: match words that start with it. */
  prefix: boolean;
}

/** Folded words of a query (stop words are not indexed); the last word is a prefix unless followed by a space. */
export function parseQuery(q: string): SearchTerm[] {
  const words = [...new Set(tokenize(fold(q)))];
  const open = !/\s$/.test(q);
  return words
    .map((word, i) => ({ word, prefix: open && i === words.length - 1 }))
    .filter((t) => t.prefix || !STOP_WORDS.has(t.word));
}

/** Does the item (as stored now) hold every term? */
export function itemMatches(terms: readonly SearchTerm[], it: Item): boolean {
  const words = itemSearchWords(it);
  return terms.every((t) => (t.prefix ? words.some((w) => w.startsWith(t.word)) : words.includes(t.word)));
}
