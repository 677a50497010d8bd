// The options page's store: small models (models/) wired together, with what happens between them —
// the first load, and following the worker and other devices. No DOM here: components read the
// signals and call the actions; the browser comes in through OptionsEnv.
import { signal } from '@preact/signals';
import { isMessage } from '@/utils/messages';
import { isKeptActionKey, SOURCE_LIST_STATUS_KEY, STORAGE_STATE_KEY, touchesSettingsOrTopics } from '@/utils/storage-keys';
import { createServerModel } from './models/server';
import { createSourcesModel } from './models/sources';
import { createTopicsModel } from './models/topics';
import { createMutesModel } from './models/mutes';
import { createSettingsModel } from './models/settings';
import { createStorageModel } from './models/storage';
import { createSyncStatusModel } from './models/sync-status';
import { createKeysModel } from './models/keys';
import { createImportModel } from './models/import';
import type { OptionsEnv } from './options-env';

export { UNDO_MS, type PendingRemoval } from './models/sources';
export type OptionsStore = ReturnType<typeof createOptionsStore>;

export function createOptionsStore(env: OptionsEnv) {
  const server = createServerModel(env);
  const topics = createTopicsModel(env);
  const settings = createSettingsModel(env);
  const sources = createSourcesModel(env, async (ids) => {
    await topics.dropSources(ids);
    await reloadSync();
  });
  const mutes = createMutesModel(env, () => sources.sources.value);
  const storage = createStorageModel(env, sources.reload);
  const syncStatus = createSyncStatusModel(env);
  const imports = createImportModel(env, sources.adding, () => Promise.all([sources.reload(), reloadSync()]).then(() => {}));
  const loaded = signal(false);
  /** Polite announcements for screen readers ("Source added"). */
  const status = signal('');

  /** What storage.sync holds for the page: settings, topics, mute rules. */
  async function reloadSync(): Promise<void> {
    await Promise.all([settings.reload(), topics.reload(), mutes.reload()]);
  }

  async function load(): Promise<void> {
    await Promise.all([sources.reload(), reloadSync(), syncStatus.reload(), storage.reload()]);
    loaded.value = true;
  }

  let firstLoad: Promise<void> | undefined;
  /**
   * The page's first read: its script starts it before the first render, so the database opens while
   * the page renders; OptionsApp's call when it mounts joins the same read.
   */
  function loadOnce(): Promise<void> {
    return (firstLoad ??= load());
  }

  /** Keeps the page current: polls finishing, the worker's writes, other tabs and synced devices. */
  function watch(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (fn: () => Promise<void>) => {
      clearTimeout(timer);
      timer = setTimeout(() => void fn().catch(() => {}), 150);
    };
    const offMsg = env.onMessage((m) => {
      if (!isMessage(m)) return;
      if (m.type === 'newItems' || m.type === 'itemsChanged' || m.type === 'sourcesChanged' || (m.type === 'pollState' && !m.polling)) soon(sources.reload);
      if (m.type === 'storageState') storage.told(m.state);
    });
    const offStorage = env.onStorageChanged((keys, area) => {
      if (area === 'local' && keys.includes(SOURCE_LIST_STATUS_KEY)) void syncStatus.reload();
      if (area === 'local' && keys.some((k) => k === STORAGE_STATE_KEY || isKeptActionKey(k))) void storage.reload();
      if (area === 'sync' && touchesSettingsOrTopics(keys)) void reloadSync();
    });
    // The worker's storage state, now that its answer has a listener (load() may have asked before).
    void env.send({ type: 'storageStateWanted' });
    return () => {
      offMsg();
      offStorage();
    };
  }

  function announce(text: string): void {
    // Re-setting the same text would not be announced again.
    status.value = '';
    setTimeout(() => (status.value = text), 30);
  }

  return {
    /** The feed server section's model (models/server.ts). */
    server,
    sources: sources.sources, searchSources: sources.searchSources, itemCounts: sources.itemCounts, removal: sources.removal,
    muteCounts: sources.muteCounts,
    topics: topics.topics, settings: settings.settings, mutes: mutes.mutes,
    syncStatus: syncStatus.syncStatus, storageFull: storage.storageFull, removeOlder: storage.removeOlder,
    loaded, status, load, loadOnce, watch, reloadSources: sources.reload, reloadSync, announce,
    /** The add-a-source use case's effects (utils/sources/add-source.ts) for the forms. */
    adding: sources.adding,
    updateSource: sources.updateSource, updateSources: sources.updateSources, removeSource: sources.removeSource,
    removeSources: sources.removeSources, undoRemoval: sources.undoRemoval, commitRemoval: sources.commitRemoval, refresh: sources.refresh,
    ...createKeysModel(env),
    saveTopic: topics.saveTopic, removeTopic: topics.removeTopic, previewTopic: topics.previewTopic,
    updateSettings: settings.updateSettings,
    ...imports,
    saveMute: mutes.saveMute, removeMute: mutes.removeMute, previewMute: mutes.previewMute,
    /** Must be the first thing a click handler awaits: browsers only ask inside a user gesture. */
    requestOrigins: (origins: string[]) => env.requestOrigins(origins),
    /** Whether Newsbar may read these origins already (a topic's search synced from another browser may not). */
    hasOrigins: (origins: string[]) => env.hasOrigins?.(origins) ?? Promise.resolve(true),
    download: (filename: string, text: string, mime: string) => env.download(filename, text, mime),
    now: () => env.now(),
    /** The UI language, for dates (and a topic search's edition). */
    locale: env.locale,
    /** Where topics' searches are asked instead of the engines (end-to-end and demo builds only). */
    searchBase: () => env.searchBase?.() ?? Promise.resolve(undefined),
  };
}
