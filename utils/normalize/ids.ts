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

/**
 * What identifies an item within its source, as one namespaced key: `g:` its guid; without one, `u:`
 * its URL; without either, `t:` its folded title. Never its date (feeds rewrite dates). The kinds
 * never meet: a guid that reads like a link is not that link's item, and a guid-less item is never
 * merged into an item with a guid on a shared URL (live pages reuse one URL for many updates).
 * The stored id and the dedupe both come from this, so they can never disagree.
 */
export function itemIdentity(p: Pick<ParsedItem, 'guid' | 'url' | 'title'>): string {
  const guid = p.guid?.trim();
  if (guid) return `g:${guid}`;
  const url = p.url?.trim();
  if (url) return `u:${url}`;
  return `t:${foldTitle(p.title)}`;
}

/**
 * `${sourceId}:${kind}-${hash(identity)}`, e.g. `s-1x2y:g-3k9f0a`. The `-` after the kind letter
 * never occurs in the ids of schema 3 and before (`${sourceId}:${hash}`), so the migration that
 * renames them never lands one item on another's old id.
 */
export function itemIdFor(sourceId: string, p: Pick<ParsedItem, 'guid' | 'url' | 'title'>): string {
  const key = itemIdentity(p);
  return `${sourceId}:${key[0]}-${hashString(key)}`;
}
