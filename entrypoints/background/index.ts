// Newsbar's background: alarms drive the poller; pages talk to it with messages.
// Listeners are registered synchronously at start-up: the worker may be woken by any of them.
import { isMessage } from '@/utils/messages';
import { SETTINGS_KEY } from '@/utils/storage-keys';
import { ensureAlarm, openPanelOnClick, POLL_ALARM, toggleSidebarOnClick } from './setup';
import { indexSearch, inPollQueue, runFollow, runPoll, stopFollowing } from './poll-runner';
import { registerSearchListener } from './topic-searches';
import { updateBadge } from './badge';
import { isSourceListKey, pullSourceList } from './source-sync';
import { changeSources } from './sources';
import { workerHandle, type WorkerHandle } from './worker-handle';
import { onWake } from './wake';
import { registerAlertListeners, rematchTopics } from './alerts';
import { importParsersOnInstall } from './parsers';
import { notSameStory, syncStories } from './stories';
import { clearReadNotifications, renameLegacyItemIds, sendDigestIfDue } from './notifications';
import { checkRoom, rematchOrKeep, storageState, STORAGE_ALARM, writeKept } from './storage-watch';
import { broadcast } from './broadcast';
import { connectServer, disconnectServer, runServerSync, sendSoon, syncInBackground } from './server-sync';
import { syncMutes } from './mutes';
import { mutesChanged } from '@/utils/mutes/store';

declare global {
  interface ImportMetaEnv {
    /** Set by `npm run build:firefox:e2e`; undefined (and its code dropped) in normal builds. */
    readonly VITE_E2E?: string;
  }
}

export default defineBackground(() => {
  importParsersOnInstall();
  if (import.meta.env.FIREFOX) toggleSidebarOnClick();
  registerAlertListeners(rematchOrKeep);
  registerSearchListener(inPollQueue, () => runPoll(), updateBadge);

  let markInstalled!: () => void;
  const installed = new Promise<void>((r) => (markInstalled = r));
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    try {
      // Nothing is added on install: the sidebar's welcome offers starter packs, import and a field.
      // After an update, items carried over by a migration get their topics.
      if (reason === 'update') {
        void rematchTopics();
        await renameLegacyItemIds().catch((e: unknown) => console.warn('Newsbar: renaming stored item ids failed', e));
      }
      await ensureAlarm();
      await updateBadge();
    } finally {
      // End-to-end builds only (VITE_E2E=1): Firefox's WebDriver BiDi cannot navigate to
      // moz-extension:// pages, so the test gets the sidebar page as a tab opened from here. It is
      // open before the install counts as done, so it never turns up later in the middle of a test.
      if (import.meta.env.VITE_E2E && reason === 'install') {
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).catch(() => {});
      }
      markInstalled();
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm().then(updateBadge);
    void pullSourceList().then((changed) => { if (changed) void runPoll(); }).catch(() => {});
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) {
      void runPoll();
      syncInBackground({ due: true });
    }
    // While the database is full: room again? (storage-watch.ts)
    if (alarm.name === STORAGE_ALARM) void checkRoom(() => runPoll());
  });

  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (!isMessage(msg)) return;
    switch (msg.type) {
      case 'refresh': {
        // "Refresh" asks the feed server too, whatever its back-off (its subscription list with it when
        // all sources are refreshed); a server source's own Refresh is that sync.
        const synced = runServerSync({ force: true, subscriptions: !msg.sourceId }).catch(() => undefined);
        return Promise.all([runPoll({ force: true, sourceIds: msg.sourceId ? [msg.sourceId] : undefined }), synced]).then(() => true);
      }
      case 'itemsChanged':
        // Read in a page: the badge follows, and notifications about what is now read go away.
        // A page may have kept an action the database refused: try it now, and know the database is full.
        sendSoon();
        return Promise.all([updateBadge(), clearReadNotifications(), writeKept()]).then(() => true);
      case 'changeSources':
        // The one writer of the user's changes to the sources (sources.ts); it tells the pages.
        return changeSources(msg.change);
      case 'topicsChanged':
        return rematchOrKeep(msg.topicIds).then(updateBadge).then(() => true);
      case 'mutesChanged':
        return syncMutes().then(updateBadge).then(() => true);
      case 'followLive':
        return runFollow(msg.url, msg.title);
      case 'stopFollowing':
        return stopFollowing(msg.sourceId);
      case 'notSameStory':
        return notSameStory(msg.itemId);
      case 'serverConnect':
        return connectServer(msg.address, msg.user, msg.password);
      case 'serverDisconnect':
        return disconnectServer(msg.keep);
      case 'serverSync':
        // The sidebar opened (respects the back-off) or "Sync now" in the options page (forced).
        return runServerSync({ force: !!msg.force }).then(() => true, () => false);
      case 'storageStateWanted':
        return storageState().then((state) => (broadcast({ type: 'storageState', state }), true));
    }
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      void updateBadge();
      // Grouping turned on or off: the stored stories follow.
      void syncStories();
      // Alerts turned back on (snooze ended early): the digest of what arrived meanwhile.
      void sendDigestIfDue().catch(() => {});
    }
    // A mute rule added, edited or removed (here or on another device): stored items follow.
    if (area === 'sync' && mutesChanged(changes)) void syncMutes();
    // Another device changed the source list.
    if (area === 'sync' && Object.keys(changes).some(isSourceListKey)) {
      void pullSourceList().then((changed) => { if (changed) void runPoll(); }).catch(() => {});
    }
  });

  // The demo script's, benchmarks' and end-to-end tests' handle (worker-handle.ts).
  (globalThis as typeof globalThis & { newsbar: WorkerHandle }).newsbar = workerHandle(installed);

  // Start-up chores, after the worker has reported itself running, so that neither that report nor
  // the event that woke it waits for them (docs/PERFORMANCE.md, "Worker cold start"). Chrome posts
  // the report in a task after the top level, behind any timer the top level set: hence a timer that
  // sets the timer. The badge and any alerts left pending by a stopped worker are put right; the
  // alarm exists; the search index catches up with what a killed worker queued.
  setTimeout(() => setTimeout(() => {
    if (!import.meta.env.FIREFOX) openPanelOnClick();
    void onWake().catch((e: unknown) => console.warn('Newsbar: start-up failed', e));
    void ensureAlarm();
    void indexSearch();
  }, 0), 0);
});
