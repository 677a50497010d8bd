// The options page's sources: the list with each one's article count, and the changes the user makes,
// every one written by the worker (utils/sources/write-sources.ts), which tells the pages after. A
// removal waits UNDO_MS for its Undo before it is asked for.
import { signal } from '@preact/signals';
import type { Source } from '@/utils/model';
import { listSources, type SourcePatch } from '@/utils/db/sources';
import { listRowsOf, sourceItemsKey } from '@/utils/db/counters';
import { askSourceChange } from '@/utils/sources/ask-sources';
import type { AddSourceDeps } from '@/utils/sources/add-source';
import { loadInspector } from '../later';
import type { OptionsEnv } from '../options-env';

/** How long "Undo" is offered after sources are removed, before they and their articles are deleted. */
export const UNDO_MS = 8000;

export interface PendingRemoval {
  ids: string[];
  names: string[];
  articles: number;
}

export function createSourcesModel(env: OptionsEnv, onRemoved: (ids: readonly string[]) => Promise<void>) {
  const sources = signal<Source[]>([]);
  /** The sources that follow topics' searches, by topic id: not subscriptions, shown on their topic. */
  const searchSources = signal<Record<string, Source>>({});
  const itemCounts = signal<Record<string, number>>({});
  /** What each mute rule hides now (the counters the worker keeps as it re-applies the rules). */
  const muteCounts = signal<Record<string, number>>({});
  /** Sources removed but not yet deleted: hidden from the lists while Undo is offered. */
  const removal = signal<PendingRemoval | null>(null);
  let removalTimer: ReturnType<typeof setTimeout> | undefined;

  async function reload(): Promise<void> {
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

  /** The use case's effects (utils/sources/add-source.ts): this page's list, the one fetcher, the worker. */
  const adding: AddSourceDeps = {
    known: () => sources.value,
    inspect: async (url) => (await loadInspector()).inspectUrl(url, env.fetch),
    change: (c) => askSourceChange((m) => env.ask(m), c),
  };

  /** Edits, bulk pause / resume / move: one transaction in the worker for all of them. */
  async function update(ids: readonly string[], patch: SourcePatch): Promise<number> {
    const done = await adding.change({ op: 'update', ids: [...ids], patch });
    await reload();
    return done.count;
  }

  async function deleteSources(ids: readonly string[]): Promise<number> {
    const done = await adding.change({ op: 'remove', ids: [...ids], unsubscribe: true });
    await onRemoved(ids);
    await reload();
    // The badge and open sidebars follow the articles that went.
    await env.send({ type: 'itemsChanged' });
    return done.count;
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
    await reload();
  }

  async function refresh(id?: string): Promise<void> {
    await env.send({ type: 'refresh', sourceId: id });
    await reload();
  }

  return {
    sources, searchSources, itemCounts, muteCounts, removal, adding, reload, refresh,
    updateSource: async (id: string, patch: SourcePatch): Promise<void> => void (await update([id], patch)),
    updateSources: update,
    removeSources, undoRemoval, commitRemoval,
    /** Removes one source now (its articles too); the page uses removeSources, which offers Undo. */
    removeSource: (id: string) => deleteSources([id]),
  };
}

