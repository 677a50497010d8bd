// Topic alerts in the worker: notify the pending alerts, and re-match stored items after topic changes.
// The browser comes in through AlertsEnv (entrypoints/background/alerts.ts passes the real one);
// showing notifications is ./notifications.ts, the rules ./notify.ts and ./alert-store.ts.
import type { NewsDb } from '../db/schema';
import type { Topic } from '../model';
import { listSources } from '../db/sources';
import { pruneNotified } from '../db/pending-alerts';
import { loadSettings, type StorageAreaLike } from '../settings';
import { loadTopics } from './store';
import { rematchStored } from './rematch';
import { matchStoredItems, takeAlertPlan } from './alert-store';
import { ENGINE_NAMES } from '../search-feeds/kind';
import { t } from '../i18n';
import type { Notifications } from './notifications';

export interface AlertsEnv {
  sync: StorageAreaLike;
  db(): Promise<NewsDb>;
  now(): number;
  notifications: Pick<Notifications, 'show' | 'holdForLater'>;
  /** How many items one notification may list on this platform (Firefox shows fewer lines). */
  platformMax?: number;
  /** Stored items' topics changed: open pages re-read them. */
  itemsChanged(): void;
}

const signature = (tp: Topic) => JSON.stringify([tp.query, tp.sourceIds, tp.notify, tp.breaking]);

export function createAlerts(env: AlertsEnv) {
  /**
   * Match stored items that were written without their topics (a benchmark's seeding, a test), queue
   * the ones that alert, then notify. Polls match in their own store transaction instead (storePoll).
   */
  async function onItemsStored(newItemIds: string[]): Promise<void> {
    if (newItemIds.length === 0) return;
    const topics = await loadTopics(env.sync);
    if (topics.length === 0) return;
    await matchStoredItems(await env.db(), newItemIds, topics, env.now());
    await drainAlerts();
  }

  /**
   * Notifies the pending alerts (once per poll, and on every wake: a worker stopped between storing
   * and notifying left them queued). Each is taken and recorded as notified, with its story keys, in
   * one transaction before anything is shown, so a story never pops twice. Matches during quiet hours
   * or a snooze are held for the digest.
   */
  async function drainAlerts(): Promise<void> {
    const db = await env.db();
    // Most polls and wakes have nothing queued: no topics, settings or sources to read for them.
    if ((await db.count('pendingAlerts')) === 0) return;
    const [topics, settings, sources] = await Promise.all([loadTopics(env.sync), loadSettings(env.sync), listSources(db)]);
    const now = env.now();
    const plan = await takeAlertPlan(db, {
      topics, settings, now,
      // A topic's search is named by its engine ("Reuters via Google News"), as the sidebar's row names it.
      sourceNames: new Map(sources.map((s) => [s.id, s.topicId && s.searchEngine ? ENGINE_NAMES[s.searchEngine] : s.name])),
      outletVia: (outlet, source) => t('sb_outlet_via', [outlet, source]),
      platformMax: env.platformMax,
    });
    if (!plan || plan.handled.length === 0) return;
    if (plan.held) await env.notifications.holdForLater(plan.held);
    for (const n of plan.notifications) await env.notifications.show(n);
    void pruneNotified(db, now);
  }

  /** What each topic looked like at its last re-match: asking twice for the same change is free. */
  const matchedAs = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Re-match stored items for these topics (added, edited or removed), or for all topics. Runs one at
   * a time; the options page's message and the storage change for the same edit do the work once.
   */
  function rematchTopics(topicIds?: string[]): Promise<void> {
    const run = queue.then(() => rematchNow(topicIds));
    queue = run.catch((e: unknown) => console.warn('Newsbar: re-matching topics failed', e));
    return run;
  }

  async function rematchNow(topicIds?: string[]): Promise<void> {
    const topics = await loadTopics(env.sync);
    const current = new Map(topics.map((tp) => [tp.id, signature(tp)]));
    let changed: string[] | undefined;
    if (topicIds) {
      changed = topicIds.filter((id) => matchedAs.get(id) !== (current.get(id) ?? 'gone'));
      if (changed.length === 0) return;
    }
    await rematchStored(await env.db(), topics, { topicIds: changed });
    if (!changed) matchedAs.clear();
    for (const id of changed ?? current.keys()) matchedAs.set(id, current.get(id) ?? 'gone');
    env.itemsChanged();
  }

  return { onItemsStored, drainAlerts, rematchTopics };
}
