// "Mute stories like this…": what the rule editor is prefilled with from a row. A phrase of the
// title's telling words (not a whole headline: the next story like it will not repeat it word for
// word), and the row's outlet as the scope the user may choose.
import type { Item, MuteRule } from '../model';
import { fold, tokenize } from '../normalize/text';
import { STOP_WORDS } from '../search/words';

/** At most this many words in the suggested phrase. */
const PHRASE_WORDS = 3;

/**
 * The first run of up to three consecutive words of the title that starts and ends on a word that is
 * not a stop word, as a quoted phrase ("" when the title has no such word). Words are folded so the
 * phrase is valid in the query language whatever the title's punctuation.
 */
export function titlePhrase(title: string): string {
  const words = tokenize(fold(title));
  const telling = (w: string) => !STOP_WORDS.has(w) && !/^\d+$/.test(w);
  const start = words.findIndex(telling);
  if (start < 0) return '';
  let end = start;
  for (let i = start; i < Math.min(words.length, start + PHRASE_WORDS); i++) if (telling(words[i]!)) end = i;
  const phrase = words.slice(start, end + 1);
  return phrase.length === 1 ? phrase[0]! : `"${phrase.join(' ')}"`;
}

/** The draft rule for a row: its title's phrase, in every source or only in the row's own. */
export function suggestMute(item: Pick<Item, 'title' | 'sourceId'>, onlyOutlet: boolean): Pick<MuteRule, 'query' | 'sourceIds' | 'folders'> {
  return { query: titlePhrase(item.title), sourceIds: onlyOutlet ? [item.sourceId] : [], folders: [] };
}
