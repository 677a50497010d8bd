// The database half of topic alerts: matching stored items that were written without their topics,
// and taking the pending alerts with the plan of what to notify. Its caller
// (./alerts.ts) loads topics and settings, then shows what these return.
import { getItems } from '../db/items/item-reads';
import type { NewsDb } from '../db/schema';
import type { Item, Settings, Topic } from '../model';
import { writeItems } from '../db/items/item-writes';
import { takePendingAlerts } from '../db/pending-alerts';
import { topicSet } from './rematch';
import { withTopics, type MatchedItem } from '../topic-matches';
import { topicsOfIds } from '../db/tags';
import { planNotifications, storyKeyLive, storyKeys, type NewMatch, type NotifyPlan } from './notify';

/**
 * "Wire, Desk": the item's source and the others that carried the same story. An item a search feed
 * found names its outlet through `via` ("Reuters via Google News"), worded by the caller.
 */
export function sourceNames(it: Item, names: Map<string, string>, via?: (outlet: string, source: string) => string): string {
  const own = names.get(it.sourceId);
  const first = own && it.outlet && via ? via(it.outlet, own) : own;
  return [first, ...(it.alsoFrom ?? []).map((id) => names.get(id))].filter(Boolean).join(', ');
}

/**
 * Matches these stored items to the topics and queues the ones that alert, in one transaction.
 * For items written without their topics (a benchmark's seeding, a test); polls match in their own
 * store transaction instead (storePoll).
 */
export async function matchStoredItems(db: NewsDb, itemIds: string[], topics: Topic[], now: number): Promise<void> {
  const set = topicSet(topics);
  await writeItems(db, async (writer, tx) => {
    const [found, tagsOf] = await Promise.all([getItems(tx.objectStore('items'), itemIds), topicsOfIds(tx, itemIds)]);
    const writes: Promise<unknown>[] = [];
    for (const stored of found) {
      if (!stored) continue;
      // With its current tags, so the writer changes only what differs.
      const item: MatchedItem = { ...stored, topics: tagsOf.get(stored.id) ?? [] };
      const next = withTopics(item, set);
      if (next !== item) writes.push(writer.put(item, next));
      if (next.alert) writes.push(tx.objectStore('pendingAlerts').put({ itemId: next.id, at: now }));
    }
    await Promise.all(writes);
  });
}

/**
 * Takes the pending alerts and records them as notified, with their story keys, in one transaction,
 * returning what to show: a story is never planned twice, even by two drains at once.
 */
export async function takeAlertPlan(
  db: NewsDb,
  o: { topics: Topic[]; settings: Settings; sourceNames: Map<string, string>; outletVia?: (outlet: string, source: string) => string; now: number; platformMax?: number },
): Promise<NotifyPlan | undefined> {
  const plan = await takePendingAlerts(db, o.now, (items, notified) => {
    const matches: NewMatch[] = items.map((it) => ({
      itemId: it.id, topicIds: it.topics ?? [], headline: it.title, sourceName: sourceNames(it, o.sourceNames, o.outletVia), published: it.published, stories: storyKeys(it), sources: it.storyInfo?.sources,
    }));
    const p = planNotifications({ matches, topics: o.topics, settings: o.settings, notified, now: o.now, platformMax: o.platformMax });
    return { handled: [...p.handled, ...p.stories], result: p };
  }, { keysOf: storyKeys, live: (key, at) => storyKeyLive(key, at, o.now) });
  return plan ?? undefined;
}
