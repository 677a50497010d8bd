// Runs polls in the worker: one at a time (a second request waits for the first, then runs).
// Each source's items are matched to topics as they are stored; the poll's alerts are notified after
// it, then the badge is set and open sidebars are told.
import { getDb } from '@/utils/db/open';
import { isQuotaError } from '@/utils/db/quota';
import { loadSettings } from '@/utils/settings';
import { pollDue, type PollDeps, type PollOptions, type SourceOutcome } from '@/utils/poller/poll';
import { followLivePage } from '@/utils/poller/follow-live';
import { listSources, removeSource } from '@/utils/db/sources';
import { indexQueued, type IndexOptions } from '@/utils/db/search/search-index';
import { forgetGrouper } from '@/utils/db/stories/story-grouper';
import { forgetLinkTable } from '@/utils/db/stories/same-story';
import type { FollowReply } from '@/utils/messages';
import { getApiKey } from './api-keys';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';
import { drainAlerts } from './alerts';
import { sendDigestIfDue } from './notifications';
import { loadTopics } from '@/utils/topics/store';
import { topicSet } from '@/utils/topics/rematch';
import { loadMuteRules } from '@/utils/mutes/store';
import { muteSet } from '@/utils/mutes/rules';
import { storedProgress } from '@/utils/poller/progress';
import { parseInWorker } from './parsers';
import { beforePoll, notePoll, noteRefused } from './storage-watch';
import { followSearches, searchLog } from './topic-searches';
import { hostPattern } from '@/utils/net/host-pattern';

let chain: Promise<unknown> = Promise.resolve();

async function pollDeps(): Promise<PollDeps> {
  const db = await getDb();
  // The sources are listed once: the mute rules are scoped by their folders, and the poll picks the due ones.
  const [settings, topics, rules, sources] = await Promise.all([loadSettings(browser.storage.sync), loadTopics(browser.storage.sync), loadMuteRules(browser.storage.sync), listSources(db)]);
  return {
    db,
    sources,
    // The browser may close the connection mid-poll (a disk that filled up): getDb opens a new one.
    reopen: getDb,
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    settings,
    getApiKey,
    parse: parseInWorker,
    topics: topicSet(topics, muteSet(rules, sources)),
    searchLog,
    searchAllowed: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }),
  };
}

async function runOnce(opts: PollOptions): Promise<SourceOutcome[]> {
  // What the user did while the disk was full is written first; sources whose items were refused are
  // polled first once there is room (storage-watch.ts). Before the poll's connection is taken: a
  // refused write may have made the browser close the one it went through.
  const first = await beforePoll().catch((e: unknown) => (console.warn('Newsbar: the storage check failed', e), []));
  // Topics' searches follow the topics (a change missed while the worker slept is caught here).
  await followSearches().catch((e: unknown) => console.warn('Newsbar: topic searches could not follow the topics', e));
  const deps = await pollDeps();
  let refused = false;
  deps.onStorageRefused = (sourceId) => {
    refused = true;
    noteRefused(sourceId);
  };
  broadcast({ type: 'pollState', polling: true });
  // Open sidebars show stored articles while the rest of the poll goes on.
  const progress = storedProgress((sourceIds) => broadcast({ type: 'itemsStored', sourceIds }));
  deps.onStored = async (sourceId, newIds) => {
    if (newIds.length) progress.stored(sourceId);
  };
  let badgeDone = false;
  try {
    const outcomes = await pollDue(deps, { ...opts, first });
    progress.stop();
    await notePoll(outcomes, refused);
    // Alerts wait in the durable queue until the whole poll is stored: one summary per poll, not one
    // per source. A story is never notified twice (see drainAlerts). Recording them may be refused
    // for lack of space: they stay queued, and the badge is set all the same.
    // After a poll whose writes were refused, the database may not even open again until there is
    // room (Chromium on a full disk): the alerts wait, and the poll's outcomes are still returned.
    const afterRefusal = (e: unknown) => {
      if (!isQuotaError(e) && !refused) throw e;
      noteRefused();
    };
    await drainAlerts().catch(afterRefusal);
    await sendDigestIfDue().catch(afterRefusal);
    await updateBadge().catch(afterRefusal);
    badgeDone = true;
    const fresh = outcomes.filter((o) => o.kind === 'stored' && o.newIds.length > 0);
    const count = fresh.reduce((n, o) => n + (o.kind === 'stored' ? o.newIds.length : 0), 0);
    if (count > 0) broadcast({ type: 'newItems', count, sourceIds: fresh.map((o) => o.sourceId) });
    return outcomes;
  } finally {
    progress.stop();
    // A poll that ended early still leaves the badge what the store holds (the counters are written
    // with the items, so they are exact whatever was stored).
    if (!badgeDone) await updateBadge().catch((e: unknown) => console.warn('Newsbar: the badge failed', e));
    broadcast({ type: 'pollState', polling: false });
  }
}

export function runPoll(opts: PollOptions = {}): Promise<SourceOutcome[]> {
  const run = chain.then(() => runOnce(opts));
  // The search index follows once the poll is stored and announced; until then search scans the
  // queue. The next poll waits for it, so indexing never competes with a poll's writes.
  chain = run.catch(() => {}).then(() => indexSearch()).then(releasePollCaches);
  return run;
}

/**
 * The story grouper and the link table hold the whole window (most of the worker's heap after a big
 * poll). The browser stops an idle worker within a minute, which drops them anyway, so keeping them
 * until the next poll saves little: they go now, and the next poll with new items makes them again.
 */
async function releasePollCaches(): Promise<void> {
  const db = await getDb();
  forgetGrouper(db);
  forgetLinkTable(db);
}

/** Runs a job in the poll queue (after the running poll, before the next): jobs that rewrite what polls write. */
export function inPollQueue<T>(job: () => Promise<T>): Promise<T> {
  const run = chain.then(job);
  chain = run.catch((e: unknown) => console.warn('Newsbar: a queued job failed', e));
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
