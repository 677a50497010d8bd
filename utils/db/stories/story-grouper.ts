// The worker's story grouper (utils/stories/grouper.ts) over the stored window: made once per
// connection from the storyTerms and stories stores (never from the items themselves), then kept up by
// the writes that place items. A transaction that fails, or one in which reports left a story, drops it:
// the next write makes it again from what committed.
import type { ItemTx } from '../items/item-writes';
import type { StoryTermsEntry } from './story-records';
import type { Source } from '../../model';
import { StoryGrouper, DEFAULT_WINDOW_MS } from '../../stories/grouper';
import { apartStoryId } from './story-writes';

export const STORY_WINDOW_MS = DEFAULT_WINDOW_MS;

/** Are this source's items grouped? Live pages' updates belong to the ticker, never to a story. */
export const groupsItems = (s: Pick<Source, 'breaking' | 'kind'> | undefined): boolean => !!s && !s.breaking && s.kind !== 'live';

const groupers = new WeakMap<object, { g: StoryGrouper; pruned: number }>();
/** A long-lived worker lets the window move on: items older than it leave the grouper about hourly. */
const PRUNE_EVERY_MS = 3_600_000;

/** The grouper of the transaction's connection, made from the stores when it has none. */
export async function grouperOf(tx: ItemTx, now: number): Promise<StoryGrouper> {
  const kept = groupers.get(tx.db);
  if (kept) {
    if (now - kept.pruned > PRUNE_EVERY_MS) {
      kept.g.prune(now - STORY_WINDOW_MS);
      kept.pruned = now;
    }
    return kept.g;
  }
  let g: StoryGrouper;
  const since = now - STORY_WINDOW_MS;
  const [batches, stories] = await Promise.all([tx.objectStore('storyTerms').getAll(IDBKeyRange.lowerBound(0)), tx.objectStore('stories').getAll()]);
  const storyOf = new Map<string, string>();
  const forbid: Array<[string, string]> = [];
  for (const s of stories) {
    for (const id of s.items) storyOf.set(id, s.id);
    for (const id of s.apart ?? []) {
      forbid.push([id, s.id]);
      // A first report taken out of its own story goes on as a story of its own under another id.
      if (id === s.id && !storyOf.has(id)) storyOf.set(id, apartStoryId(id));
    }
  }
  g = new StoryGrouper({ windowMs: STORY_WINDOW_MS });
  for (const b of batches) {
    if (b.p < since) continue;
    for (const [id, source, published, terms] of b.e) {
      if (published >= since) g.add({ id, story: storyOf.get(id) ?? id, source, published, terms: terms ? terms.split(' ') : [] });
    }
  }
  for (const [id, story] of forbid) g.forbid(id, story);
  groupers.set(tx.db, { g, pruned: now });
  return g;
}

/** Drops the connection's grouper (a failed write, reports taken out): the next write makes it anew. */
export function forgetGrouper(db: object): void {
  groupers.delete(db);
}

/** The entries of the items a write placed: one storyTerms record for them all, and old records pruned. */
export async function writeStoryTerms(tx: ItemTx, entries: StoryTermsEntry[], now: number): Promise<void> {
  const since = now - STORY_WINDOW_MS;
  // An item already out of the window is never read back (grouperOf skips it): a new feed's first
  // poll brings days of items, whose words would be kept for nothing until their record expired.
  const kept = entries.filter((e) => e[2] >= since);
  if (kept.length === 0) return;
  const store = tx.objectStore('storyTerms');
  // (Requests run in order: the cursor below sees the new record without waiting for the add.)
  store.add({ p: Math.max(...kept.map((e) => e[2])), e: kept }).catch(() => {});
  // Records come roughly in time order: the oldest few go while they are out of the window (most
  // writes read one record and stop).
  let cur = await store.openCursor();
  for (let n = 0; cur && cur.value.p < since && n < 8; n++) {
    await cur.delete();
    cur = await cur.continue();
  }
}
