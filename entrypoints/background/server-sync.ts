// The feed server in the worker: connecting and disconnecting (asked by the options page), and the
// sync itself (utils/feed-server/sync.ts) on the poll alarm, when the sidebar opens and on "Refresh".
// Syncs run one at a time; after one, alerts are shown, the badge is set and open pages are told.
import { getDb } from '@/utils/db/open';
import { loadSettings } from '@/utils/settings';
import { loadTopics } from '@/utils/topics/store';
import { topicSet } from '@/utils/topics/rematch';
import { problemOf } from '@/utils/problems';
import type { ServerReply } from '@/utils/messages';
import { connect, userInfo } from '@/utils/feed-server/greader';
import { forgetServer, loadAccount, saveAccount, saveSecret, type LocalArea } from '@/utils/feed-server/account';
import { syncServer, type SyncOptions, type SyncResult } from '@/utils/feed-server/sync';
import { releaseServerSources } from '@/utils/feed-server/disconnect';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';
import { drainAlerts } from './alerts';
import { indexSearch } from './poll-runner';

const area = (): LocalArea => browser.storage.local as unknown as LocalArea;
let chain: Promise<unknown> = Promise.resolve();

async function syncDeps() {
  const [settings, topics] = await Promise.all([loadSettings(browser.storage.sync), loadTopics(browser.storage.sync)]);
  return { db: await getDb(), fetch: (i: RequestInfo | URL, init?: RequestInit) => fetch(i, init), now: Date.now, area: area(), settings, topics: topicSet(topics) };
}

/** One sync (after any running one). Rejects with the ProblemError when the server cannot be reached or refuses. */
export function runServerSync(opts: SyncOptions = {}): Promise<SyncResult> {
  const run = chain.then(async () => {
    let out: SyncResult | undefined;
    try {
      out = await syncServer(await syncDeps(), opts);
      return out;
    } finally {
      // Told even after a failure: the sources now show the server's problem.
      if (out?.newIds.length) {
        await drainAlerts().catch((e: unknown) => console.warn('Newsbar: alerts after a sync failed', e));
      }
      if (!out || out.connected) {
        await updateBadge().catch(() => {});
        // Read and starred states taken from the server change rows and counts as a source change does.
        if (!out || out.sourcesChanged || out.sourceIds.length || out.flagsTaken) broadcast({ type: 'sourcesChanged' });
        if (out?.newIds.length) broadcast({ type: 'newItems', count: out.newIds.length, sourceIds: out.sourceIds });
      }
      // The server's items are indexed for search as a poll's are (until then search scans the queue).
      if (out?.newIds.length) void indexSearch();
    }
  });
  chain = run.catch(() => {});
  return run;
}

let soon: ReturnType<typeof setTimeout> | undefined;
/**
 * A read, star or source change was just made in a page: send the queue a moment later (several
 * clicks in a row go as one batch). A worker stopped before then leaves the queue to the next alarm.
 */
export function sendSoon(): void {
  clearTimeout(soon);
  soon = setTimeout(() => void serverConnected().then((on) => on && syncInBackground({ sendOnly: true })), 2000);
}

/** The same, for the alarm and other callers that only log a failure (it is on the account and the sources). */
export function syncInBackground(opts: SyncOptions = {}): void {
  void runServerSync(opts).catch(() => {});
}


/**
 * Connects: logs in (a refused password changes nothing), keeps the password and token in
 * storage.local only, then the first sync runs (its progress shows as the sources and items arrive).
 */
export async function connectServer(address: string, user: string, password: string): Promise<ServerReply> {
  try {
    const session = await connect(address, user.trim(), password, { fetch: (i, init) => fetch(i, init) });
    const info = await userInfo(session);
    const host = new URL(session.base).host;
    const name = info.userName || user.trim();
    // The same account again (a new API password after the server refused the old one): its sync
    // state stays, so the next sync goes on from where the last one ended.
    const prev = await loadAccount(area());
    const same = prev && prev.base === session.base && prev.user === name ? prev : undefined;
    await saveSecret(area(), { password, auth: session.auth });
    await saveAccount(area(), { ...same, address: address.trim(), base: session.base, user: name, host, connectedAt: same?.connectedAt ?? Date.now(), failures: 0, problem: undefined, nextSyncAt: undefined });
    syncInBackground({ subscriptions: true, force: true });
    return { ok: true, user: name, host };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

/**
 * Disconnects: the server's sources stay as ones Newsbar fetches itself (`keep`), or go with their
 * items. The password, token, item map and queue are forgotten either way.
 */
export async function disconnectServer(keep: boolean): Promise<true> {
  await chain.catch(() => {});
  const db = await getDb();
  await forgetServer(area());
  await releaseServerSources(db, keep, Date.now());
  await updateBadge();
  broadcast({ type: 'sourcesChanged' });
  return true;
}

/** Whether a feed server is connected (callers skip their server work when not). */
export async function serverConnected(): Promise<boolean> {
  return !!(await loadAccount(area()));
}
