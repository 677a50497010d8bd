// Alert notifications: send what ./notify.ts plans, remember which items each notification is about
// (so reading them anywhere clears it), the buttons, clicks, and the one digest after quiet hours or a
// snooze. The browser comes in through NotificationsEnv (entrypoints/background/notifications.ts
// passes the real one); the rules are in ./notify.ts.
import { readItem } from '../db/items/item-reads';
import type { NewsDb } from '../db/schema';
import { markRead } from '../db/read-state';
import { loadSettings, saveSettings, type StorageAreaLike } from '../settings';
import { loadTopics } from './store';
import { t } from '../i18n';
import {
  ITEM_PREFIX, holdForDigest, planDigest, snoozeUntil, topicOfNotification, type NotifyPlan, type PlannedNotification,
} from './notify';
import { currentItemId, isLegacyItemId } from '../normalize/ids';
import { alertDigestItem, alertNotesItem } from '../storage/items';

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: Array<{ title: string }>;
}

/** The events a notification raises (browser.notifications' own, or a test's fakes). */
export interface NotificationEvents {
  onClicked: { addListener(cb: (id: string) => void): void };
  onButtonClicked?: { addListener(cb: (id: string, index: number) => void): void };
  onClosed: { addListener(cb: (id: string, byUser: boolean) => void): void };
}

export interface NotificationsEnv {
  local: StorageAreaLike & { remove(keys: string | string[]): Promise<void> };
  sync: StorageAreaLike;
  notifications: {
    create(id: string, options: NotificationOptions): Promise<unknown>;
    clear(id: string): Promise<unknown>;
  };
  db(): Promise<NewsDb>;
  now(): number;
  iconUrl: string;
  /** Chrome shows buttons on notifications; Firefox has none. */
  buttons: boolean;
  /** Items were marked read from a notification: open pages and the badge follow. */
  itemsRead(): Promise<void>;
  openTab(url: string): Promise<unknown>;
  /** Shows the sidebar on a topic (a summary's click). */
  openTopic(topicId: string): Promise<void>;
}

export type Notifications = ReturnType<typeof createNotifications>;

type Notes = Record<string, string[]>;

export function createNotifications(env: NotificationsEnv) {
  const readNotes = (): Promise<Notes> => alertNotesItem.get(env.local);
  const writeNotes = (notes: Notes) => alertNotesItem.set(env.local, notes);
  /** The item an item notification is about: from its note (the id in the notification's own id may predate schema 12). */
  const itemOfNotification = async (id: string) => (await readNotes())[id]?.[0] ?? id.slice(ITEM_PREFIX.length);

  /**
   * After an update: item ids kept in storage.local by a version before schema 12 (the notes of open
   * notifications, the digest held during quiet hours) become today's, as the database's did.
   */
  async function renameLegacyItemIds(): Promise<void> {
    const [notes, digest] = await Promise.all([readNotes(), alertDigestItem.get(env.local)]);
    if (Object.values(notes).some((ids) => ids.some(isLegacyItemId))) {
      await writeNotes(Object.fromEntries(Object.entries(notes).map(([id, ids]) => [id, ids.map(currentItemId)])));
    }
    if (digest?.entries.some((e) => isLegacyItemId(e.itemId))) {
      await alertDigestItem.set(env.local, { ...digest, entries: digest.entries.map((e) => ({ ...e, itemId: currentItemId(e.itemId) })) });
    }
  }

  /** Keeps held matches (quiet hours, snooze) for the one digest that follows. */
  async function holdForLater(held: NonNullable<NotifyPlan['held']>): Promise<void> {
    await alertDigestItem.set(env.local, holdForDigest(await alertDigestItem.get(env.local), held));
  }

  /** After quiet hours or a snooze: one notification says what arrived meanwhile. */
  async function sendDigestIfDue(): Promise<void> {
    const held = await alertDigestItem.get(env.local);
    if (!held) return;
    const [settings, topics] = await Promise.all([loadSettings(env.sync), loadTopics(env.sync)]);
    const digest = planDigest(held, topics, settings, env.now());
    if (!digest) return;
    await alertDigestItem.remove(env.local);
    await show(digest);
  }

  function optionsOf(n: PlannedNotification): NotificationOptions {
    const base = { type: 'basic' as const, iconUrl: env.iconUrl };
    const buttons = env.buttons ? { buttons: [{ title: t('alert_mark_read') }, { title: t('alert_snooze_1h') }] } : {};
    if (n.kind === 'item') {
      const from = n.sources && n.sources > 1 ? t('alert_story_sources', [n.sourceName, n.sources]) : n.sourceName;
      return { ...base, ...buttons, title: n.topicName, message: from ? t('alert_item_message', [n.headline, from]) : n.headline };
    }
    const title = n.kind === 'summary' ? t('alert_summary', [n.count, n.topicNames.join(', ')]) : t('alert_digest', [n.count, n.topicNames.join(', ')]);
    return { ...base, ...buttons, title, message: n.headlines.map((h) => `• ${h}`).join('\n') };
  }

  async function show(n: PlannedNotification): Promise<void> {
    const itemIds = n.kind === 'item' ? [n.itemId] : n.itemIds;
    const notes = await readNotes();
    await writeNotes({ ...notes, [n.id]: itemIds });
    await env.notifications.create(n.id, optionsOf(n))
      .catch((e: unknown) => console.warn('Newsbar: notification failed', e));
  }

  async function forget(id: string): Promise<void> {
    const notes = await readNotes();
    if (!(id in notes)) return;
    delete notes[id];
    await writeNotes(notes);
  }

  const clear = (id: string) => env.notifications.clear(id).catch(() => false);

  /** Clears the notifications whose items are all read (in the sidebar, from a button, anywhere). */
  async function clearReadNotifications(): Promise<void> {
    const notes = await readNotes();
    const ids = Object.keys(notes);
    if (ids.length === 0) return;
    const db = await env.db();
    for (const id of ids) {
      const items = await Promise.all(notes[id].map((itemId) => readItem(db, itemId)));
      if (items.every((it) => !it || it.read === 1)) {
        await clear(id);
        await forget(id);
      }
    }
  }

  async function markNotificationRead(id: string): Promise<void> {
    const itemIds = (await readNotes())[id] ?? (id.startsWith(ITEM_PREFIX) ? [id.slice(ITEM_PREFIX.length)] : []);
    await markRead(await env.db(), itemIds, true);
    await env.itemsRead();
    await clearReadNotifications();
    await clear(id);
    await forget(id);
  }

  async function onClicked(id: string): Promise<void> {
    void clear(id);
    if (id.startsWith(ITEM_PREFIX)) {
      const item = await readItem(await env.db(), await itemOfNotification(id));
      if (!item) return forget(id);
      await env.openTab(item.url);
      await markNotificationRead(id);
      return;
    }
    const topicId = topicOfNotification(id);
    await forget(id);
    if (topicId !== undefined) await env.openTopic(topicId);
  }

  async function onButtonClicked(id: string, index: number): Promise<void> {
    if (index === 0) return markNotificationRead(id);
    await saveSettings(env.sync, { snoozeUntil: snoozeUntil('1h', env.now()) });
    await clear(id);
    await forget(id);
  }

  /** Registered synchronously at start-up: a click may be what woke the worker. */
  function listenTo(events: NotificationEvents): void {
    const warn = (e: unknown) => console.warn('Newsbar: notification action failed', e);
    events.onClicked.addListener((id) => void onClicked(id).catch(warn));
    events.onButtonClicked?.addListener((id, index) => void onButtonClicked(id, index).catch(warn));
    events.onClosed.addListener((id) => void forget(id).catch(warn));
  }

  return { renameLegacyItemIds, holdForLater, sendDigestIfDue, show, clearReadNotifications, listenTo };
}
