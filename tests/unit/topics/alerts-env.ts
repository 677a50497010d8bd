// The worker's alerts and notifications (utils/topics/alerts.ts, notifications.ts) given the fake
// browser, as entrypoints/background gives them the real one; what reached the pages and the badge is
// recorded. Also the one way these tests store plain items.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { toRecord } from '@/utils/db/items/item-record';
import type { Item } from '@/utils/model';
import type { Message } from '@/utils/messages';
import { createAlerts } from '@/utils/topics/alerts';
import { createNotifications } from '@/utils/topics/notifications';
import { openSidebarOnTopic } from '@/utils/sidebar/open-on-topic';

export function fakeWorkerAlerts(opts: { sidePanel?: { open(o: { windowId: number }): Promise<void> }; db?: NewsDb; now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const db = opts.db ? () => Promise.resolve(opts.db!) : getDb;
  const told: Message[] = [];
  const badge = { updates: 0 };
  const tell = (m: Message) => void told.push(m);
  const notifications = createNotifications({
    local: fakeBrowser.storage.local,
    sync: fakeBrowser.storage.sync,
    notifications: fakeBrowser.notifications,
    db,
    now,
    iconUrl: 'chrome-extension://newsbar/icon/128.png',
    buttons: true,
    itemsRead: async () => {
      tell({ type: 'itemsChanged' });
      badge.updates++;
    },
    openTab: (url) => fakeBrowser.tabs.create({ url, active: true }),
    openTopic: (topicId) => openSidebarOnTopic(topicId, {
      local: fakeBrowser.storage.local,
      tell,
      sidePanel: opts.sidePanel,
      lastFocusedWindowId: async () => (await fakeBrowser.windows.getLastFocused()).id,
      openTab: (url) => fakeBrowser.tabs.create({ url }),
      pageUrl: (path) => `chrome-extension://newsbar${path}`,
      now,
    }),
  });
  notifications.listenTo(fakeBrowser.notifications);
  const alerts = createAlerts({
    sync: fakeBrowser.storage.sync,
    db,
    now,
    notifications,
    itemsChanged: () => tell({ type: 'itemsChanged' }),
  });
  return { ...alerts, ...notifications, told, badge };
}

/** The notifications showing now, by id. */
export const shownNotifications = async () => Object.keys(await fakeBrowser.notifications.getAll()).sort();

/**
 * Stores plain unread items of source s-1 with these titles, unmatched (as a benchmark's seeding does);
 * each links to its own address (its place and title), so two calls never make one story by link.
 */
export async function storeTitles(titles: string[], opts: { now: number; url?: (title: string, i: number) => string }): Promise<string[]> {
  const db = await getDb();
  const ids = titles.map((title, i) => `s-1:${title}-${i}`);
  const tx = db.transaction('items', 'readwrite');
  titles.forEach((title, i) => {
    const it: Item = {
      id: ids[i], sourceId: 's-1', title, url: opts.url?.(title, i) ?? `https://x.example/${i}-${encodeURIComponent(title)}`, summaryHtml: '', contentHtml: '', published: opts.now - 60_000,
      firstSeen: opts.now, updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0,
    };
    void tx.store.put(toRecord(it));
  });
  await tx.done;
  return ids;
}
