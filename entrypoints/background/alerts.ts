// Topic alerts in the worker: utils/topics/alerts.ts given the real browser, and the listener that
// re-matches stored items when topics change in synced storage.
import { getDb } from '@/utils/db/open';
import { changedTopicIds } from '@/utils/topics/store';
import { createAlerts } from '@/utils/topics/alerts';
import { FIREFOX_ITEMS_MAX } from '@/utils/topics/notify';
import { notifications, registerNotificationListeners } from './notifications';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

export const { onItemsStored, drainAlerts, rematchTopics } = createAlerts({
  sync: browser.storage.sync,
  db: getDb,
  now: Date.now,
  notifications,
  platformMax: import.meta.env.FIREFOX ? FIREFOX_ITEMS_MAX : undefined,
  itemsChanged: () => broadcast({ type: 'itemsChanged' }),
});

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
