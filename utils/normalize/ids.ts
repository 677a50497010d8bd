// Stable item ids and dedupe keys. An id must not change when a feed rewrites an item's date or
// touches its text, or read items come back unread and the badge counts them again.
import type { ParsedItem } from '../model';
import { fold, tokenize } from './text';

/** cyrb53: a fast, well-mixed 53-bit string hash (sync, no crypto needed), as base36. */
export function hashString(s: string, seed = 0): string {
  const [h2, h1] = hash64(s, seed);
  return (4294967296 * (2097151 & h2) + h1).toString(36);
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
 * The id of schemas 4 to 11: `${sourceId}:${kind}-${hash(identity)}`, e.g. `s-1x2y:g-3k9f0a`. Today's id
 * is made from it (itemIdFor), so an id stored by those versions anywhere maps to today's by itself.
 * The `-` after the kind letter never occurs in the ids of schema 3 and before (`${sourceId}:${hash}`).
 */
export function legacyItemIdFor(sourceId: string, p: Pick<ParsedItem, 'guid' | 'url' | 'title'>): string {
  const key = itemIdentity(p);
  return `${sourceId}:${key[0]}-${hashString(key)}`;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** cyrb53's two 32-bit halves before its cut to 53 bits (its author's 64-bit form). */
function hash64(s: string, seed = 0): [number, number] {
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
  return [h2 >>> 0, h1 >>> 0];
}

/**
 * Today's id for an id of schemas 4 to 11: its 64-bit hash as 11 base64url characters. The id is in
 * every index entry twice, so its length counts many times per item (schema 12 made it ~2.5x shorter).
 * 64 bits: the chance that two of 100,000 items share an id is about 3 in 10 billion. Never has a `:`,
 * which every older id has, so a renaming never lands on a record not yet renamed.
 */
export function shortItemId(legacyId: string): string {
  const [hi, lo] = hash64(legacyId);
  let out = '';
  for (let i = 0; i < 5; i++) out += B64URL[(lo >>> (6 * i)) & 63];
  out += B64URL[(lo >>> 30) | ((hi & 15) << 2)];
  for (let i = 0; i < 5; i++) out += B64URL[(hi >>> (4 + 6 * i)) & 63];
  return out;
}

/** An id stored before schema 12 (they all hold a `:`; today's never do). */
export const isLegacyItemId = (id: string): boolean => id.includes(':');

/** Today's id for an id kept outside IndexedDB (notifications, storage.local) that may predate schema 12. */
export const currentItemId = (id: string): string => (isLegacyItemId(id) ? shortItemId(id) : id);

/**
 * The stored id, also the dedupe key: 11 characters from the source id and the item's identity
 * (itemIdentity), e.g. `q3Zk0b_x1Aa`. Nothing may read the source out of it: that is item.sourceId.
 */
export function itemIdFor(sourceId: string, p: Pick<ParsedItem, 'guid' | 'url' | 'title'>): string {
  return shortItemId(legacyItemIdFor(sourceId, p));
}
