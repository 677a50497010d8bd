// Counts the badge needs: the kept counters, and the few breaking items inside the window.
import type { NewsDb } from './schema';
import type { BadgeCounts } from '../badge';
import { ALL_ITEMS_KEY, unreadArticlesOf } from './counters';
import { fromRecord } from './items/item-record';
import { withTopicsOf } from './tags';
import { isMuted } from '../mutes/ids';

/** `articles`: count every unread report of a story (the "count articles" setting), not the story once. */
export async function badgeCounts(db: NewsDb, now: number, breakingWindowMin: number, articles = false): Promise<BadgeCounts> {
  const tx = db.transaction(['items', 'counters', 'tags']);
  const since = now - breakingWindowMin * 60_000;
  const [all, breaking] = await Promise.all([
    tx.objectStore('counters').get(ALL_ITEMS_KEY),
    tx.objectStore('items').index('byBreaking').getAll(IDBKeyRange.lowerBound(since)),
  ]);
  // The counters leave muted items out already; the few unread breaking items are looked up.
  const unread = breaking.filter((r) => r.q === 0).map(fromRecord);
  const tagged = unread.length ? await withTopicsOf(tx, unread) : [];
  return { unread: (articles ? unreadArticlesOf(all) : all?.unread) ?? 0, unreadAlerts: all?.unreadAlerts ?? 0, unreadBreaking: tagged.filter((it) => !isMuted(it)).length };
}
