// Counts the badge needs: the kept counters, and the few breaking items inside the window.
import type { NewsDb } from './schema';
import type { BadgeCounts } from '../badge';
import { ALL, unreadArticlesOf } from './counters';

/** `articles`: count every unread report of a story (the "count articles" setting), not the story once. */
export async function badgeCounts(db: NewsDb, now: number, breakingWindowMin: number, articles = false): Promise<BadgeCounts> {
  const tx = db.transaction(['items', 'counters']);
  const since = now - breakingWindowMin * 60_000;
  const [all, breaking] = await Promise.all([
    tx.objectStore('counters').get(ALL),
    tx.objectStore('items').index('byBreaking').getAll(IDBKeyRange.lowerBound(since)),
  ]);
  return { unread: (articles ? unreadArticlesOf(all) : all?.unread) ?? 0, unreadAlerts: all?.unreadAlerts ?? 0, unreadBreaking: breaking.filter((r) => r.q === 0).length };
}
