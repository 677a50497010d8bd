// Topic alerts in the background: notify the pending alerts, re-match after topic changes, and
// handle clicks on notifications. The rules live in utils/topics; this file is the browser glue.
import { getDb, type NewsDb } from '@/utils/db/schema';
import { takePendingAlerts } from '@/utils/db/pending-alerts';
import type { Topic } from '@/utils/model';
import { ItemWriter } from '@/utils/db/item-writes';
import { listSources } from '@/utils/db/sources';
import { markRead } from '@/utils/db/read-state';
import type { Message } from '@/utils/messages';
import { loadSettings } from '@/utils/settings';
import { t } from '@/utils/i18n';
import { changedTopicIds, loadTopics } from '@/utils/topics/store';
import { rematchStored, topicSet, withTopics, type MatchedItem } from '@/utils/topics/rematch';
import {
  CHROME_LIMITS, FIREFOX_LIMITS, ITEM_PREFIX, OVERALL_ID, SUMMARY_PREFIX, planNotifications,
  type NewMatch, type PlannedNotification,
} from '@/utils/topics/notify';
import { updateBadge } from './badge';

/** Notified ids are kept this long: longer than items usually stay in a feed. */
const KEEP_NOTIFIED_MS = 90 * 86_400_000;

function broadcast(msg: Message): void {
  browser.runtime.sendMessage(msg).catch(() => {}); // no open page: nobody to tell
}

/**
 * Match stored items that were written without their topics (a benchmark's seeding, a test), queue
 * the ones that alert, then notify. Polls match in their own store transaction instead (storePoll).
 */
export async function onItemsStored(newItemIds: string[]): Promise<void> {
  if (newItemIds.length === 0) return;
  const topics = await loadTopics(browser.storage.sync);
  if (topics.length === 0) return;
  const db = await getDb();
  const set = topicSet(topics);
  const now = Date.now();
  const tx = db.transaction(['items', 'counters', 'pendingAlerts'], 'readwrite');
  const store = tx.objectStore('items');
  const writer = new ItemWriter(store);
  const items = (await Promise.all(newItemIds.map((id) => store.get(id)))) as Array<MatchedItem | undefined>;
  const writes: Promise<unknown>[] = [];
  for (const item of items) {
    if (!item) continue;
    const next = withTopics(item, set);
    if (next !== item) writes.push(writer.put(item, next));
    if (next.alert) writes.push(tx.objectStore('pendingAlerts').put({ itemId: next.id, at: now }));
  }
  await Promise.all(writes);
  await writer.counts.flush(tx.objectStore('counters'));
  await tx.done;
  await drainAlerts();
}

/**
 * Notifies the pending alerts (after each source's poll, and on every wake: a worker stopped between
 * storing and notifying left them queued). Each is taken and recorded as notified in one
 * transaction before anything is shown, so an alert never pops twice.
 */
export async function drainAlerts(): Promise<void> {
  const db = await getDb();
  const [topics, settings, sources] = await Promise.all([loadTopics(browser.storage.sync), loadSettings(browser.storage.sync), listSources(db)]);
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const now = Date.now();
  const plan = await takePendingAlerts(db, now, (items, notified) => {
    const matches: NewMatch[] = items.map((it) => ({
      itemId: it.id, topicIds: it.topics, headline: it.title, sourceName: names.get(it.sourceId) ?? '', published: it.published,
    }));
    const p = planNotifications({ matches, topics, settings, notified, now, limits: import.meta.env.FIREFOX ? FIREFOX_LIMITS : CHROME_LIMITS });
    return { handled: p.handled, result: p };
  });
  if (!plan || plan.handled.length === 0) return;
  for (const n of plan.notifications) {
    await browser.notifications.create(n.id, notificationOf(n)).catch((e: unknown) => console.warn('Newsbar: notification failed', e));
  }
  void pruneNotified(db, now);
}

interface NoteOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

function notificationOf(n: PlannedNotification): NoteOptions {
  const base = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png') };
  if (n.kind === 'item') return { ...base, title: n.topicName, message: n.sourceName ? t('alert_item_message', [n.headline, n.sourceName]) : n.headline };
  if (n.kind === 'summary') return { ...base, title: n.topicName, message: t('alert_summary', [n.count, n.topicName]) };
  return { ...base, title: t('extName'), message: t('alert_overall', [n.count, n.topicCount]) };
}

async function pruneNotified(db: NewsDb, now: number): Promise<void> {
  const tx = db.transaction('notified', 'readwrite');
  let cur = await tx.store.index('byAt').openCursor(IDBKeyRange.upperBound(now - KEEP_NOTIFIED_MS));
  while (cur) {
    await cur.delete();
    cur = await cur.continue();
  }
  await tx.done;
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

async function onNotificationClicked(id: string): Promise<void> {
  void browser.notifications.clear(id);
  if (id.startsWith(ITEM_PREFIX)) {
    const db = await getDb();
    const item = await db.get('items', id.slice(ITEM_PREFIX.length));
    if (!item) return;
    await browser.tabs.create({ url: item.url, active: true });
    await markRead(db, [item.id], true);
    broadcast({ type: 'itemsChanged' });
    await updateBadge();
    return;
  }
  if (id.startsWith(SUMMARY_PREFIX) || id === OVERALL_ID) await openSidebar();
}

/** A notification click may not count as a user gesture for the sidebar: fall back to a tab. */
async function openSidebar(): Promise<void> {
  try {
    const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
    if (sidePanel) {
      const win = await browser.windows.getLastFocused();
      if (win.id !== undefined) return await sidePanel.open({ windowId: win.id });
    }
    const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebarAction) return await sidebarAction.open();
  } catch {
    // not allowed from here
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}

/** Registered synchronously at start-up: a click or a synced topic change may be what woke the worker. */
export function registerAlertListeners(): void {
  browser.notifications.onClicked.addListener((id) => {
    void onNotificationClicked(id).catch((e: unknown) => console.warn('Newsbar: notification click failed', e));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    const ids = changedTopicIds(changes);
    if (ids === null) return;
    void rematchTopics(ids).then(updateBadge).catch(() => {});
  });
}
