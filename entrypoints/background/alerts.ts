// Topic alerts in the background: notify the pending alerts and re-match after topic changes.
// Showing notifications and their buttons and clicks: notifications.ts. The rules live in utils/topics.
import { getDb } from '@/utils/db/open';
import type { Topic } from '@/utils/model';
import { listSources } from '@/utils/db/sources';
import { loadSettings } from '@/utils/settings';
import { changedTopicIds, loadTopics } from '@/utils/topics/store';
import { rematchStored } from '@/utils/topics/rematch';
import { matchStoredItems, takeAlertPlan } from '@/utils/topics/alert-store';
import { FIREFOX_ITEMS_MAX } from '@/utils/topics/notify';
import { holdForLater, pruneNotified, registerNotificationListeners, show } from './notifications';
import { ENGINE_NAMES } from '@/utils/search-feeds/kind';
import { t } from '@/utils/i18n';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

/**
 * Match stored items that were written without their topics (a benchmark's seeding, a test), queue
 * the ones that alert, then notify. Polls match in their own store transaction instead (storePoll).
 */
export async function onItemsStored(newItemIds: string[]): Promise<void> {
  if (newItemIds.length === 0) return;
  const topics = await loadTopics(browser.storage.sync);
  if (topics.length === 0) return;
  await matchStoredItems(await getDb(), newItemIds, topics, Date.now());
  await drainAlerts();
}

/**
 * Notifies the pending alerts (once per poll, and on every wake: a worker stopped between storing
 * and notifying left them queued). Each is taken and recorded as notified, with its story keys, in
 * one transaction before anything is shown, so a story never pops twice. Matches during quiet hours
 * or a snooze are held for the digest.
 */
export async function drainAlerts(): Promise<void> {
  const db = await getDb();
  const [topics, settings, sources] = await Promise.all([loadTopics(browser.storage.sync), loadSettings(browser.storage.sync), listSources(db)]);
  const now = Date.now();
  const plan = await takeAlertPlan(db, {
    topics, settings, now,
    // A topic's search is named by its engine ("Reuters via Google News"), as the sidebar's row names it.
    sourceNames: new Map(sources.map((s) => [s.id, s.topicId && s.searchEngine ? ENGINE_NAMES[s.searchEngine] : s.name])),
    outletVia: (outlet, source) => t('sb_outlet_via', [outlet, source]),
    platformMax: import.meta.env.FIREFOX ? FIREFOX_ITEMS_MAX : undefined,
  });
  if (!plan || plan.handled.length === 0) return;
  if (plan.held) await holdForLater(plan.held);
  for (const n of plan.notifications) await show(n);
  void pruneNotified(db, now);
}

// --- re-matching after topic changes ---

/** What each topic looked like at its last re-match: asking twice for the same change is free. */
const matchedAs = new Map<string, string>();
const signature = (tp: Topic) => JSON.stringify([tp.query, tp.sourceIds, tp.notify, tp.breaking]);
let queue: Promise<unknown> = Promise.resolve();

/**
 * Re-match stored items for these topics (added, edited or removed), or for all topics. Runs one at
 * a time; the options page's message and the storage change for the same edit do the work once.
 */
export function rematchTopics(topicIds?: string[]): Promise<void> {
  const run = queue.then(() => rematchNow(topicIds));
  queue = run.catch((e: unknown) => console.warn('Newsbar: re-matching topics failed', e));
  return run;
}

async function rematchNow(topicIds?: string[]): Promise<void> {
  const topics = await loadTopics(browser.storage.sync);
  const current = new Map(topics.map((tp) => [tp.id, signature(tp)]));
  let changed: string[] | undefined;
  if (topicIds) {
    changed = topicIds.filter((id) => matchedAs.get(id) !== (current.get(id) ?? 'gone'));
    if (changed.length === 0) return;
  }
  await rematchStored(await getDb(), topics, { topicIds: changed });
  if (!changed) matchedAs.clear();
  for (const id of changed ?? current.keys()) matchedAs.set(id, current.get(id) ?? 'gone');
  broadcast({ type: 'itemsChanged' });
}

// --- listeners ---

/** Registered synchronously at start-up: a click or a synced topic change may be what woke the worker. */
export function registerAlertListeners(rematch: (topicIds?: string[]) => Promise<void> = rematchTopics): void {
  registerNotificationListeners();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    const ids = changedTopicIds(changes);
    if (ids === null) return;
    void rematch(ids).then(updateBadge).catch(() => {});
  });
}
