// The reader's offline copies: the last 200 articles read, text only (pictures become links), kept
// in the `reader` store. A copy goes when its item goes (retention); a starred item keeps its copy
// beyond the 200.
import { recordOf, storedKeyOf } from '../db/items/item-reads';
import type { NewsDb } from '../db/schema';
import type { ReaderArticle } from './extract';

export const READER_CACHE_LIMIT = 200;

export interface ReaderCopy {
  itemId: string;
  /** When it was last read: the oldest go first. */
  readAt: number;
  article: ReaderArticle;
}

/** The article's HTML with every picture turned into a link to it (its alt text as the words). */
export function imagesAsLinks(html: string, parse: (html: string) => Document, label: (alt: string) => string): string {
  const doc = parse(`<body>${html}</body>`);
  for (const img of Array.from(doc.body.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (!src) {
      img.remove();
      continue;
    }
    const a = doc.createElement('a');
    a.setAttribute('href', src);
    a.textContent = label(img.getAttribute('alt')?.trim() ?? '');
    img.replaceWith(a);
  }
  return doc.body.innerHTML;
}

export async function getCopy(db: NewsDb, itemId: string): Promise<ReaderCopy | undefined> {
  return db.get('reader', itemId);
}

/**
 * Keeps a copy (html already made text-only) and trims the store: copies whose item is gone go, then
 * the oldest beyond the limit unless their item is starred. One transaction.
 */
export async function putCopy(db: NewsDb, copy: ReaderCopy, limit = READER_CACHE_LIMIT): Promise<void> {
  const tx = db.transaction(['reader', 'items'], 'readwrite');
  const reader = tx.objectStore('reader');
  const items = tx.objectStore('items');
  await reader.put(copy);
  // Newest first: the copies past the limit are the oldest.
  let cursor = await reader.index('byReadAt').openCursor(null, 'prev');
  let kept = 0;
  while (cursor) {
    const item = await recordOf(items, cursor.value.itemId);
    // A starred item's record has `sa` (item-record.ts).
    if (!item || (item.sa === undefined && ++kept > limit)) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Copies whose item retention has removed. */
export async function sweepCopies(db: NewsDb): Promise<number> {
  const tx = db.transaction(['reader', 'items'], 'readwrite');
  let removed = 0;
  let cursor = await tx.objectStore('reader').openCursor();
  while (cursor) {
    if ((await storedKeyOf(tx.objectStore('items'), cursor.value.itemId)) === undefined) {
      await cursor.delete();
      removed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}
