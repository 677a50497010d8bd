// One sync with the feed server: send the queue of local read/star changes, read the subscription
// list when due, store the items the server stored since the last sync (through the poll's own write,
// so topics, alerts, stories, search and the badge treat them as any item), then take the server's
// read and starred state. An idle sync is 3 requests: new items (none), unread ids, starred ids.
// Everything is passed in (db, fetch, clock, storage), so it runs under tests unchanged.
import type { NewsDb } from '../db/schema';
import type { Item, ParsedItem, Source } from '../model';
import { addSource, cleanFolder, listSources, removeSource, sameFeedIn } from '../db/sources';
import { patchSource, patchSources, storePolls, type StoreSettings } from '../db/items';
import { writeItems } from '../db/items/item-writes';
import { fromRecord } from '../db/items/item-record';
import { getItems, sourceItemsRange } from '../db/items/item-reads';
import { idOfStoreKey } from '../db/items/item-ids';
import { identityHash, readIdentities } from '../db/items/identities';
import type { TopicSet } from '../topic-matches';
import { FetchError } from '../net/fetch-source';
import { nextPollAfterFailure } from '../poller/backoff';
import { problemOf, ProblemError, type Problem } from '../problems';
import { clientLogin, editTag, editToken, itemIds, itemsSince, markAllAsRead, READ, READING_LIST, STARRED, subscriptions, type ServerItem, type ServerSession, type ServerSubscription } from './greader';
import { loadAccount, loadSecret, saveAccount, saveSecret, type LocalArea, type ServerAccount } from './account';
import { sendSubscriptionOps } from './send-subscriptions';
import { ALL_SOURCES, latestMarkAll, latestOps, mapKey, metaOf, pendingKeys, queueKey, readAllMaps, readMap, readQueue, type MappedItem, type QueuedFlag, type ServerMapRecord, type ServerQueueRecord } from './records';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The subscription list is read again after this long when the sidebar opens (and in any sync when an item comes from a feed not known here). */
export const SUBSCRIPTIONS_EVERY_MS = HOUR;
/** How often the poll alarm syncs: the server fetches the feeds on its own schedule, rarely faster. */
export const SYNC_EVERY_MS = 5 * 60_000;
/** The back-off's base, as a source polled every 10 minutes. */
const SYNC_INTERVAL_MIN = 10;
/** Ids per edit-tag call. */
export const EDIT_BATCH = 250;
/** Sources stored per transaction on a first sync. */
const STORE_BATCH = 25;

export interface SyncDeps {
  db: NewsDb;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  /** storage.local (the account and its secret). */
  area: LocalArea;
  settings: StoreSettings;
  topics?: TopicSet;
  timeoutMs?: number;
  /** Every request made, by path. */
  onRequest?: (path: string) => void;
}

export interface SyncOptions {
  /** Read the subscription list whatever its age (connecting, "Refresh"). */
  subscriptions?: boolean;
  /** Sync even while backing off (the user asked). */
  force?: boolean;
  /** Only send the queue (a read or star just made): nothing is fetched. */
  sendOnly?: boolean;
  /** The poll alarm's sync: only when the last one is older than SYNC_EVERY_MS (the alarm fires every minute). */
  due?: boolean;
}

export interface SyncResult {
  connected: boolean;
  /** New rows stored, and the sources they are in. */
  newIds: string[];
  sourceIds: string[];
  /** Local changes sent to the server. */
  sent: number;
  /** Items whose read or starred state came from the server. */
  flagsTaken: number;
  sourcesChanged: boolean;
  requests: number;
}

const none = (connected: boolean): SyncResult => ({ connected, newIds: [], sourceIds: [], sent: 0, flagsTaken: 0, sourcesChanged: false, requests: 0 });

/**
 * One full sync. Resolves with what changed (connected: false when no server is connected, or while
 * backing off); rejects with a ProblemError when the server cannot be reached, refuses or answers
 * nonsense, after recording the problem and the back-off on the account. Nothing stored is lost: the
 * queue stays until the server took it.
 */
export async function syncServer(deps: SyncDeps, opts: SyncOptions = {}): Promise<SyncResult> {
  const [account, secret] = await Promise.all([loadAccount(deps.area), loadSecret(deps.area)]);
  if (!account || !secret) return none(false);
  const now = deps.now();
  if (!opts.force && account.nextSyncAt && account.nextSyncAt > now) return none(true);
  if (opts.due && account.lastSyncAt && now - account.lastSyncAt < SYNC_EVERY_MS) return none(true);
  let requests = 0;
  const session: ServerSession = {
    base: account.base,
    auth: secret.auth,
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs,
    onRequest: (p) => (requests++, deps.onRequest?.(p)),
  };
  const state = { ...account };
  try {
    let out: SyncResult;
    try {
      out = await syncOnce(deps, session, state, opts);
    } catch (e) {
      // The token may have changed (the API password was changed and changed back, a server reset):
      // log in again once with the saved password.
      if (problemOf(e).code !== 'serverRefused') throw e;
      session.auth = await clientLogin(session, account.user, secret.password);
      await saveSecret(deps.area, { ...secret, auth: session.auth });
      out = await syncOnce(deps, session, state, opts);
    }
    // Disconnected meanwhile: nothing is written back.
    if (!(await loadAccount(deps.area))) return none(false);
    await saveAccount(deps.area, { ...state, lastSyncAt: deps.now(), problem: undefined, failures: 0, nextSyncAt: undefined });
    await noteOnSources(deps.db, undefined);
    return { ...out, requests };
  } catch (e) {
    const problem = problemOf(e);
    const failures = account.failures + 1;
    const retryAfterMs = e instanceof FetchError ? e.retryAfterMs : undefined;
    if (await loadAccount(deps.area)) {
      await saveAccount(deps.area, { ...state, problem, failures, nextSyncAt: nextPollAfterFailure(now, SYNC_INTERVAL_MIN, failures, deps.random ?? Math.random, retryAfterMs) });
      await noteOnSources(deps.db, problem).catch(() => {});
    }
    throw e instanceof ProblemError ? e : new ProblemError(problem);
  }
}

/**
 * The server's problem on its sources, as a failed poll's is on a source: the sidebar's problems line
 * and the source manager show it in words; a sync that works clears it.
 */
async function noteOnSources(db: NewsDb, problem: Problem | undefined): Promise<void> {
  const patches = new Map<string, Partial<Source>>();
  for (const x of await listSources(db)) {
    if (!x.server) continue;
    if (problem) patches.set(x.id, { health: 'error', problem });
    else if (x.health !== 'ok' || x.problem) patches.set(x.id, { health: 'ok', problem: undefined });
  }
  await patchSources(db, patches);
}

async function syncOnce(deps: SyncDeps, s: ServerSession, state: ServerAccount, opts: SyncOptions): Promise<SyncResult> {
  const out = none(true);
  let token: string | undefined;
  const tokenOf = async () => (token ??= await editToken(s));
  const sent = await sendQueue(deps.db, s, tokenOf, state.newestUsec, deps.now());
  out.sent = sent.flags + sent.subs;
  if (opts.sendOnly) return out;
  const now = deps.now();
  let subsRead = false;
  const readSubscriptions = async () => {
    subsRead = true;
    out.sourcesChanged = (await reconcileSubscriptions(deps.db, await subscriptions(s), now)) || out.sourcesChanged;
    state.subscriptionsAt = now;
  };
  // A subscription changed here: the server's list (titles, labels, new ids) is read back at once.
  // The alarm's syncs keep to their 3 requests: the list's age counts only when a person is looking
  // (the sidebar opened); an item of an unknown feed reads it in any sync (below).
  const stale = !opts.due && now - (state.subscriptionsAt ?? 0) > SUBSCRIPTIONS_EVERY_MS;
  if (sent.subs > 0 || opts.subscriptions || !state.subscriptionsAt || stale) await readSubscriptions();
  const sinceSec = state.newestUsec ? Number(BigInt(state.newestUsec) / 1_000_000n) : Math.floor((now - deps.settings.retentionDays * DAY) / 1000);
  // `ot` is in seconds: the items of the newest one's second come again, and are left out here.
  const seen = BigInt(state.newestUsec ?? '0');
  const items = (await itemsSince(s, sinceSec)).filter((it) => BigInt(it.crawledUsec) > seen);
  let sources = await listSources(deps.db);
  // An item of a feed not known here: the list changed on the server since it was last read.
  if (!subsRead && items.some((it) => !sources.some((x) => x.server === it.feedId))) {
    await readSubscriptions();
    sources = await listSources(deps.db);
  }
  const stored = await storeItems(deps, sources, items, now);
  out.newIds = stored.newIds;
  out.sourceIds = stored.sourceIds;
  const newest = items.reduce((m, it) => (BigInt(it.crawledUsec) > m ? BigInt(it.crawledUsec) : m), BigInt(state.newestUsec ?? '0'));
  if (newest > 0n) state.newestUsec = newest.toString();
  const [unread, starred] = await Promise.all([itemIds(s, READING_LIST, READ), itemIds(s, STARRED)]);
  out.flagsTaken = await takeServerState(deps.db, new Set(unread), new Set(starred));
  // Items retention removed here leave the map once a day (the map would grow without end).
  if (!state.prunedAt || now - state.prunedAt > DAY) {
    await pruneMaps(deps.db);
    state.prunedAt = now;
  }
  return out;
}

/** Drops the map entries of items no longer stored here. */
export async function pruneMaps(db: NewsDb): Promise<number> {
  const tx = db.transaction(['items', 'meta'], 'readwrite');
  const meta = metaOf(tx);
  let n = 0;
  for (const m of await readAllMaps(meta)) {
    const entries = Object.entries(m.ids);
    const found = await getItems(tx.objectStore('items'), entries.map(([, e]) => e[0]));
    const gone = entries.filter((_, i) => !found[i]);
    if (!gone.length) continue;
    for (const [sid] of gone) delete m.ids[sid];
    n += gone.length;
    await meta.put(m);
  }
  await tx.done;
  return n;
}

/**
 * Sends the queued local changes: each source's "mark all read" as the server's call, then the latest
 * change per item and flag, grouped into edit-tag batches. The queue goes only once the server took all of it.
 */
async function sendQueue(db: NewsDb, s: ServerSession, tokenOf: () => Promise<string>, newestUsec: string | undefined, now: number): Promise<{ flags: number; subs: number }> {
  let tx = db.transaction('meta');
  const records = await readQueue(metaOf(tx));
  await tx.done;
  if (!records.length) return { flags: 0, subs: 0 };
  // Subscriptions first (in the order made), so a feed subscribed here is the server's before its flags.
  const subs = await sendSubscriptionOps(db, s, tokenOf, records.flatMap((r) => r.subs ?? []));
  tx = db.transaction('meta');
  const maps = await readAllMaps(metaOf(tx));
  await tx.done;
  const byId = new Map<string, ServerMapRecord>();
  for (const m of maps) for (const id of Object.keys(m.ids)) byId.set(id, m);
  const marked = latestMarkAll(records);
  const markOf = (sourceId: string) => [marked.get(sourceId), marked.get(ALL_SOURCES)].reduce<number | undefined>((t, m) => (m && (t === undefined || m.at > t) ? m.at : t), undefined);
  for (const m of marked.values()) {
    // Up to what this device had seen when it was asked (never an item the user has not had).
    const seenMs = newestUsec ? Number(BigInt(newestUsec) / 1000n) : now;
    await markAllAsRead(s, await tokenOf(), m.stream, Math.min(m.at, seenMs));
  }
  // The server's call reads by the time it stored items, the user's by the time they were published:
  // what is still unread here goes back to unread there.
  const stillUnread = marked.size ? await unreadHere(db, maps.filter((m) => markOf(m.sourceId) !== undefined)) : [];
  for (let i = 0; i < stillUnread.length; i += EDIT_BATCH) {
    await editTag(s, await tokenOf(), stillUnread.slice(i, i + EDIT_BATCH), { remove: READ });
  }
  // A read change older than its source's mark-all is covered by it.
  const ops = latestOps(records).filter((op) => {
    const at = op.flag === 'read' ? markOf(byId.get(op.id)?.sourceId ?? '') : undefined;
    return at === undefined || op.at > at;
  });
  const groups = new Map<string, QueuedFlag[]>();
  for (const op of ops) groups.set(`${op.flag} ${op.on}`, [...(groups.get(`${op.flag} ${op.on}`) ?? []), op]);
  for (const group of groups.values()) {
    const { flag, on } = group[0]!;
    const state = flag === 'read' ? READ : STARRED;
    for (let i = 0; i < group.length; i += EDIT_BATCH) {
      await editTag(s, await tokenOf(), group.slice(i, i + EDIT_BATCH).map((op) => op.id), on ? { add: state } : { remove: state });
    }
  }
  // Sent: the queue records go, and the server's state as now known is what was sent. (Records
  // queued meanwhile stay for the next sync.)
  const done = db.transaction('meta', 'readwrite');
  const meta = metaOf(done);
  const fresh = new Map((await readAllMaps(meta)).map((m) => [m.key, m]));
  const touched = new Set<ServerMapRecord>();
  for (const op of ops) {
    const m = fresh.get(byId.get(op.id)?.key ?? '');
    const e = m?.ids[op.id];
    if (!m || !e) continue;
    e[op.flag === 'read' ? 1 : 2] = op.on ? 1 : 0;
    touched.add(m);
  }
  await Promise.all([...records.map((r) => meta.delete(r.key)), ...[...touched].map((m) => meta.put(m))]);
  await done.done;
  return { flags: ops.length + marked.size, subs };
}

/** The server ids of these maps' items that are unread here (and were not read there when last seen). */
async function unreadHere(db: NewsDb, maps: readonly ServerMapRecord[]): Promise<string[]> {
  const entries = maps.flatMap((m) => Object.entries(m.ids).filter(([, e]) => e[1] !== 1));
  if (!entries.length) return [];
  const tx = db.transaction('items');
  const found = await getItems(tx.objectStore('items'), entries.map(([, e]) => e[0]));
  await tx.done;
  return entries.filter((_, i) => found[i]?.read === 0).map(([sid]) => sid);
}

/**
 * The server's subscriptions as sources: new ones added (a feed already here under any spelling
 * becomes the server's), renamed or moved ones follow, ones gone from the server go with their items.
 * Returns whether anything changed.
 */
export async function reconcileSubscriptions(db: NewsDb, subs: readonly ServerSubscription[], now: number): Promise<boolean> {
  const sources = await listSources(db);
  const byServer = new Map(sources.filter((x) => x.server).map((x) => [x.server!, x]));
  let changed = false;
  const seen = new Set<string>();
  for (const sub of subs) {
    seen.add(sub.id);
    const folder = cleanFolder(sub.labels[0]);
    const cur = byServer.get(sub.id);
    if (cur) {
      if (cur.name !== sub.title || (cur.folder ?? undefined) !== folder || cur.url !== sub.url) {
        await patchSource(db, cur.id, { name: sub.title, folder, url: sub.url });
        changed = true;
      }
      continue;
    }
    const same = sameFeedIn(sources, { name: sub.title, url: sub.url });
    if (same && !same.server) {
      await patchSource(db, same.id, { server: sub.id, name: sub.title, folder });
      await markAdopted(db, same.id);
    } else if (!same) {
      const added = await addSource(db, { name: sub.title, url: sub.url, folder }, now);
      await patchSource(db, added.id, { server: sub.id, ...(sub.htmlUrl ? { siteUrl: sub.htmlUrl } : {}) });
      sources.push(added);
    } else {
      continue; // two subscriptions of one feed: the first is the source
    }
    changed = true;
  }
  for (const [id, src] of byServer) {
    if (seen.has(id)) continue;
    await removeSource(db, src.id);
    await forgetMap(db, src.id);
    changed = true;
  }
  return changed;
}

async function markAdopted(db: NewsDb, sourceId: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const map: ServerMapRecord = (await readMap(metaOf(tx), sourceId)) ?? { key: mapKey(sourceId), sourceId, ids: {} };
  await metaOf(tx).put({ ...map, adopted: true });
  await tx.done;
}

async function forgetMap(db: NewsDb, sourceId: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await metaOf(tx).delete(mapKey(sourceId));
  await tx.done;
}

/** A server item as a feed's item: no guid, so it is the same item as the feed's own by its link (a feed adopted from the local list keeps its items). */
export function parsedOf(it: ServerItem): ParsedItem {
  return { title: it.title, url: it.url, summaryHtml: it.html, contentHtml: '', author: it.author, published: it.published, categories: [], breaking: false };
}

/** Stores the items per source through the poll's write, then notes which local item each server item is. */
async function storeItems(deps: SyncDeps, sources: readonly Source[], items: readonly ServerItem[], now: number) {
  const byFeed = new Map<string, ServerItem[]>();
  for (const it of items) byFeed.set(it.feedId, [...(byFeed.get(it.feedId) ?? []), it]);
  const polls = sources
    .filter((x) => x.server && byFeed.has(x.server))
    .map((source) => ({ source, items: byFeed.get(source.server!)! }));
  const newIds: string[] = [];
  const sourceIds: string[] = [];
  const fresh = await matchAdopted(deps.db, polls, now);
  for (let i = 0; i < fresh.length; i += STORE_BATCH) {
    const batch = fresh.slice(i, i + STORE_BATCH);
    const results = await storePolls(deps.db, batch.map(({ source, items: its }) => ({
      source,
      parsed: its.map(parsedOf),
      now,
      settings: deps.settings,
      sourcePatch: { lastPollAt: now, lastSuccessAt: now, health: 'ok' as const, problem: undefined, failures: 0 },
      topics: deps.topics,
    })));
    results.forEach((r, j) => {
      if (r.newIds.length) sourceIds.push(batch[j]!.source.id);
      newIds.push(...r.newIds);
    });
    await noteMapping(deps.db, batch);
  }
  return { newIds, sourceIds };
}

/**
 * A source that was local before it was the server's holds the feed's own items (with their guids);
 * the server's copies (no guid) are matched to them by link, so they are not stored twice and keep
 * their read state. Returns the polls with the items still to store.
 */
async function matchAdopted(db: NewsDb, polls: ReadonlyArray<{ source: Source; items: ServerItem[] }>, now: number) {
  const tx = db.transaction(['items', 'meta'], 'readwrite');
  const meta = metaOf(tx);
  const out: Array<{ source: Source; items: ServerItem[] }> = [];
  for (const p of polls) {
    const map = await readMap(meta, p.source.id);
    if (!map?.adopted) {
      out.push(p);
      continue;
    }
    const byUrl = new Map<string, Item>();
    for (const rec of await tx.objectStore('items').index('bySource').getAll(sourceItemsRange(p.source.id))) {
      const it = fromRecord(rec);
      if (it.url) byUrl.set(it.url, it);
    }
    const ops: QueuedFlag[] = [];
    const rest = p.items.filter((it) => {
      const local = it.url ? byUrl.get(it.url) : undefined;
      if (!local || map.ids[it.shortId]) return !map.ids[it.shortId];
      map.ids[it.shortId] = [local.id, -1, -1];
      // What the user did to it here is newer than the server's fresh copy: it is sent, not undone.
      if (local.read) ops.push({ id: it.shortId, flag: 'read', on: true, at: now });
      if (local.starred) ops.push({ id: it.shortId, flag: 'starred', on: true, at: now });
      return false;
    });
    await meta.put(map);
    if (ops.length) await meta.put({ key: queueKey(now), ops } satisfies ServerQueueRecord);
    out.push({ source: p.source, items: rest });
  }
  await tx.done;
  return out;
}

/** Which local item each server item became (found as the poll's dedupe finds it); the server's state of new ones is taken next. */
async function noteMapping(db: NewsDb, polls: ReadonlyArray<{ source: Source; items: ServerItem[] }>): Promise<void> {
  const tx = db.transaction(['identities', 'meta'], 'readwrite');
  const meta = metaOf(tx);
  for (const { source, items } of polls) {
    const identities = await readIdentities(tx.objectStore('identities'), source.id);
    const rec: ServerMapRecord = (await readMap(meta, source.id)) ?? { key: mapKey(source.id), sourceId: source.id, ids: {} };
    for (const it of items) {
      const k = identities.find(identityHash(source.id, parsedOf(it)));
      if (k === undefined || rec.ids[it.shortId]) continue;
      rec.ids[it.shortId] = [idOfStoreKey(k), -1, -1];
    }
    await meta.put(rec);
  }
  await tx.done;
}

/**
 * The server's read and starred state, taken where it changed since last seen; a local change still
 * queued is never overwritten (it is newer: it was made after the state last seen). Items gone here
 * (retention) leave the map. Returns how many items changed.
 */
async function takeServerState(db: NewsDb, unread: ReadonlySet<string>, starred: ReadonlySet<string>): Promise<number> {
  return writeItems(db, async (writer, tx) => {
    const meta = metaOf(tx);
    const [maps, queue] = await Promise.all([readAllMaps(meta), readQueue(meta)]);
    const pending = pendingKeys(queue, maps);
    const wanted = new Map<string, { read?: 0 | 1; starred?: 0 | 1 }>();
    const entryOf = new Map<string, [ServerMapRecord, string]>();
    const touched = new Set<ServerMapRecord>();
    for (const m of maps) {
      for (const [sid, e] of Object.entries(m.ids) as Array<[string, MappedItem]>) {
        const r = unread.has(sid) ? 0 : 1;
        const st = starred.has(sid) ? 1 : 0;
        if (e[1] === r && e[2] === st) continue;
        const want: { read?: 0 | 1; starred?: 0 | 1 } = {};
        if (e[1] !== r && !pending.has(`read ${sid}`)) want.read = r;
        if (e[2] !== st && !pending.has(`starred ${sid}`)) want.starred = st;
        m.ids[sid] = [e[0], r, st];
        touched.add(m);
        wanted.set(e[0], want);
        entryOf.set(e[0], [m, sid]);
      }
    }
    const ids = [...wanted.keys()];
    const found = await getItems(tx.objectStore('items'), ids);
    let n = 0;
    await Promise.all(found.map((it, i) => {
      if (!it) {
        const [m, sid] = entryOf.get(ids[i]!)!;
        delete m.ids[sid];
        return undefined;
      }
      const want = wanted.get(it.id)!;
      const next = { ...it, read: want.read ?? it.read, starred: want.starred ?? it.starred };
      if (next.read === it.read && next.starred === it.starred) return undefined;
      n++;
      return writer.put(it, next);
    }));
    await Promise.all([...touched].map((m) => meta.put(m)));
    return n;
  });
}
