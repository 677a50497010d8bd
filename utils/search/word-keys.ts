// The search index's keys. Each item stores `words`: one key per distinct searchable word, made of
// the word and the item's time ("minister 0000mfr2d0a"), and a multiEntry index over them. A word's
// range in that index is then in time order, so the newest matches of a word are read first
// without looking at older ones, also with 100,000 items stored.
import { fold, htmlToText, tokenize } from '../normalize/text';

/** Words too common to search by, in the languages Newsbar speaks; leaving them out keeps the index (and ingest) lean. */
export const STOP_WORDS = new Set(
  ('a an and are as at be but by for from has have he her his in is it its of on or our she that the their they this to was were will with ' +
    'after about also been more new not over said says than up who what when which would ' +
    'der die das und ist im in den dem des ein eine einen mit von zu auf für nicht sich es auch an als bei nach aus wie')
    .split(' '),
);

/** How much of a summary is indexed: its start says what it is about; whole articles would bloat the index. */
export const SUMMARY_CHARS = 600;
const SEP = ' ';

export function timeKey(published: number): string {
  return Math.max(0, Math.floor(published)).toString(36).padStart(11, '0');
}

export function wordKey(word: string, published: number): string {
  return word + SEP + timeKey(published);
}

export function wordOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf(SEP));
}

/** The distinct searchable words of a title and a summary (HTML), folded (case and accents). */
export function searchWords(title: string, summaryHtml: string): string[] {
  const text = `${title} ${htmlToText(summaryHtml).slice(0, SUMMARY_CHARS)}`;
  return [...new Set(tokenize(fold(text)))].filter((w) => !STOP_WORDS.has(w));
}

export function itemWordKeys(title: string, summaryHtml: string, published: number): string[] {
  return searchWords(title, summaryHtml).map((w) => wordKey(w, published));
}

/** All entries of one whole word, oldest to newest. */
export function wordRange(word: string): IDBKeyRange {
  return IDBKeyRange.bound(word + SEP, word + SEP + '\uffff');
}

/** All entries of every word starting with `prefix` (word by word, each in time order). */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, prefix + '\uffff');
}
