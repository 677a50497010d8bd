// The database half of "notify once, even across a stopped worker": alerts wait in 'pendingAlerts'
// (written with the matched item, see storePoll), and are taken in one transaction that also
// records them as notified. Two wakes draining at once cannot both take an entry.
import type { Item } from '../model';
import type { NewsDb } from './schema';
import { withTopicsOf } from './tags';
import { withStoryInfo } from './stories/story-writes';
import { getItems } from './items/item-reads';
import { isMuted } from '../mutes/ids';

export interface AlertDecision<T> {
  /** Item ids (and story keys) dealt with (shown or held): recorded as notified, never shown again. */
  handled: string[];
  result: T;
}

/**
 * Takes every pending alert: `decide` gets the items still stored (with their topics) and the ids already notified, and
 * returns what it handled. Every taken entry leaves the queue, in the transaction that records the
 * handled ones as notified. Undefined when nothing was pending.
 */
export async function takePendingAlerts<T>(
  db: NewsDb,
  now: number,
  decide: (items: Item[], notified: ReadonlySet<string>) => AlertDecision<T>,
  /** A story's other keys (link, title) to look up beside its id, and whether a record still counts. */
  stories?: { keysOf(it: Item): string[]; live(key: string, at: number): boolean },
): Promise<T | undefined> {
  const tx = db.transaction(['pendingAlerts', 'items', 'tags', 'notified', 'stories'], 'readwrite');
  const queue = tx.objectStore('pendingAlerts');
  const notified = tx.objectStore('notified');
  const pending = await queue.getAll();
  if (pending.length === 0) {
    await tx.done;
    return undefined;
  }
  const stored = (await getItems(tx.objectStore('items'), pending.map((p) => p.itemId))).filter((it): it is Item => !!it);
  // With their topics (a notification names the topics that matched) and their stories' sources.
  // A muted item (a rule added since it was queued) is taken and never shown.
  const items = (await withTopicsOf(tx, await withStoryInfo(tx, stored))).filter((it) => !isMuted(it));
  const keys = [...new Set([...pending.map((p) => p.itemId), ...(stories ? items.flatMap((it) => stories.keysOf(it)) : [])])];
  const seen = await Promise.all(keys.map((k) => notified.get(k)));
  const { handled, result } = decide(
    items,
    new Set(seen.filter((r) => !!r && (!stories || stories.live(r.itemId, r.at))).map((r) => r!.itemId)),
  );
  await Promise.all([
    ...handled.map((itemId) => notified.put({ itemId, at: now })),
    ...pending.map((p) => queue.delete(p.itemId)),
  ]);
  await tx.done;
  return result;
}

/** How long an item stays recorded as notified: longer than items usually stay in a feed (a story that comes back later notifies again). */
const KEEP_NOTIFIED_MS = 90 * 86_400_000;

/** Forgets the notified records older than KEEP_NOTIFIED_MS. */
export async function pruneNotified(db: NewsDb, now: number): Promise<void> {
  const tx = db.transaction('notified', 'readwrite');
  let cur = await tx.store.index('byAt').openCursor(IDBKeyRange.upperBound(now - KEEP_NOTIFIED_MS));
  while (cur) {
    await cur.delete();
    cur = await cur.continue();
  }
  await tx.done;
}
