// The poller: which sources are due, several fetched at once (a few per site), each one's outcome
// stored on it.
// Everything it touches is passed in (db, fetch, clock, keys), so it runs under tests unchanged.
import type { NewsDb } from '../db/schema';
import type { ApiKind, ParsedItem, Settings, Source } from '../model';
import { listSources } from '../db/sources';
import { patchSource, patchSources, storePoll, type StoreSettings } from '../db/items';
import { storeQueue, type StoreFn } from '../db/store-queue';
import { fetchSource, FetchError } from '../net/fetch-source';
import { apiRequest, isApiKind } from '../sources/api-kinds';
import { kindRow } from '../sources/kinds';
import { redactKey } from '../sources/errors';
import type { ParseBody } from '../sources/parse-body';
import { mapProblemText, problemOf, type Problem } from '../problems';
import { nextPollAfterFailure, nextPollAfterSuccess } from './backoff';
import type { TopicSet } from '../topic-matches';
import { isEnded, nextLiveState } from './live';
import { DEFAULT_LIMITS, hostOf, runPerHost } from './per-host';
import { isRefusal, isRefusalSoon, knownLost } from '../db/quota';
import { capSearches, isTopicSearch, searchFailurePatch, searchSuccessPatch, topicItems, type SearchRequestLog } from './search-poll';

/** A redirect seen this many polls in a row is treated as permanent and the source's URL follows it. */
export const REDIRECTS_TO_MOVE = 3;

export interface PollDeps {
  db: NewsDb;
  /** The sources as just listed from `db` (the worker lists them once for the poll's mute rules too); absent: listed here. */
  sources?: Source[];
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  settings: StoreSettings;
  getApiKey?: (sourceId: string) => Promise<string | undefined>;
  /** Reads a response body (utils/sources/parse-body.ts): passed in so the worker loads the parsers on first use. */
  parse: ParseBody;
  /** Topics to match in each source's store transaction (absent: items are stored unmatched). */
  topics?: TopicSet;
  /** Called after a source's items are stored (telling open pages), before its fetch slot is free. */
  onStored?: (sourceId: string, newIds: string[], updatedIds: string[]) => Promise<void>;
  /**
   * A write was refused for lack of space: for a source's poll (its items wait for room) or for
   * something else (a source's state). The poll goes on with the other sources.
   */
  onStorageRefused?: (sourceId?: string) => void;
  /**
   * A new connection, for when the browser closed `db` in the middle of the poll (Chromium does when
   * the disk fills up): the sources after it are stored through the new one.
   */
  reopen?: () => Promise<NewsDb>;
  /** The hour's requests to search engines, for the cap across topics (absent: no cap, as in tests of other things). */
  searchLog?: SearchRequestLog;
  /** May Newsbar read this search's site in this browser (absent: yes)? A search synced from another browser may not yet. */
  searchAllowed?: (url: string) => Promise<boolean>;
  /** Sources fetched at once in all (default 16). */
  concurrency?: number;
  /** Sources of one host fetched at once (default 6). */
  perHost?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export type SourceOutcome =
  | { sourceId: string; kind: 'stored'; newIds: string[]; updatedIds: string[] }
  | { sourceId: string; kind: 'not-modified' }
  | { sourceId: string; kind: 'error'; problem: Problem };

export interface PollOptions {
  /** Poll these sources (or all enabled ones) whether due or not. */
  force?: boolean;
  sourceIds?: string[];
  /** Poll these first, whether due or not (sources whose items the browser refused, once there is room). */
  first?: string[];
}

/** A source whose items were refused for lack of space is not fetched again before this (the watch asks for it once there is room). */
export const FULL_RETRY_MS = 10 * 60_000;

const isApi = (s: Source) => isApiKind(s.kind);

export function dueSources(sources: Source[], now: number, opts: PollOptions = {}): Source[] {
  // A live page whose coverage ended is not polled any more (the user may keep or remove it).
  // Forcing ("Refresh now") skips the schedule and the back-off, never a server's Retry-After.
  const waits = (s: Source) => s.retryUntil !== undefined && s.retryUntil > now;
  const first = new Set(opts.first);
  // A topic's search keeps its polite schedule whatever is forced (utils/search-feeds/politeness.ts).
  const due = (s: Source) => (isTopicSearch(s) ? s.nextPollAt <= now && !waits(s) : opts.force || first.has(s.id) ? !waits(s) : s.nextPollAt <= now);
  // A feed server's sources are read from the server (utils/feed-server/), never fetched here.
  const out = sources.filter((s) => s.enabled && !s.server && !isEnded(s) && (!opts.sourceIds || opts.sourceIds.includes(s.id) || first.has(s.id)) && due(s));
  // Sources waiting for room go first (a stable sort keeps the rest in their order).
  return first.size ? out.sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id))) : out;
}

/** What went wrong, as a code, with any API key taken out of its words. */
function problemFor(e: unknown, key?: string): Problem {
  const p = problemOf(e);
  if (p.code === 'unexpected') console.error('Newsbar: unexpected error in a poll', e);
  return key ? mapProblemText(p, (s) => redactKey(s, key)) : p;
}
const storeAtOnce = (db: NewsDb): StoreFn => (w) => storePoll(db, w.source, w.parsed, w.now, w.settings, w.sourcePatch, w.topics);

/**
 * Polls one source. With `unchanged`, a 304's state (next poll time, validators) is left there for
 * the caller to write with others in one transaction; without, it is written at once. With `store`,
 * the items go through it (a poll's queue that writes several sources together); without, at once.
 */
export async function pollSource(deps: PollDeps, source: Source, unchanged?: Map<string, Partial<Source>>, store: StoreFn = storeAtOnce(deps.db), fetched?: () => void): Promise<SourceOutcome> {
  const now = deps.now();
  const random = deps.random ?? Math.random;
  let key: string | undefined;
  try {
    let url = source.url;
    let headers: Record<string, string> | undefined;
    if (isApi(source)) {
      key = await deps.getApiKey?.(source.id);
      if (!key) throw new FetchError({ code: 'needsKey' });
      ({ url, headers } = apiRequest(source.kind as ApiKind, source.url, key));
    }
    const accept = kindRow(source.kind).accept;
    if (accept) headers = { ...headers, accept };
    const res = await fetchSource(url, { fetch: deps.fetch, etag: source.etag, lastModified: source.lastModified, headers, timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, now: deps.now });
    const ok: Partial<Source> = {
      lastPollAt: now,
      lastSuccessAt: now,
      nextPollAt: nextPollAfterSuccess(now, source.intervalMin),
      failures: 0,
      health: 'ok',
      problem: undefined,
      retryUntil: undefined,
      etag: res.etag,
      lastModified: res.lastModified,
      ...(isTopicSearch(source) && searchSuccessPatch(source, now, random)),
    };
    if (res.kind === 'not-modified') {
      if (source.kind === 'live') ok.live = nextLiveState(source, now, { newUpdates: 0, read: false });
      if (unchanged) unchanged.set(source.id, { ...ok, lastStatus: 304 });
      else await patchSource(deps.db, source.id, { ...ok, lastStatus: 304 });
      return { sourceId: source.id, kind: 'not-modified' };
    }
    const feed = await deps.parse(source.kind, res.body, res.contentType, { baseUrl: res.finalUrl || source.url, apiKey: key, searchKind: source.searchEngine });
    fetched?.();
    Object.assign(ok, { lastStatus: res.status }, redirectPatch(source, res.redirected && !isApi(source) ? res.finalUrl : undefined));
    if (!source.siteUrl && feed.siteUrl) ok.siteUrl = feed.siteUrl;
    // A topic's search keeps what the topic's own query matches (the engine's match is loose).
    const items: ParsedItem[] = topicItems(source, feed.items, deps.topics);
    const stored = await store({ source, parsed: items, now, settings: deps.settings, sourcePatch: ok, topics: deps.topics });
    if (source.kind === 'live') {
      // Whether the coverage goes on depends on how many updates were new: known only once stored.
      // (A worker killed between the two writes leaves the state one poll behind: the next poll mends it.)
      const coverageEnd = 'coverageEnd' in feed ? (feed.coverageEnd as number | undefined) : undefined;
      const live = nextLiveState(source, now, { coverageEnd, newUpdates: stored.newIds.length, read: true });
      await patchSourceOrNote(deps, source.id, { live: { ...live, title: feed.title ?? source.live?.title } });
    }
    if (deps.onStored && (stored.newIds.length || stored.updatedIds.length || stored.joinedIds.length)) {
      // What follows a store must not turn a stored poll into a failed one.
      await deps.onStored(source.id, stored.newIds, stored.updatedIds).catch((e) => console.error('Newsbar: after storing a source', e));
    }
    return { sourceId: source.id, kind: 'stored', newIds: stored.newIds, updatedIds: stored.updatedIds };
  } catch (e) {
    // A write the browser refused, by quota or by closing the connection under it: not the source's fault.
    if (await isRefusalSoon(e, deps.db)) return refused(deps, source, now, { code: 'storageFull' });
    const problem = problemFor(e, key);
    const failures = source.failures + 1;
    const retryAfterMs = e instanceof FetchError ? e.retryAfterMs : undefined;
    const status = e instanceof FetchError ? e.status : undefined;
    await patchSourceOrNote(deps, source.id, {
      lastPollAt: now,
      failures,
      health: 'error',
      problem,
      retryUntil: retryAfterMs !== undefined ? now + retryAfterMs : undefined,
      lastStatus: e instanceof FetchError ? e.status : undefined,
      nextPollAt: nextPollAfterFailure(now, source.intervalMin, failures, random, retryAfterMs),
      ...(source.kind === 'live' && { live: nextLiveState(source, now, { newUpdates: 0, read: false }) }),
      ...(isTopicSearch(source) && searchFailurePatch(source, now, failures, status, retryAfterMs, random)),
    });
    return { sourceId: source.id, kind: 'error', problem };
  }
}

/**
 * The browser refused to store the source's items for lack of space. Not the source's fault: no
 * back-off and no problem on the source (the sidebar says it once for all); it waits for room, and is
 * then polled first (PollOptions.first).
 */
async function refused(deps: PollDeps, source: Source, now: number, problem: Problem): Promise<SourceOutcome> {
  deps.onStorageRefused?.(source.id);
  // A small write may still pass: then the source is not fetched again every minute while full.
  await patchSource(deps.db, source.id, { nextPollAt: now + FULL_RETRY_MS }).catch(() => {});
  return { sourceId: source.id, kind: 'error', problem };
}

/** A source's state, written; a write refused for lack of space is noted, and the poll goes on. */
async function patchSourceOrNote(deps: PollDeps, id: string, patch: Partial<Source>): Promise<void> {
  try {
    await patchSource(deps.db, id, patch);
  } catch (e) {
    if (!isRefusal(e, deps.db)) throw e;
    deps.onStorageRefused?.();
  }
}

/**
 * The browser can only tell that a fetch was redirected, not whether the redirect was permanent.
 * A source redirected to the same place several polls in a row has moved: follow it.
 */
function redirectPatch(source: Source, finalUrl: string | undefined): Partial<Source> {
  if (!finalUrl || finalUrl === source.url) return { redirectTo: undefined, redirectCount: 0 };
  const count = source.redirectTo === finalUrl ? (source.redirectCount ?? 0) + 1 : 1;
  if (count >= REDIRECTS_TO_MOVE) return { url: finalUrl, redirectTo: undefined, redirectCount: 0 };
  return { redirectTo: finalUrl, redirectCount: count };
}

/** Parsed sources waiting for their transaction without holding a fetch slot (one group of store-queue.ts). */
const MAX_PARSED_WAITING = 24;

/** Polls every due source, several at a time; one failing or hanging source never blocks the others. */
export async function pollDue(deps: PollDeps, opts: PollOptions = {}): Promise<SourceOutcome[]> {
  let due = dueSources(deps.sources ?? (await listSources(deps.db)), deps.now(), opts);
  if (deps.searchAllowed && due.some(isTopicSearch)) {
    // Not allowed yet: not asked at all (the topic says so and offers Allow), so no failure and no back-off.
    const allowed = await Promise.all(due.map((s) => (isTopicSearch(s) ? deps.searchAllowed!(s.url).catch(() => false) : true)));
    due = due.filter((_, i) => allowed[i]);
  }
  if (deps.searchLog && due.some(isTopicSearch)) {
    // The cap across topics: searches beyond it wait (still due) for a later poll. Recorded before
    // asking, so a killed worker errs on the side of asking less.
    const log = deps.searchLog;
    const capped = await log.load().then(async (times) => {
      const c = capSearches(due, times, deps.now());
      await log.save(c.times);
      return c.due;
    }).catch((e: unknown) => {
      // The cap's record unreadable: searches wait for the next poll rather than go uncounted; the rest goes on.
      console.warn('Newsbar: the search requests record failed', e);
      return due.filter((s) => !isTopicSearch(s));
    });
    due = capped;
  }
  const out: SourceOutcome[] = [];
  const limits = { total: deps.concurrency ?? DEFAULT_LIMITS.total, perHost: deps.perHost ?? DEFAULT_LIMITS.perHost };
  // Sources that answered 304 change only their schedule: written together at the end. A worker
  // killed before that loses nothing but the schedule, and those sources are asked again.
  const unchanged = new Map<string, Partial<Source>>();
  // Sources stored while another's transaction runs are written together in the next. When the
  // browser closes the connection (a disk that filled up), what was being written through it was
  // refused whole (its transaction aborted), and the sources after it go through a new one.
  let live = deps;
  let reopening: Promise<void> | undefined;
  const current = async () => {
    if (deps.reopen && knownLost(live.db)) {
      reopening ??= deps
        .reopen()
        .then((db) => {
          if (db !== live.db) live = { ...deps, db };
        })
        .catch((e: unknown) => console.warn('Newsbar: the database could not be opened again', e))
        .finally(() => (reopening = undefined));
      await reopening;
    }
    return live;
  };
  const store = storeQueue(async () => (await current()).db);
  try {
    await runPerHost(due, (s) => hostOf(s.url), limits, async (s, release) => {
      // Fetched and parsed, a source waits for its transaction without its slot, so the next fetches
      // go on meanwhile; a few groups' worth at most, so parsed feeds never pile up in memory.
      const fetched = () => {
        if (store.waiting() < MAX_PARSED_WAITING) release();
      };
      out.push(await pollSource(await current(), s, unchanged, store, fetched));
    });
  } finally {
    const last = await current();
    await patchSources(last.db, unchanged).catch((e: unknown) => {
      if (!isRefusal(e, last.db)) throw e;
      // Their schedule only: they are asked again, as after a killed worker.
      deps.onStorageRefused?.();
    });
  }
  return out;
}
