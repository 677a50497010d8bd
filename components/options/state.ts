// The options page's state (signals) and its actions. No DOM here: components read the signals
// and call the actions; the browser comes in through OptionsEnv.
import { signal } from '@preact/signals';
import { DEFAULT_SETTINGS, type Settings, type Source, type Topic } from '@/utils/model';
import { isMessage } from '@/utils/messages';
import { loadSettings, saveSettings, SETTINGS_KEY } from '@/utils/settings';
import { loadTopics, removeTopic as removeTopicFrom, saveTopic as saveTopicTo } from '@/utils/topics/store';
import { addSource as addSourceTo, listSources, removeSource as removeSourceFrom, updateSource as updateSourceIn, type NewSource } from '@/utils/db/sources';
import type { OptionsEnv } from './env';

export type OptionsStore = ReturnType<typeof createOptionsStore>;

export const apiKeyKey = (sourceId: string) => `apiKey:${sourceId}`;

export function createOptionsStore(env: OptionsEnv) {
  const sources = signal<Source[]>([]);
  const topics = signal<Topic[]>([]);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const itemCounts = signal<Record<string, number>>({});
  const loaded = signal(false);
  /** Polite announcements for screen readers ("Source added"). */
  const status = signal('');

  async function reloadSources(): Promise<void> {
    const db = await env.db();
    const list = await listSources(db);
    const counts: Record<string, number> = {};
    await Promise.all(list.map(async (s) => {
      counts[s.id] = await db.countFromIndex('items', 'bySource', IDBKeyRange.bound([s.id, -Infinity], [s.id, Infinity]));
    }));
    sources.value = list;
    itemCounts.value = counts;
  }

  async function reloadSync(): Promise<void> {
    [settings.value, topics.value] = await Promise.all([loadSettings(env.sync), loadTopics(env.sync)]);
  }

  async function load(): Promise<void> {
    await Promise.all([reloadSources(), reloadSync()]);
    loaded.value = true;
  }

  /** Keeps the page current: polls finishing, other tabs and synced devices changing things. */
  function watch(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (fn: () => Promise<void>) => {
      clearTimeout(timer);
      timer = setTimeout(() => void fn().catch(() => {}), 150);
    };
    const offMsg = env.onMessage((m) => {
      if (isMessage(m) && (m.type === 'newItems' || (m.type === 'pollState' && !m.polling))) soon(reloadSources);
    });
    const offStorage = env.onStorageChanged((keys, area) => {
      if (area === 'sync' && keys.some((k) => k === SETTINGS_KEY || k === 'topicIds' || k.startsWith('topic:'))) void reloadSync();
    });
    return () => {
      offMsg();
      offStorage();
    };
  }

  async function addSource(s: NewSource, apiKey?: string): Promise<Source> {
    const src = await addSourceTo(await env.db(), s, env.now());
    if (apiKey) await env.local.set({ [apiKeyKey(src.id)]: apiKey });
    await reloadSources();
    await env.send({ type: 'sourcesChanged' });
    return src;
  }

  async function updateSource(id: string, patch: Parameters<typeof updateSourceIn>[2]): Promise<void> {
    await updateSourceIn(await env.db(), id, patch);
    await reloadSources();
    await env.send({ type: 'sourcesChanged' });
  }

  async function removeSource(id: string): Promise<number> {
    const n = await removeSourceFrom(await env.db(), id);
    await env.local.remove?.(apiKeyKey(id));
    // Topics scoped to this source lose it from their scope.
    for (const t of topics.value.filter((x) => x.sourceIds.includes(id))) {
      await saveTopicTo(env.sync, { ...t, sourceIds: t.sourceIds.filter((x) => x !== id) });
    }
    await Promise.all([reloadSources(), reloadSync()]);
    await env.send({ type: 'sourcesChanged' });
    await env.send({ type: 'itemsChanged' });
    return n;
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

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    settings.value = await saveSettings(env.sync, patch);
    if (patch.badgeMode) await env.send({ type: 'badgeMode', mode: patch.badgeMode });
  }

  function announce(text: string): void {
    // Re-setting the same text would not be announced again.
    status.value = '';
    setTimeout(() => (status.value = text), 30);
  }

  return {
    env, sources, topics, settings, itemCounts, loaded, status,
    load, watch, reloadSources, reloadSync, addSource, updateSource, removeSource, setApiKey, getApiKey, refresh,
    saveTopic, removeTopic, updateSettings, announce,
  };
}
