// What the user has set up: settings and topics (storage.sync) and the sources (the database).
import { batch, computed, createModel, signal } from '@preact/signals';
import type { MuteRule, Settings, Source, Topic } from '@/utils/model';
import { loadMuteRules } from '@/utils/mutes/store';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { loadSettings, saveSettings } from '@/utils/settings';
import { snoozeUntil } from '@/utils/topics/notify';
import { loadTopics } from '@/utils/topics/store';
import { listSources } from '@/utils/db/sources';
import type { SidebarEnv } from '../sidebar-env';

export interface Prefs {
  settings: Settings;
  topics: Topic[];
  mutes: MuteRule[];
}

export const PreferencesModel = createModel((env: SidebarEnv) => {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  /** The settings have been read (until then `settings` holds the defaults). */
  const known = signal(false);
  const topics = signal<Topic[]>([]);
  const mutes = signal<MuteRule[]>([]);
  const sources = signal<Source[]>([]);
  // A topic's search says how it fails on its topic (options page), not among the subscriptions.
  const failing = computed(() => sources.value.filter((s) => s.enabled && s.health === 'error' && !s.topicId));
  const sourceById = computed(() => new Map(sources.value.map((s) => [s.id, s])));

  return {
    settings,
    known,
    topics,
    mutes,
    sources,
    failing,
    sourceById,
    /** Reads settings and topics without showing them yet (the first page paints first). */
    async readPrefs(): Promise<Prefs> {
      const [s, t, m] = await Promise.all([loadSettings(env.sync), loadTopics(env.sync), loadMuteRules(env.sync)]);
      return { settings: s, topics: t, mutes: m };
    },
    applyPrefs(p: Prefs) {
      batch(() => {
        settings.value = p.settings;
        known.value = true;
        topics.value = p.topics;
        mutes.value = p.mutes;
      });
    },
    /** Snoozes topic alerts for an hour or until tomorrow, or turns them back on ('off'). */
    async snooze(kind: '1h' | 'tomorrow' | 'off') {
      settings.value = await saveSettings(env.sync, { snoozeUntil: kind === 'off' ? 0 : snoozeUntil(kind, env.now()) });
    },
    async refreshSources() {
      sources.value = await listSources(await env.db());
    },
  };
});

export type Preferences = InstanceType<typeof PreferencesModel>;
