// The options page's state (signals) and its actions. No DOM here: components read the signals
// and call the actions; the browser comes in through OptionsEnv.
import { createServerModel } from './server-model';
import { queueSubscribe } from '@/utils/feed-server/source-ops';
import { signal } from '@preact/signals';
import { DEFAULT_SETTINGS, type MuteRule, type Settings, type Source, type Topic } from '@/utils/model';
import { isMessage } from '@/utils/messages';
import { loadSettings, saveSettings } from '@/utils/settings';
import { loadTopics, removeTopic as removeTopicFrom, saveTopic as saveTopicTo } from '@/utils/topics/store';
import { addSource as addSourceTo, listSources, removeSource as removeSourceFrom, updateSource as updateSourceIn, updateSources as updateSourcesIn, type NewSource, type SourcePatch } from '@/utils/db/sources';
import { ruleMutedItemsKey, listRowsOf, sourceItemsKey } from '@/utils/db/counters';
import { loadMuteRules, removeMuteRule, saveMuteRule } from '@/utils/mutes/store';
import type { MuteDraft } from '../shared/MuteEditor';
import type { OpmlReading } from '@/utils/opml';
import type { readSettingsFile } from '@/utils/settings-io';
import { loadInspector, loadMutePreview, loadOpml, loadSettingsIo, loadTopicPreview } from './later';
import type { OptionsEnv } from './options-env';
import { apiKeyKey, isKeptActionKey, SOURCE_LIST_STATUS_KEY, STORAGE_STATE_KEY, touchesSettingsOrTopics } from '@/utils/storage-keys';
import { storageStateOf } from '@/utils/storage-state';
import { keptActions } from '@/utils/db/kept-actions';
import { removeOlderThan } from '@/utils/db/cleanup';

export type OptionsStore = ReturnType<typeof createOptionsStore>;

/** How long "Undo" is offered after sources are removed, before they and their articles are deleted. */
export const UNDO_MS = 8000;

export interface PendingRemoval {
  ids: string[];
  names: string[];
  articles: number;
}

export function createOptionsStore(env: OptionsEnv) {
  const server = createServerModel(env);
  const sources = signal<Source[]>([]);
  /** The sources that follow topics' searches, by topic id: not subscriptions, shown on their topic. */
  const searchSources = signal<Record<string, Source>>({});
  const topics = signal<Topic[]>([]);
  const mutes = signal<MuteRule[]>([]);
  /** What each mute rule hides now (the counters the worker keeps as it re-applies the rules). */
  const muteCounts = signal<Record<string, number>>({});
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const itemCounts = signal<Record<string, number>>({});
  const loaded = signal(false);
  /** Polite announcements for screen readers ("Source added"). */
  const status = signal('');

  /** How the source list syncs (written by the background: entrypoints/background/source-sync.ts). */
  const syncStatus = signal<{ bytes: number; budget: number; tooLarge: boolean } | null>(null);
  async function reloadSyncStatus(): Promise<void> {
    syncStatus.value = ((await env.local.get(SOURCE_LIST_STATUS_KEY))[SOURCE_LIST_STATUS_KEY] as typeof syncStatus.value) ?? null;
  }

  /** The database has no room (the worker's state, or actions kept for later): the page says so. */
  const storageFull = signal(false);
  async function reloadStorageState(): Promise<void> {
    try {
      const [got, kept] = await Promise.all([env.local.get(STORAGE_STATE_KEY), keptActions(env.local)]);
      storageFull.value = storageStateOf(got[STORAGE_STATE_KEY]).full || kept.length > 0;
    } catch {
      // A disk with no room at all: Chromium refuses storage.local too.
    }
    // The worker's own state (storage.local may hold an old one when it refused the new): by message.
    void env.send({ type: 'storageStateWanted' });
  }

  /**
   * "Keep fewer articles": removes the unstarred articles older than `days` now, and says how much
   * room the browser reports freed (undefined when it does not say, or has not given it back yet).
   */
  async function removeOlder(days: number): Promise<{ removed: number; freed?: number }> {
    const before = await env.estimate?.().catch(() => undefined);
    const removed = await removeOlderThan(await env.db(), env.now() - days * 86_400_000);
    const after = removed ? await env.estimate?.().catch(() => undefined) : undefined;
    const freed = before?.usage !== undefined && after?.usage !== undefined && after.usage < before.usage ? before.usage - after.usage : undefined;
    if (removed) {
      await reloadSources();
      // Write, then message: the badge and open sidebars follow; with room again, the worker retries at once.
      await env.send({ type: 'itemsChanged' });
    }
    return { removed, freed };
  }

  /** Sources removed but not yet deleted: hidden from the lists while Undo is offered. */
  const removal = signal<PendingRemoval | null>(null);
  let removalTimer: ReturnType<typeof setTimeout> | undefined;

  async function reloadSources(): Promise<void> {
    const db = await env.db();
    // The counters the item writes keep: one read for every source, instead of one index count each.
    const [list, counters] = await Promise.all([listSources(db), db.getAll('counters')]);
    const totals = new Map(counters.map((c) => [c.key, c.total]));
    muteCounts.value = Object.fromEntries(counters.filter((c) => c.key.startsWith('m:')).map((c) => [c.key.slice(2), listRowsOf(c)]));
    const counts: Record<string, number> = {};
    for (const s of list) counts[s.id] = totals.get(sourceItemsKey(s.id)) ?? 0;
    const hidden = new Set(removal.value?.ids ?? []);
    searchSources.value = Object.fromEntries(list.filter((s) => s.topicId && s.enabled).map((s) => [s.topicId!, s]));
    sources.value = list.filter((s) => !s.topicId && !hidden.has(s.id));
    itemCounts.value = counts;
  }

  async function reloadSync(): Promise<void> {
    [settings.value, topics.value, mutes.value] = await Promise.all([loadSettings(env.sync), loadTopics(env.sync), loadMuteRules(env.sync)]);
  }

  async function load(): Promise<void> {
    await Promise.all([reloadSources(), reloadSync(), reloadSyncStatus(), reloadStorageState()]);
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

  /** Keeps the page current: polls finishing, other tabs and synced devices changing things. */
  function watch(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (fn: () => Promise<void>) => {
      clearTimeout(timer);
      timer = setTimeout(() => void fn().catch(() => {}), 150);
    };
    const offMsg = env.onMessage((m) => {
      if (isMessage(m) && (m.type === 'newItems' || m.type === 'itemsChanged' || (m.type === 'pollState' && !m.polling))) soon(reloadSources);
      if (isMessage(m) && m.type === 'storageState') storageFull.value = storageStateOf(m.state).full;
    });
    const offStorage = env.onStorageChanged((keys, area) => {
      if (area === 'local' && keys.includes(SOURCE_LIST_STATUS_KEY)) void reloadSyncStatus();
      if (area === 'local' && keys.some((k) => k === STORAGE_STATE_KEY || isKeptActionKey(k))) void reloadStorageState();
      if (area === 'sync' && touchesSettingsOrTopics(keys)) void reloadSync();
    });
    // The worker's storage state, now that its answer has a listener (load() may have asked before).
    void env.send({ type: 'storageStateWanted' });
    return () => {
      offMsg();
      offStorage();
    };
  }

  async function addSource(s: NewSource, apiKey?: string): Promise<Source> {
    const src = await addSourceTo(await env.db(), s, env.now());
    if (apiKey) await env.local.set({ [apiKeyKey(src.id)]: apiKey });
    // Connected to a feed server: a feed added here is subscribed there too (on the next sync).
    if (server.account.value) await queueSubscribe(await env.db(), [src], env.now());
    await reloadSources();
    await env.send({ type: 'sourcesChanged' });
    return src;
  }

  async function updateSource(id: string, patch: SourcePatch): Promise<void> {
    await updateSourceIn(await env.db(), id, patch);
    await reloadSources();
    await env.send({ type: 'sourcesChanged' });
  }

  /** Bulk pause / resume / move: one transaction for all of them. */
  async function updateSources(ids: readonly string[], patch: SourcePatch): Promise<number> {
    const n = await updateSourcesIn(await env.db(), ids, patch);
    await reloadSources();
    await env.send({ type: 'sourcesChanged' });
    return n;
  }

  async function deleteSources(ids: readonly string[]): Promise<number> {
    let n = 0;
    for (const id of ids) {
      n += await removeSourceFrom(await env.db(), id, { unsubscribe: true });
      await env.local.remove?.(apiKeyKey(id));
    }
    // Topics scoped to these sources lose them from their scope.
    const gone = new Set(ids);
    for (const t of topics.value.filter((x) => x.sourceIds.some((id) => gone.has(id)))) {
      await saveTopicTo(env.sync, { ...t, sourceIds: t.sourceIds.filter((x) => !gone.has(x)) });
    }
    await Promise.all([reloadSources(), reloadSync()]);
    await env.send({ type: 'sourcesChanged' });
    await env.send({ type: 'itemsChanged' });
    return n;
  }

  /** Deletes what is waiting for its Undo to run out (also when the page goes away). */
  async function commitRemoval(): Promise<void> {
    clearTimeout(removalTimer);
    const r = removal.value;
    if (!r) return;
    await deleteSources(r.ids);
    if (removal.value === r) removal.value = null;
  }

  /**
   * Removes sources without asking: they leave the list at once, and are deleted with their articles
   * when the Undo offer runs out. Removing more meanwhile deletes the earlier ones first.
   */
  async function removeSources(ids: readonly string[]): Promise<PendingRemoval> {
    await commitRemoval();
    const picked = sources.value.filter((s) => ids.includes(s.id));
    const r: PendingRemoval = {
      ids: picked.map((s) => s.id),
      names: picked.map((s) => s.name),
      articles: picked.reduce((n, s) => n + (itemCounts.value[s.id] ?? 0), 0),
    };
    removal.value = r;
    const hidden = new Set(r.ids);
    sources.value = sources.value.filter((s) => !hidden.has(s.id));
    removalTimer = setTimeout(() => void commitRemoval().catch(() => {}), UNDO_MS);
    return r;
  }

  async function undoRemoval(): Promise<void> {
    clearTimeout(removalTimer);
    removal.value = null;
    await reloadSources();
  }

  /** Removes one source now (its articles too); the page uses removeSources, which offers Undo. */
  async function removeSource(id: string): Promise<number> {
    return deleteSources([id]);
  }

  async function setApiKey(id: string, key: string): Promise<void> {
    await env.local.set({ [apiKeyKey(id)]: key });
    await env.send({ type: 'refresh', sourceId: id });
  }

  async function getApiKey(id: string): Promise<string> {
    return ((await env.local.get(apiKeyKey(id)))[apiKeyKey(id)] as string | undefined) ?? '';
  }

  async function refresh(id?: string): Promise<void> {
    await env.send({ type: 'refresh', sourceId: id });
    await reloadSources();
  }

  async function saveTopic(t: Topic): Promise<void> {
    await saveTopicTo(env.sync, t);
    await reloadSync();
    await env.send({ type: 'topicsChanged', topicIds: [t.id] });
  }

  async function removeTopic(id: string): Promise<void> {
    await removeTopicFrom(env.sync, id);
    await reloadSync();
    await env.send({ type: 'topicsChanged', topicIds: [id] });
  }

  // The worker re-applies the rules when storage.sync changes (entrypoints/background/mutes.ts) and
  // says itemsChanged when it is done; the counts here follow then.
  async function saveMute(rule: MuteRule): Promise<void> {
    await saveMuteRule(env.sync, rule);
    await reloadSync();
  }

  async function removeMute(id: string): Promise<void> {
    await removeMuteRule(env.sync, id);
    await reloadSync();
  }

  /** How many stored articles a rule being edited would hide. */
  async function previewMute(draft: MuteDraft, limit = 20) {
    const { previewMute: previewIn } = await loadMutePreview();
    return previewIn(await env.db(), draft, sources.value, limit);
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    settings.value = await saveSettings(env.sync, patch);
    if (patch.badgeMode) await env.send({ type: 'badgeMode', mode: patch.badgeMode });
  }

  /** Adds an OPML file's sources the user confirmed (read and checked before by readOpml); `toServer`: to the feed server too. */
  async function importOpmlFile(reading: OpmlReading, toServer = false) {
    const { importOpml } = await loadOpml();
    const r = await importOpml(await env.db(), reading, env.now());
    // The user chose to add them to the feed server too (subscribed on the next sync).
    if (toServer && server.account.value) await queueSubscribe(await env.db(), r.added, env.now());
    await env.send({ type: 'sourcesChanged' });
    await Promise.all([reloadSources(), reloadSync()]);
    return r;
  }

  /** Applies a settings file the user confirmed (read and checked before by readSettingsFile). */
  async function importSettingsFile(file: ReturnType<typeof readSettingsFile>) {
    const { applySettingsFile } = await loadSettingsIo();
    const r = await applySettingsFile(await env.db(), env.sync, file, env.now());
    await env.send({ type: 'topicsChanged' });
    await env.send({ type: 'sourcesChanged' });
    await Promise.all([reloadSources(), reloadSync()]);
    return r;
  }

  /** What a topic being edited matches among the stored items. */
  async function previewTopic(topic: Pick<Topic, 'query' | 'sourceIds'>, limit = 20) {
    const { previewTopic: previewIn } = await loadTopicPreview();
    return previewIn(await env.db(), topic, limit);
  }

  function announce(text: string): void {
    // Re-setting the same text would not be announced again.
    status.value = '';
    setTimeout(() => (status.value = text), 30);
  }

  return {
    /** The feed server section's model (components/options/server-model.ts). */
    server,
    sources, searchSources, topics, settings, itemCounts, loaded, status, removal, syncStatus, storageFull, removeOlder,
    load, loadOnce, watch, reloadSources, reloadSync, addSource, updateSource, updateSources, removeSource, removeSources, undoRemoval, commitRemoval,
    setApiKey, getApiKey, refresh,
    saveTopic, removeTopic, updateSettings, announce,
    importOpmlFile, importSettingsFile, previewTopic,
    mutes, muteCounts, saveMute, removeMute, previewMute,
    /** Reads what is at an address the user typed (a feed, or a page announcing feeds), through the one fetcher. */
    inspectUrl: async (url: string) => (await loadInspector()).inspectUrl(url, env.fetch),
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
