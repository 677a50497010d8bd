// The search words of items just written, kept in memory until the search index takes them, so
// indexing a poll does not read back every item the poll has just stored (for 10,000 items that read
// was a third of the indexing's time). Only a cache, by search queue entry: the queue stays the record
// of what is to be indexed, and an item whose last queue entry is not remembered here (the worker
// restarted, a page wrote it since, the cache was full or emptied) is read from the store as before.
import type { Item } from '../../model';
import { itemSearchWords } from '../../search/words';

/** What a segment needs of an item: its store key, time and words (not its text, which can be large). */
export interface Doc {
  id: string;
  key: number;
  published: number;
  words: string[];
}

/** Items kept at most; the rest of a bigger poll is read back. */
const MAX_DOCS = 16_384;
/** Queue entry (its key, as entryName gives it) -> the docs of the new items it queued. */
const entries = new Map<string, Map<string, Doc>>();
let size = 0;
/** One string per distinct word, shared by every doc that holds it. */
let words = new Map<string, string>();

export const entryName = (key: readonly [number, string]): string => `${key[0]} ${key[1]}`;

function interned(list: string[]): string[] {
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    const known = words.get(w);
    if (known === undefined) words.set(w, w);
    else list[i] = known;
  }
  return list;
}

/** The doc of a stored item (its store key known). */
export const docOf = (it: Item, key: number): Doc => ({ id: it.id, key, published: it.published, words: itemSearchWords(it) });

/** After the commit of queue entry `key`: the new items it wrote, with their store keys. */
export function rememberDocs(key: readonly [number, string], added: ReadonlyArray<{ item: Item; key: number }>): void {
  if (added.length === 0 || size + added.length > MAX_DOCS) return;
  const docs = new Map<string, Doc>();
  for (const a of added) {
    const d = docOf(a.item, a.key);
    d.words = interned(d.words);
    docs.set(d.id, d);
  }
  entries.set(entryName(key), docs);
  size += docs.size;
}

/**
 * The remembered doc of each of `ids` whose queue entry (`lastEntry`: the entry's name, '' for none)
 * remembers it, into `into`; returns the ids it has no doc for. The entries taken are forgotten.
 */
export function takeDocs(ids: Iterable<string>, lastEntry: (id: string) => string, taken: Iterable<string>, into: Doc[]): string[] {
  const missing: string[] = [];
  for (const id of ids) {
    const d = entries.get(lastEntry(id))?.get(id);
    if (d) into.push(d);
    else missing.push(id);
  }
  for (const name of taken) {
    size -= entries.get(name)?.size ?? 0;
    entries.delete(name);
  }
  return missing;
}

/** Forgets everything (the queue has been indexed: what is left here is read back if queued again). */
export function clearDocs(): void {
  entries.clear();
  size = 0;
  words = new Map();
}

/** How many docs are remembered (for tests). */
export const rememberedDocs = (): number => size;
