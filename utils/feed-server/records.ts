// What Newsbar keeps in IndexedDB about a feed server, as small records in the 'meta' store (no schema
// change): per server source, which server item is which local item and the server's state of it when
// last seen; and the queue of local read/star changes not yet sent. Both are written in the same
// transaction as the items (the 'meta' store is one of the item stores), so a killed worker loses neither.
import type { Item } from '../model';
import type { NewsDb } from '../db/schema';
import type { SubscriptionOp } from './source-ops';
import { READING_LIST } from './greader';

/** A server item as known here: [local item id, server read (0/1/-1 unknown), server starred (0/1/-1)]. */
export type MappedItem = [localId: string, read: number, starred: number];

export interface ServerMapRecord {
  key: string;
  sourceId: string;
  /** Short server id -> the local item and the server's state last seen. */
  ids: Record<string, MappedItem>;
  /**
   * The source was a local one before it was the server's: it may hold the feed's own items, which
   * the server's (they carry no guid) are matched to by link instead of stored twice.
   */
  adopted?: boolean;
}

export type Flag = 'read' | 'starred';

/** One local change to send: set `flag` to `on` on the server item `id` (short id). */
export interface QueuedFlag {
  id: string;
  flag: Flag;
  on: boolean;
  at: number;
}

/** "Mark all read" of every source (the All and Unread lists): the reading list's call. */
export const ALL_SOURCES = '*';

/**
 * "Mark all read" of a whole server source (or ALL_SOURCES): the server's own call on its stream, then
 * the items still unread here (newer than the list the user saw) are set unread again there.
 */
export interface QueuedMarkAll {
  stream: string;
  sourceId: string;
  at: number;
}

export interface ServerQueueRecord {
  key: string;
  ops: QueuedFlag[];
  markAll?: QueuedMarkAll[];
  /** Changes to the subscriptions (utils/feed-server/source-ops.ts), sent before the flags. */
  subs?: SubscriptionOp[];
}

const MAP = 'srv:map:';
const QUEUE = 'srv:q:';
export const mapKey = (sourceId: string) => `${MAP}${sourceId}`;
const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** The 'meta' store, holding these records beside the story job's (its typed value is that job's). */
interface MetaStore {
  get(key: string): Promise<unknown>;
  getAll(range: IDBKeyRange): Promise<unknown[]>;
  getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]>;
  put(value: unknown): Promise<unknown>;
  delete(key: string | IDBKeyRange): Promise<unknown>;
}
type MetaTx = { objectStore(name: 'meta'): unknown; objectStoreNames?: DOMStringList };
type SourcesTx = MetaTx & { objectStore(name: 'sources'): { get(id: string): Promise<{ server?: string } | undefined> } };
export const metaOf = (tx: MetaTx): MetaStore => tx.objectStore('meta') as MetaStore;

export async function readMap(meta: MetaStore, sourceId: string): Promise<ServerMapRecord | undefined> {
  return (await meta.get(mapKey(sourceId))) as ServerMapRecord | undefined;
}

export async function readAllMaps(meta: MetaStore): Promise<ServerMapRecord[]> {
  return (await meta.getAll(range(MAP))) as ServerMapRecord[];
}

export async function readQueue(meta: MetaStore): Promise<ServerQueueRecord[]> {
  return (await meta.getAll(range(QUEUE))) as ServerQueueRecord[];
}

let seq = 0;
/** A queue key that sorts by time (several in one millisecond keep their order). */
export const queueKey = (now: number) => `${QUEUE}${now.toString(36).padStart(9, '0')}-${(seq++ % 1e6).toString(36).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`;

/**
 * Queues the local change of `flag` on these items for the server, in the caller's transaction: the
 * items of server sources only (their source has a map record), each by its server id. Used by every
 * read and star write of the user's (utils/db/read-state.ts); a sync's own writes do not come here.
 * `wholeSources`: sources read whole ("Mark all read" on a source or folder; ALL_SOURCES for the All
 * list): a server source among them is one mark-all-as-read call instead of an edit-tag per item.
 */
export async function queueForServer(tx: MetaTx | SourcesTx, items: readonly Item[], flag: Flag, on: (it: Item) => boolean, now = Date.now(), wholeSources: readonly string[] = []): Promise<void> {
  // (A database of an older schema, in the migration tests, has no 'meta' store and no server.)
  if (tx.objectStoreNames?.contains('meta') === false) return;
  const markAll: QueuedMarkAll[] = [];
  const whole = new Set<string>();
  if (wholeSources.includes(ALL_SOURCES)) {
    // Everything: the reading list's own call covers every server source.
    markAll.push({ stream: READING_LIST, sourceId: ALL_SOURCES, at: now });
  } else {
    for (const id of wholeSources) {
      const src = await (tx as SourcesTx).objectStore('sources').get(id);
      if (src?.server) {
        markAll.push({ stream: src.server, sourceId: id, at: now });
        whole.add(id);
      }
    }
  }
  const covered = (it: Item) => markAll.length > 0 && (whole.has(it.sourceId) || markAll[0]!.sourceId === ALL_SOURCES);
  const meta = metaOf(tx);
  const bySource = new Map<string, Item[]>();
  for (const it of items) if (!covered(it)) bySource.set(it.sourceId, [...(bySource.get(it.sourceId) ?? []), it]);
  const ops: QueuedFlag[] = [];
  for (const [sourceId, its] of bySource) {
    const map = await readMap(meta, sourceId);
    if (!map) continue;
    const serverId = new Map(Object.entries(map.ids).map(([sid, [local]]) => [local, sid]));
    for (const it of its) {
      const id = serverId.get(it.id);
      if (id) ops.push({ id, flag, on: on(it), at: now });
    }
  }
  if (ops.length || markAll.length) await meta.put({ key: queueKey(now), ops, ...(markAll.length ? { markAll } : {}) } satisfies ServerQueueRecord);
}

/** Removes every record of the feed server (after Disconnect). */
export async function clearServerRecords(db: NewsDb): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const meta = metaOf(tx);
  await Promise.all([meta.delete(range(MAP)), meta.delete(range(QUEUE))]);
  await tx.done;
}

/** Latest wins: of several queued changes of one item's flag, the last one (by time, then queue order). */
export function latestOps(records: readonly ServerQueueRecord[]): QueuedFlag[] {
  const last = new Map<string, QueuedFlag>();
  for (const r of [...records].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    for (const op of r.ops) {
      const k = `${op.flag} ${op.id}`;
      const cur = last.get(k);
      if (!cur || op.at >= cur.at) last.set(k, op);
    }
  }
  return [...last.values()];
}

/** The latest "mark all read" per source among the queued records. */
export function latestMarkAll(records: readonly ServerQueueRecord[]): Map<string, QueuedMarkAll> {
  const out = new Map<string, QueuedMarkAll>();
  for (const r of records) for (const m of r.markAll ?? []) if ((out.get(m.sourceId)?.at ?? -1) <= m.at) out.set(m.sourceId, m);
  return out;
}

/**
 * What is still to be sent, as "source flag id" keys: the latest op of each item's flag, and for a
 * source with a mark-all queued, the read flag of every item of it (a sync must not take the server's
 * older read state for them).
 */
export function pendingKeys(records: readonly ServerQueueRecord[], maps: readonly ServerMapRecord[]): Set<string> {
  const out = new Set(latestOps(records).map((op) => `${op.flag} ${op.id}`));
  const marked = latestMarkAll(records);
  for (const m of maps) if (marked.has(m.sourceId) || marked.has(ALL_SOURCES)) for (const id of Object.keys(m.ids)) out.add(`read ${id}`);
  return out;
}
