// Alert notifications in the worker: utils/topics/notifications.ts given the real browser. The
// side panel is reached through Chrome's `chrome.sidePanel`, Firefox's `sidebarAction`.
import { getDb } from '@/utils/db/open';
import { createNotifications } from '@/utils/topics/notifications';
import { openSidebarOnTopic } from '@/utils/sidebar/open-on-topic';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

const openTopic = (topicId: string) => openSidebarOnTopic(topicId, {
  local: browser.storage.local,
  tell: broadcast,
  sidePanel: (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel,
  sidebarAction: (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction,
  lastFocusedWindowId: async () => (await browser.windows.getLastFocused()).id,
  openTab: (url) => browser.tabs.create({ url }),
  pageUrl: (path) => browser.runtime.getURL(path as '/sidepanel.html'),
  now: Date.now,
});

export const notifications = createNotifications({
  local: browser.storage.local,
  sync: browser.storage.sync,
  notifications: browser.notifications,
  db: getDb,
  now: Date.now,
  iconUrl: browser.runtime.getURL('/icon/128.png'),
  buttons: !import.meta.env.FIREFOX,
  itemsRead: async () => {
    broadcast({ type: 'itemsChanged' });
    await updateBadge();
  },
  openTab: (url) => browser.tabs.create({ url, active: true }),
  openTopic,
});

export const { renameLegacyItemIds, sendDigestIfDue, clearReadNotifications } = notifications;

/** Registered synchronously at start-up: a click may be what woke the worker. */
export const registerNotificationListeners = () => notifications.listenTo(browser.notifications);
