// What search finds an item by: the distinct folded words of its title and the start of its summary.
import type { Item } from '../model';
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

/** The distinct searchable words of a title and a summary (HTML), folded (case and accents). */
export function searchWords(title: string, summaryHtml: string): string[] {
  const text = `${title} ${htmlToText(summaryHtml).slice(0, SUMMARY_CHARS)}`;
  return [...new Set(tokenize(fold(text)))].filter((w) => !STOP_WORDS.has(w));
}

/** An item's searchable words; items without a summary are found by the start of their body. */
export function itemSearchWords(it: Pick<Item, 'title' | 'summaryHtml' | 'contentHtml'>): string[] {
  return searchWords(it.title, it.summaryHtml || it.contentHtml.slice(0, 2000));
}
