// Runs polls in the worker: one at a time (a second request waits for the first, then runs).
// Each source's items are matched to topics as they are stored; the poll's alerts are notified after
// it, then the badge is set and open sidebars are told.
import { getDb } from '@/utils/db/schema';
import { loadSettings } from '@/utils/settings';
import { pollDue, type PollDeps, type PollOptions, type SourceOutcome } from '@/utils/poller/poll';
import { followLivePage } from '@/utils/poller/follow-live';
import { removeSource } from '@/utils/db/sources';
import { indexQueued, type IndexOptions } from '@/utils/db/search-index';
import type { FollowReply } from '@/utils/messages';
import { getApiKey } from './api-keys';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';
import { drainAlerts } from './alerts';
import { sendDigestIfDue } from './notifications';
import { loadTopics } from '@/utils/topics/store';
import { topicSet } from '@/utils/topics/rematch';
import { storedProgress } from '@/utils/poller/progress';
import { parseInWorker } from './parsers';

let chain: Promise<unknown> = Promise.resolve();

async function pollDeps(): Promise<PollDeps> {
  const [settings, topics] = await Promise.all([loadSettings(browser.storage.sync), loadTopics(browser.storage.sync)]);
  return {
    db: await getDb(),
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    settings,
    getApiKey,
    parse: parseInWorker,
    topics: topicSet(topics),
  };
}

async function runOnce(opts: PollOptions): Promise<SourceOutcome[]> {
  const deps = await pollDeps();
  broadcast({ type: 'pollState', polling: true });
  // Open sidebars show stored articles while the rest of the poll goes on.
  const progress = storedProgress((sourceIds) => broadcast({ type: 'itemsStored', sourceIds }));
  deps.onStored = async (sourceId, newIds) => {
    if (newIds.length) progress.stored(sourceId);
  };
  try {
    const outcomes = await pollDue(deps, opts);
    progress.stop();
    // Alerts wait in the durable queue until the whole poll is stored: one summary per poll, not one
    // per source. A story is never notified twice (see drainAlerts).
    await drainAlerts();
    await sendDigestIfDue();
    await updateBadge();
    const fresh = outcomes.filter((o) => o.kind === 'stored' && o.newIds.length > 0);
    const count = fresh.reduce((n, o) => n + (o.kind === 'stored' ? o.newIds.length : 0), 0);
    if (count > 0) broadcast({ type: 'newItems', count, sourceIds: fresh.map((o) => o.sourceId) });
    return outcomes;
  } finally {
    progress.stop();
    broadcast({ type: 'pollState', polling: false });
  }
}

export function runPoll(opts: PollOptions = {}): Promise<SourceOutcome[]> {
  const run = chain.then(() => runOnce(opts));
  // The search index follows once the poll is stored and announced; until then search scans the
  // queue. The next poll waits for it, so indexing never competes with a poll's writes.
  chain = run.catch(() => {}).then(() => indexSearch());
  return run;
}

/** Follows a live page (in the poll queue, so it never races a poll): read at once, badge, sidebars told. */
export function runFollow(url: string, title?: string): Promise<FollowReply> {
  const run = chain.then(async (): Promise<FollowReply> => {
    const out = await followLivePage(await pollDeps(), url, title);
    if (!out.ok) return { ok: false, problem: out.problem };
    // Topic alerts match updates like any item (queued in the poll's transaction; notified once).
    await drainAlerts();
    await updateBadge();
    broadcast({ type: 'sourcesChanged' });
    if (out.newIds.length) broadcast({ type: 'newItems', count: out.newIds.length, sourceIds: [out.source.id] });
    return { ok: true, sourceId: out.source.id, already: out.already };
  });
  chain = run.catch(() => {}).then(() => indexSearch());
  return run;
}

/** Stops following a live page: its source and its updates go. */
export async function stopFollowing(sourceId: string): Promise<true> {
  await removeSource(await getDb(), sourceId);
  await updateBadge();
  broadcast({ type: 'sourcesChanged' });
  return true;
}

/** Indexes what is queued for search (after polls, and at start-up: a killed worker left some). */
export async function indexSearch(opts?: IndexOptions): Promise<void> {
  await indexQueued(await getDb(), opts).catch((e: unknown) => console.warn('Newsbar: search indexing failed', e));
}
