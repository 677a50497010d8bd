// A topic's search as a source the topic owns: its id (from the topic's, so it stays the same when the
// query or the edition changes), its address, and what the worker must add, change or remove so the
// sources follow the topics. Pure: the sources, topics, locale and clock come in.
import type { Source, Topic } from '../model';
import { searchSourceId } from './source-id';
import { makeSource } from '../db/sources';
import { ENGINE_NAMES } from './kind';
import { searchFeedOf, type SearchFeed } from './topic-search';
import { SEARCH_MIN_INTERVAL_MIN } from './politeness';

export { searchSourceId };

/**
 * The topic's feed, its address moved onto `base` (an origin) when one is given: only end-to-end and demo
 * builds pass one (there is no internet there); real users always ask the engine itself.
 */
export function topicFeed(topic: Pick<Topic, 'query' | 'search'>, locale: string, base?: string): SearchFeed | undefined {
  if (!topic.search) return undefined;
  const feed = searchFeedOf(topic, topic.search, locale);
  if (!feed.ok || !base) return feed;
  const u = new URL(feed.url);
  return { ...feed, url: `${base.replace(/\/+$/, '')}${u.pathname}${u.search}` };
}

export interface SearchSourcePlan {
  add: Source[];
  /**
   * Sources whose address, engine or name changed (their validators are dropped: another request). With
   * `requery`, the search asks for something else now: what it found before that the topic no longer
   * matches goes, as a removed search's items do.
   */
  update: Array<{ id: string; patch: Partial<Source>; requery?: Pick<Topic, 'query'> }>;
  /** Sources of topics removed or whose search was turned off (or cannot be made any more). */
  remove: string[];
}

/** What makes the topic-owned sources follow the topics. */
export function planSearchSources(topics: readonly Topic[], sources: readonly Source[], locale: string, now: number, base?: string): SearchSourcePlan {
  const plan: SearchSourcePlan = { add: [], update: [], remove: [] };
  const wanted = new Set<string>();
  const byId = new Map(sources.map((s) => [s.id, s]));
  for (const topic of topics) {
    const feed = topicFeed(topic, locale, base);
    if (!feed?.ok) continue;
    const id = searchSourceId(topic.id);
    wanted.add(id);
    const name = `${topic.name} · ${ENGINE_NAMES[feed.kind]}`;
    const cur = byId.get(id);
    if (!cur) {
      const src = makeSource({ name, url: feed.url, intervalMin: SEARCH_MIN_INTERVAL_MIN }, now);
      plan.add.push({ ...src, id, topicId: topic.id, searchEngine: feed.kind });
    } else if (cur.url !== feed.url || cur.searchEngine !== feed.kind || cur.name !== name || !cur.enabled) {
      const moved = cur.url !== feed.url;
      plan.update.push({ id, patch: { url: feed.url, searchEngine: feed.kind, name, enabled: true, ...(moved && { etag: undefined, lastModified: undefined, nextPollAt: now, failures: 0, problem: undefined, health: 'new' as const, retryUntil: undefined }) }, ...(moved && { requery: { query: topic.query } }) });
    }
  }
  for (const s of sources) if (s.topicId && s.enabled && !wanted.has(s.id)) plan.remove.push(s.id);
  return plan;
}
