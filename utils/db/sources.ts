// Sources: what the user subscribed to, and the poller's state for each (in IndexedDB, local only).
import { fromRecord } from './items/item-record';
import { sourceKeyOf } from './items/item-ids';
import { storesOf, type NewsDb } from './schema';
import { editOpOf, queueSubscriptionOps, type SubscriptionOp } from '../feed-server/source-ops';
import { MIN_INTERVAL_MIN, type Source, type SourceKind } from '../model';
import { KIND_TABLE, kindRow } from '../sources/kinds';
import { hashString } from '../normalize/ids';
import { writeItems } from './items/item-writes';
import { rangeOf } from './queries';
import { feedKey, findSameFeed } from '../normalize/feed-address';
import { ProblemError } from '../problems';

export interface NewSource {
  name: string;
  url: string;
  kind?: SourceKind;
  intervalMin?: number;
  breaking?: boolean;
  enabled?: boolean;
  /** Other addresses of the same feed (after redirects, its self link). */
  aliases?: string[];
  folder?: string;
  favourite?: boolean;
  followStories?: boolean;
}

export function makeSource(s: NewSource, now: number): Source {
  const kind = s.kind ?? 'feed';
  const row = KIND_TABLE[kind];
  const src: Source = {
    id: sourceIdOf(s.url, kind),
    name: s.name.trim() || new URL(s.url).host,
    url: s.url,
    kind,
    enabled: s.enabled ?? true,
    // The kind's defaults: a live page is polled often while its coverage runs, and every update of it is breaking.
    intervalMin: Math.max(MIN_INTERVAL_MIN, s.intervalMin ?? row.defaults.intervalMin),
    breaking: s.breaking ?? row.defaults.breaking,
    ...(cleanFolder(s.folder) ? { folder: cleanFolder(s.folder) } : {}),
    ...(s.favourite ? { favourite: true } : {}),
    ...(s.followStories ? { followStories: true } : {}),
    addedAt: now,
    nextPollAt: now,
    failures: 0,
    health: 'new',
    ...aliasesOf(s),
  };
  if (row.family === 'live') src.live = { state: 'live' };
  return src;
}

function aliasesOf(s: NewSource): { aliases?: string[] } {
  const own = feedKey(s.url);
  const seen = new Set([own]);
  const aliases = (s.aliases ?? []).filter((a) => {
    const k = feedKey(a);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return aliases.length ? { aliases } : {};
}

/**
 * A new source's id. Kinds whose duplicate is the same address keep the id of their address (as every
 * source had before); a request kind's id names its kind too, so a GNews and a NewsAPI source with the
 * same query are two sources.
 */
function sourceIdOf(url: string, kind: SourceKind): string {
  return `s-${hashString(KIND_TABLE[kind].duplicate === 'request' ? `${kind} ${url}` : url)}`;
}

/**
 * The source already in `all` that `s` would repeat, by its kind's duplicate rule (utils/sources/kinds.ts):
 * for 'address' kinds, any of them with the same address under any spelling (its aliases and redirect
 * too); for 'request' kinds, a source of the same kind with the same request.
 */
export function sameFeedIn(all: readonly Source[], s: NewSource): Source | undefined {
  const kind = s.kind ?? 'feed';
  if (KIND_TABLE[kind].duplicate === 'request') return all.find((x) => x.kind === kind && x.url.trim() === s.url.trim());
  return findSameFeed(all.filter((x) => kindRow(x.kind).duplicate === 'address'), [s.url, ...(s.aliases ?? [])]);
}

/** A folder name as stored: trimmed, inner runs of spaces folded; empty means no folder. */
export function cleanFolder(folder: string | undefined): string | undefined {
  const f = (folder ?? '').replace(/\s+/g, ' ').trim();
  return f || undefined;
}

export async function listSources(db: NewsDb): Promise<Source[]> {
  const all = await db.getAll('sources');
  return all.sort((a, b) => a.addedAt - b.addedAt || a.name.localeCompare(b.name));
}

export function getSource(db: NewsDb, id: string): Promise<Source | undefined> {
  return db.get('sources', id);
}

/** Adds a source; the same feed under any spelling is a duplicate and is refused (ProblemError 'duplicate'). */
export async function addSource(db: NewsDb, s: NewSource, now = Date.now()): Promise<Source> {
  const src = makeSource(s, now);
  const tx = db.transaction('sources', 'readwrite');
  const all = await tx.store.getAll();
  const same = sameFeedIn(all, s) ?? all.find((x) => x.id === src.id);
  if (same) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new ProblemError({ code: 'duplicate', name: same.name });
  }
  await tx.store.put(src);
  await tx.done;
  return src;
}

/** Updates the user-editable fields of a source (name, enabled, interval, breaking). */
export type SourcePatch = Partial<Pick<Source, 'name' | 'enabled' | 'intervalMin' | 'breaking' | 'url' | 'kind' | 'folder' | 'favourite' | 'followStories'>>;

function patched(cur: Source, patch: SourcePatch): Source {
  const next: Source = { ...cur, ...patch };
  if (patch.intervalMin !== undefined) next.intervalMin = Math.max(MIN_INTERVAL_MIN, Math.round(patch.intervalMin));
  if ('folder' in patch) {
    const folder = cleanFolder(patch.folder);
    if (folder) next.folder = folder;
    else delete next.folder;
  }
  return next;
}

/**
 * Updates the user-editable fields of a source (name, enabled, interval, breaking, folder). A feed
 * server's source renamed or moved: the server is told on the next sync (queued in this transaction).
 */
export async function updateSource(db: NewsDb, id: string, patch: SourcePatch): Promise<Source> {
  const tx = db.transaction(storesOf(db, ['sources', 'meta'] as const), 'readwrite');
  const store = tx.objectStore('sources');
  const cur = await store.get(id);
  if (!cur) throw new Error('this source no longer exists');
  const next = patched(cur, patch);
  await store.put(next);
  const op = editOpOf(cur, next, Date.now());
  if (op) await queueSubscriptionOps(tx, [op]);
  await tx.done;
  return next;
}

/** The same change to many sources in one transaction (bulk pause / resume / move); missing ids are skipped. */
export async function updateSources(db: NewsDb, ids: readonly string[], patch: SourcePatch): Promise<number> {
  const tx = db.transaction(storesOf(db, ['sources', 'meta'] as const), 'readwrite');
  const store = tx.objectStore('sources');
  const ops: SubscriptionOp[] = [];
  let n = 0;
  for (const id of ids) {
    const cur = await store.get(id);
    if (!cur) continue;
    const next = patched(cur, patch);
    await store.put(next);
    const op = editOpOf(cur, next, Date.now());
    if (op) ops.push(op);
    n++;
  }
  await queueSubscriptionOps(tx, ops);
  await tx.done;
  return n;
}

/**
 * Removes a source and all its items (starred ones too: the user confirmed removing it). `unsubscribe`:
 * the user removed it, so a feed server's source is unsubscribed on the server too (queued here); a
 * sync following the server, or Disconnect, removes it here only.
 */
export async function removeSource(db: NewsDb, id: string, opts: { unsubscribe?: boolean } = {}): Promise<number> {
  return writeItems(db, async (writer, tx) => {
    const src = opts.unsubscribe ? await tx.objectStore('sources').get(id) : undefined;
    if (src?.server) await queueSubscriptionOps(tx, [{ op: 'unsubscribe', stream: src.server, at: Date.now() }]);
    await Promise.all([tx.objectStore('sources').delete(id), tx.objectStore('identities').delete(sourceKeyOf(id))]);
    const r = rangeOf({ kind: 'source', id });
    let n = 0;
    let cur = await tx.objectStore('items').index('bySource').openCursor(r.range);
    while (cur) {
      await writer.delete(fromRecord(cur.value));
      n++;
      cur = await cur.continue();
    }
    return n;
  });
}

/** A source to add that is a feed already listed: in the user's list (`as` its name there) or earlier in the same file. */
export interface SourceRepeat {
  name: string;
  url: string;
  as: string;
}

export interface ImportResult {
  added: Source[];
  /** Feeds already in the list (under any spelling), not added again. */
  skipped: SourceRepeat[];
}

/** Adds the sources not yet present, all in one transaction (all or nothing). */
export async function addSourcesAtomically(db: NewsDb, list: readonly NewSource[], now = Date.now()): Promise<ImportResult> {
  const tx = db.transaction('sources', 'readwrite');
  const known = await tx.store.getAll();
  const added: Source[] = [];
  const skipped: SourceRepeat[] = [];
  list.forEach((s, i) => {
    const src = makeSource(s, now + i); // distinct addedAt keeps the file's order
    const same = sameFeedIn(known, s) ?? known.find((x) => x.id === src.id);
    if (same) {
      skipped.push({ name: s.name || s.url, url: s.url, as: same.name });
      return;
    }
    known.push(src);
    added.push(src);
  });
  await Promise.all([...added.map((s) => tx.store.put(s)), tx.done]);
  return { added, skipped };
}
