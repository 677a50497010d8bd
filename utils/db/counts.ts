// Counts the badge needs, read from indexes (never by loading items).
import type { NewsDb } from './schema';
import type { BadgeCounts } from '../badge';

export async function badgeCounts(db: NewsDb, now: number, breakingWindowMin: number): Promise<BadgeCounts> {
  const tx = db.transaction('items');
  const idx = tx.store;
  const since = now - breakingWindowMin * 60_000;
  const [unread, unreadAlerts, breakingKeys] = await Promise.all([
    idx.index('byRead').count(IDBKeyRange.bound([0, -Infinity], [0, Infinity])),
    idx.index('byReadAlert').count([0, 1]),
    idx.index('byBreaking').getAll(IDBKeyRange.bound([1, since], [1, Infinity])),
  ]);
  return { unread, unreadAlerts, unreadBreaking: breakingKeys.filter((i) => i.read === 0).length };
}

export function countItems(db: NewsDb): Promise<number> {
  return db.count('items');
}
