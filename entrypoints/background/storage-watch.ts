// Whether the database has room, kept by the worker (utils/storage-state.ts) and mirrored to
// storage.local for the pages. While it is full, an alarm checks every half minute: the user's kept
// actions are written as soon as the database takes them, and once the browser's estimate shows room
// the sources whose items were refused are polled first. Before each poll the estimate also decides
// whether retention runs early (utils/storage-pressure.ts).
import { getDb } from '@/utils/db/open';
import { flushKept, keepAction, keptActions } from '@/utils/db/kept-actions';
import { isQuotaError } from '@/utils/db/quota';
import { removeOlderThan } from '@/utils/db/cleanup';
import { loadSettings } from '@/utils/settings';
import { storageStateItem } from '@/utils/storage/items';
import { hasRoom, trimDays, type Estimate } from '@/utils/storage-pressure';
import {
  ROOMY, sameState, sourceDone, sourceRefused, withPending, writeRefused, writeSucceeded, type StorageState,
} from '@/utils/storage-state';
import type { SourceOutcome } from '@/utils/poller/poll';
import { rematchTopics } from './alerts';
import { broadcast } from './broadcast';

export const STORAGE_ALARM = 'storageCheck';
const DAY = 86_400_000;

let state: StorageState | undefined;
let chain: Promise<unknown> = Promise.resolve();

/** Changes the state one change at a time; writes it (and the alarm) only when it changed. */
function change(f: (s: StorageState, pending: number) => StorageState | Promise<StorageState>): Promise<StorageState> {
  const run = chain.then(async () => {
    // On a disk with no room at all, Chromium refuses storage.local too (reads included): the state is
    // then kept in memory and told to the pages by message.
    const before = state ?? (await storageStateItem.get(browser.storage.local).catch(() => ROOMY));
    const pending = await keptActions(browser.storage.local).then((k) => k.length, () => 0);
    const next = await f(before, pending);
    state = next;
    if (!sameState(before, next)) {
      broadcast({ type: 'storageState', state: next });
      await storageStateItem.set(browser.storage.local, next).catch((e: unknown) => console.warn('Newsbar: storage.local refused the storage state', e));
      if (next.full && !before.full) console.warn('Newsbar: the browser has no room left for new articles');
    }
    // The check runs while full (and stops once there is room); created only when missing, so a wake does not push it away.
    if (next.full && !(await browser.alarms.get(STORAGE_ALARM))) await browser.alarms.create(STORAGE_ALARM, { periodInMinutes: 0.5 });
    if (!next.full) await browser.alarms.clear(STORAGE_ALARM);
    return next;
  });
  chain = run.catch((e: unknown) => console.warn('Newsbar: keeping the storage state failed', e));
  return run;
}

export const storageState = (): Promise<StorageState> => change((s, pending) => withPending(s, pending));

/** A write was refused for lack of space (a source's poll when `sourceId` is given). */
export function noteRefused(sourceId?: string): void {
  const now = Date.now();
  void change((s, pending) => (sourceId ? sourceRefused(s, sourceId, now, pending) : writeRefused(s, now, pending)));
}

/** After a poll: each source that was stored or failed for another reason no longer waits for room. */
export function notePoll(outcomes: readonly SourceOutcome[], anyRefused: boolean): Promise<StorageState> {
  return change((s, pending) => {
    let next = s;
    for (const o of outcomes) {
      if (o.kind === 'error' && o.problem.code === 'storageFull') continue;
      next = sourceDone(next, o.sourceId, o.kind === 'stored' && o.newIds.length + o.updatedIds.length > 0, pending);
    }
    // A poll with no refusal that stored something is proof of room for the rest too.
    if (!anyRefused && outcomes.some((o) => o.kind === 'stored')) next = writeSucceeded(next, pending);
    return withPending(next, pending);
  });
}

async function estimate(): Promise<Estimate> {
  try {
    return await navigator.storage.estimate();
  } catch {
    return {};
  }
}

/** Writes the user's kept actions, oldest first, as far as the database takes them. */
export function writeKept(): Promise<StorageState> {
  return change(async (s) => {
    const r = await flushKept(browser.storage.local, await getDb(), rematchTopics);
    const next = r.refused ? writeRefused(s, Date.now(), r.left) : r.written > 0 ? writeSucceeded(s, 0) : s;
    return withPending(next, r.left);
  });
}

/** A topic's re-match of the stored items, or, when the database refuses it, kept until it has room. */
export async function rematchOrKeep(topicIds?: string[]): Promise<void> {
  try {
    await rematchTopics(topicIds);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    await keepAction(browser.storage.local, { kind: 'rematch', topicIds }, Date.now());
    noteRefused();
  }
}

/**
 * Before a poll: the kept actions first (they are the user's), then, if the estimate shows room, the
 * sources waiting for it (polled first); under pressure, retention runs early. Returns those sources.
 */
export async function beforePoll(): Promise<string[]> {
  const e = await estimate();
  const days = trimDays(e, (await loadSettings(browser.storage.sync)).retentionDays);
  if (days !== undefined) {
    const removed = await removeOlderThan(await getDb(), Date.now() - days * DAY).catch((err: unknown) => (console.warn('Newsbar: trimming early failed', err), 0));
    if (removed) console.info(`Newsbar: storage at ${Math.round((e.usage! / e.quota!) * 100)} %: ${removed} articles older than ${days} days removed early`);
  }
  let s = await storageState();
  if (!s.full) return [];
  s = await writeKept();
  return hasRoom(e) ? s.refused : [];
}

/**
 * The alarm while full: with room again, a poll (which writes what was kept and retries the refused
 * sources first); without, only the kept actions are tried (a few hundred bytes each: a full disk's
 * estimate may not show the little room they need).
 */
export async function checkRoom(poll: () => Promise<unknown>): Promise<void> {
  if (!(await storageState()).full) return;
  if (hasRoom(await estimate())) await poll();
  else await writeKept();
}
