// Counts the badge needs: the kept counters, and the few breaking items inside the window.
import type { NewsDb } from './schema';
import type { BadgeCounts } from '../badge';
import { ALL, Tallier } from './counters';

export async function badgeCounts(db: NewsDb, now: number, breakingWindowMin: number): Promise<BadgeCounts> {
  const tx = db.transaction(['items', 'counters']);
  const since = now - breakingWindowMin * 60_000;
  const [all, breaking] = await Promise.all([
    tx.objectStore('counters').get(ALL),
    tx.objectStore('items').index('byBreaking').getAll(IDBKeyRange.lowerBound(since)),
  ]);
  return { unread: all?.unread ?? 0, unreadAlerts: all?.unreadAlerts ?? 0, unreadBreaking: breaking.filter((i) => i.read === 0).length };
}

export async function countItems(db: NewsDb): Promise<number> {
  return (await db.get('counters', ALL))?.total ?? 0;
}

/** Recounts every counter from the items (after writes that bypassed the counters, e.g. a benchmark's seeding). */
export async function recountAll(db: NewsDb): Promise<void> {
  const tally = new Tallier();
  const tx = db.transaction(['items', 'counters'], 'readwrite');
  let cur = await tx.objectStore('items').openCursor();
  while (cur) {
    tally.add(cur.value);
    cur = await cur.continue();
  }
  await tx.objectStore('counters').clear();
  await Promise.all(tally.result().map((c) => tx.objectStore('counters').put(c)));
  await tx.done;
}
