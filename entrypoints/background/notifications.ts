// Alert notifications in the background: send what utils/topics/notify.ts plans, remember which items
// each notification is about (so reading them anywhere clears it), the buttons, clicks, and the one
// digest after quiet hours or a snooze. Browser glue; the rules are in utils/topics/notify.ts.
import { readItem } from '@/utils/db/item-record';
import { getDb, type NewsDb } from '@/utils/db/schema';
import { listSources } from '@/utils/db/sources';
import { markRead } from '@/utils/db/read-state';
import { loadSettings, saveSettings } from '@/utils/settings';
import { loadTopics } from '@/utils/topics/store';
import { t } from '@/utils/i18n';
import {
  ITEM_PREFIX, holdForDigest, planDigest, snoozeUntil, topicOfNotification, type NotifyPlan, type PlannedNotification,
} from '@/utils/topics/notify';
import { currentItemId, isLegacyItemId } from '@/utils/normalize/ids';
import { alertDigestItem, alertNotesItem, sidebarTopicItem } from '@/utils/storage/items';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

/** Notified ids and story keys are kept this long: longer than items usually stay in a feed. */
const KEEP_NOTIFIED_MS = 90 * 86_400_000;
/** Chrome shows buttons on notifications; Firefox has none. */
const BUTTONS = !import.meta.env.FIREFOX;

type Notes = Record<string, string[]>;
const readNotes = (): Promise<Notes> => alertNotesItem.get(browser.storage.local);
/** The item an item notification is about: from its note (the id in the notification's own id may predate schema 12). */
const itemOfNotification = async (id: string) => (await readNotes())[id]?.[0] ?? id.slice(ITEM_PREFIX.length);

/**
 * After an update: item ids kept in storage.local by a version before schema 12 (the notes of open
 * notifications, the digest held during quiet hours) become today's, as the database's did.
 */
export async function renameLegacyItemIds(): Promise<void> {
  const local = browser.storage.local;
  const [notes, digest] = await Promise.all([alertNotesItem.get(local), alertDigestItem.get(local)]);
  if (Object.values(notes).some((ids) => ids.some(isLegacyItemId))) {
    await alertNotesItem.set(local, Object.fromEntries(Object.entries(notes).map(([id, ids]) => [id, ids.map(currentItemId)])));
  }
  if (digest?.entries.some((e) => isLegacyItemId(e.itemId))) {
    await alertDigestItem.set(local, { ...digest, entries: digest.entries.map((e) => ({ ...e, itemId: currentItemId(e.itemId) })) });
  }
}

/** The sources an item names: its own and those that carry the same story. */
/** Keeps held matches (quiet hours, snooze) for the one digest that follows. */
export async function holdForLater(held: NonNullable<NotifyPlan['held']>): Promise<void> {
  const before = await alertDigestItem.get(browser.storage.local);
  await alertDigestItem.set(browser.storage.local, holdForDigest(before, held));
}

/** After quiet hours or a snooze: one notification says what arrived meanwhile. */
export async function sendDigestIfDue(): Promise<void> {
  const held = await alertDigestItem.get(browser.storage.local);
  if (!held) return;
  const [settings, topics] = await Promise.all([loadSettings(browser.storage.sync), loadTopics(browser.storage.sync)]);
  const digest = planDigest(held, topics, settings, Date.now());
  if (!digest) return;
  await alertDigestItem.remove(browser.storage.local);
  await show(digest);
}

function optionsOf(n: PlannedNotification) {
  const base = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png') };
  const buttons = BUTTONS ? { buttons: [{ title: t('alert_mark_read') }, { title: t('alert_snooze_1h') }] } : {};
  if (n.kind === 'item') {
    const from = n.sources && n.sources > 1 ? t('alert_story_sources', [n.sourceName, n.sources]) : n.sourceName;
    return { ...base, ...buttons, title: n.topicName, message: from ? t('alert_item_message', [n.headline, from]) : n.headline };
  }
  const title = n.kind === 'summary' ? t('alert_summary', [n.count, n.topicNames.join(', ')]) : t('alert_digest', [n.count, n.topicNames.join(', ')]);
  return { ...base, ...buttons, title, message: n.headlines.map((h) => `• ${h}`).join('\n') };
}

export async function show(n: PlannedNotification): Promise<void> {
  const itemIds = n.kind === 'item' ? [n.itemId] : n.itemIds;
  const notes = await readNotes();
  await alertNotesItem.set(browser.storage.local, { ...notes, [n.id]: itemIds });
  await browser.notifications.create(n.id, optionsOf(n))
    .catch((e: unknown) => console.warn('Newsbar: notification failed', e));
}

async function forget(id: string): Promise<void> {
  const notes = await readNotes();
  if (!(id in notes)) return;
  delete notes[id];
  await alertNotesItem.set(browser.storage.local, notes);
}

/** Clears the notifications whose items are all read (in the sidebar, from a button, anywhere). */
export async function clearReadNotifications(): Promise<void> {
  const notes = await readNotes();
  const ids = Object.keys(notes);
  if (ids.length === 0) return;
  const db = await getDb();
  for (const id of ids) {
    const items = await Promise.all(notes[id].map((itemId) => readItem(db, itemId)));
    if (items.every((it) => !it || it.read === 1)) {
      await browser.notifications.clear(id).catch(() => false);
      await forget(id);
    }
  }
}

export async function pruneNotified(db: NewsDb, now: number): Promise<void> {
  const tx = db.transaction('notified', 'readwrite');
  let cur = await tx.store.index('byAt').openCursor(IDBKeyRange.upperBound(now - KEEP_NOTIFIED_MS));
  while (cur) {
    await cur.delete();
    cur = await cur.continue();
  }
  await tx.done;
}

async function markNotificationRead(id: string): Promise<void> {
  const itemIds = (await readNotes())[id] ?? (id.startsWith(ITEM_PREFIX) ? [id.slice(ITEM_PREFIX.length)] : []);
  await markRead(await getDb(), itemIds, true);
  broadcast({ type: 'itemsChanged' });
  await updateBadge();
  await clearReadNotifications();
  await browser.notifications.clear(id).catch(() => false);
  await forget(id);
}

async function onClicked(id: string): Promise<void> {
  void browser.notifications.clear(id);
  if (id.startsWith(ITEM_PREFIX)) {
    const db = await getDb();
    const item = await readItem(db, await itemOfNotification(id));
    if (!item) return forget(id);
    await browser.tabs.create({ url: item.url, active: true });
    await markNotificationRead(id);
    return;
  }
  const topicId = topicOfNotification(id);
  await forget(id);
  if (topicId !== undefined) await openSidebar(topicId);
}

async function onButtonClicked(id: string, index: number): Promise<void> {
  if (index === 0) return markNotificationRead(id);
  await saveSettings(browser.storage.sync, { snoozeUntil: snoozeUntil('1h', Date.now()) });
  await browser.notifications.clear(id).catch(() => false);
  await forget(id);
}

/**
 * Opens the sidebar showing a topic. An open sidebar is told; one that opens now finds the topic in
 * storage. A notification click may not count as a user gesture for the sidebar: then a tab.
 */
export async function openSidebar(topicId: string): Promise<void> {
  await sidebarTopicItem.set(browser.storage.local, { id: topicId, at: Date.now() });
  broadcast({ type: 'showTopic', topicId });
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
  await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?topic=${encodeURIComponent(topicId)}`) });
}

/** Registered synchronously at start-up: a click may be what woke the worker. */
export function registerNotificationListeners(): void {
  const warn = (e: unknown) => console.warn('Newsbar: notification action failed', e);
  browser.notifications.onClicked.addListener((id) => void onClicked(id).catch(warn));
  browser.notifications.onButtonClicked?.addListener((id, index) => void onButtonClicked(id, index).catch(warn));
  browser.notifications.onClosed.addListener((id) => void forget(id).catch(warn));
}
