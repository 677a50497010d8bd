// Stable item ids and dedupe keys. An id must not change when a feed rewrites an item's date or
// touches its text, or read items come back unread and the badge counts them again.
import type { ParsedItem } from '../model';
import { fold, tokenize } from './text';

/** cyrb53: a fast, well-mixed 53-bit string hash (sync, no crypto needed), as base36. */
export function hashString(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A title reduced to what identifies it: folded (lower case, no accents), words only, single spaces,
 * so punctuation, curly quotes or spacing edits do not make a new item.
 */
export function foldTitle(title: string): string {
  const words = tokenize(fold(title));
  return words.length ? words.join(' ') : fold(title).replace(/\s+/g, ' ').trim();
}

export interface DedupeKeys {
  guid?: string;
  url?: string;
  /** Hash of the folded title only (never the date: feeds rewrite dates). */
  hash: string;
}

export function dedupeKeys(p: ParsedItem): DedupeKeys {
  const guid = p.guid?.trim() || undefined;
  const url = p.url?.trim() || undefined;
  return { guid, url, hash: hashString(foldTitle(p.title)) };
}

/** `${sourceId}:${hash(guid, else URL, else folded title)}`. */
export function itemIdFor(sourceId: string, p: ParsedItem): string {
  const k = dedupeKeys(p);
  return `${sourceId}:${hashString(k.guid ?? k.url ?? 't:' + foldTitle(p.title))}`;
}
