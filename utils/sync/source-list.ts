// The source list in browser.storage.sync, so it follows the user like settings and topics.
// storage.sync allows 8,192 bytes per key and 102,400 in all (Chrome; Firefox the same), so the
// list is compressed (deflate) and cut into chunks under one key each, within a budget that leaves
// room for settings and topics. Only what the user chose is synced (address, name, kind, folder,
// interval, on/off, breaking): never API keys (they stay in storage.local), never poll state.
import type { Source, SourceKind } from '../model';
import type { NewSource } from '../db/sources';
import type { StorageAreaLike } from '../settings';
import { SOURCE_LIST_KEY as META_KEY, sourceListChunkKey as chunkKey } from '../storage-keys';
import { isRecord, storageItem } from '../storage/items';
import { kindRow } from '../sources/kinds';
/** Characters of base64 per chunk: the key and JSON's quotes fit well under 8,192 bytes. */
export const CHUNK_CHARS = 7_800;
/** Bytes the source list may take in storage.sync (of 102,400): the rest is for settings and topics. */
export const SYNC_BUDGET = 64 * 1024;

export interface SyncedSource {
  url: string;
  name: string;
  kind: SourceKind;
  folder?: string;
  intervalMin: number;
  enabled: boolean;
  breaking: boolean;
}

/** The note: read as one only when it has its counts (a note of another build reads as none). */
const metaItem = storageItem<SyncMeta | undefined>(META_KEY, (v) => {
  const o = isRecord(v);
  return o && typeof o.chunks === 'number' && typeof o.at === 'number' && typeof o.device === 'string' ? { chunks: o.chunks, at: o.at, device: o.device, bytes: typeof o.bytes === 'number' ? o.bytes : 0, ...(o.tooLarge ? { tooLarge: true } : {}) } : undefined;
}, undefined);

export interface SyncMeta {
  /** Chunks written (0 when the list is too large to sync). */
  chunks: number;
  /** When the list was written (ms) and by which installation. */
  at: number;
  device: string;
  /** Compressed size in bytes. */
  bytes: number;
  tooLarge?: boolean;
}

export function syncedOf(s: Source): SyncedSource {
  return {
    url: s.url, name: s.name, kind: s.kind, intervalMin: s.intervalMin, enabled: s.enabled, breaking: s.breaking,
    ...(s.folder ? { folder: s.folder } : {}),
  };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Response(bytes as BodyInit).body!.pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export interface EncodedList {
  chunks: string[];
  /** Bytes the chunks take in storage.sync (keys and JSON quotes included). */
  bytes: number;
  tooLarge: boolean;
}

/** Compresses and cuts the list; `tooLarge` when it would not fit the budget (then `chunks` is empty). */
export async function encodeSourceList(list: readonly SyncedSource[], budget = SYNC_BUDGET): Promise<EncodedList> {
  const packed = toBase64(await pipe(new TextEncoder().encode(JSON.stringify(list)), new CompressionStream('deflate-raw')));
  const chunks: string[] = [];
  for (let i = 0; i < packed.length; i += CHUNK_CHARS) chunks.push(packed.slice(i, i + CHUNK_CHARS));
  const bytes = chunks.reduce((n, c, i) => n + chunkKey(i).length + c.length + 2, 0);
  return bytes > budget ? { chunks: [], bytes, tooLarge: true } : { chunks, bytes, tooLarge: false };
}

export async function decodeSourceList(chunks: readonly string[]): Promise<SyncedSource[]> {
  const raw = await pipe(fromBase64(chunks.join('')), new DecompressionStream('deflate-raw'));
  const list = JSON.parse(new TextDecoder().decode(raw)) as unknown;
  if (!Array.isArray(list)) throw new Error('the synced source list is not a list');
  return list.filter((s): s is SyncedSource => !!s && typeof s.url === 'string' && typeof s.name === 'string' && typeof s.kind === 'string');
}

/** Writes the list (or, when too large, only a note saying so) and drops chunks left from a longer list. */
export async function writeSourceList(sync: StorageAreaLike, list: readonly SyncedSource[], device: string, now: number, budget = SYNC_BUDGET): Promise<SyncMeta> {
  const enc = await encodeSourceList(list, budget);
  const prev = (await metaItem.get(sync))?.chunks ?? 0;
  const meta: SyncMeta = { chunks: enc.chunks.length, at: now, device, bytes: enc.bytes, ...(enc.tooLarge ? { tooLarge: true } : {}) };
  const items: Record<string, unknown> = {};
  enc.chunks.forEach((c, i) => (items[chunkKey(i)] = c));
  // Chunks first, the note last: a device that sees the new note finds the new chunks.
  if (enc.chunks.length) await sync.set(items);
  await metaItem.set(sync, meta);
  const stale = Array.from({ length: Math.max(0, prev - enc.chunks.length) }, (_, i) => chunkKey(enc.chunks.length + i));
  if (stale.length) await sync.remove?.(stale);
  return meta;
}

/** The synced list and its note; null when nothing (or only a "too large" note) is synced. */
export async function readSourceList(sync: StorageAreaLike): Promise<{ meta: SyncMeta; list: SyncedSource[] } | null> {
  const meta = await metaItem.get(sync);
  if (!meta || meta.tooLarge || !meta.chunks) return null;
  const keys = Array.from({ length: meta.chunks }, (_, i) => chunkKey(i));
  const got = await sync.get(keys);
  if (keys.some((k) => typeof got[k] !== 'string')) return null; // chunks still arriving
  return { meta, list: await decodeSourceList(keys.map((k) => got[k] as string)) };
}

export interface SyncPlan {
  add: NewSource[];
  update: Array<{ id: string; patch: Partial<SyncedSource> }>;
  remove: string[];
}

/** Which synced entry a source is: its address, and for a kind whose duplicate is the same request (a news API) its kind too. */
const syncKey = (s: { url: string; kind?: string }): string => (kindRow(s.kind).duplicate === 'request' ? `${s.kind} ${s.url}` : s.url);

/** What to change here so this device follows the synced list (matched by address, news APIs by kind and request). */
export function planSync(local: readonly Source[], remote: readonly SyncedSource[]): SyncPlan {
  const byUrl = new Map(local.map((s) => [syncKey(s), s]));
  const wanted = new Set(remote.map(syncKey));
  const plan: SyncPlan = { add: [], update: [], remove: local.filter((s) => !wanted.has(syncKey(s))).map((s) => s.id) };
  for (const r of remote) {
    const cur = byUrl.get(syncKey(r));
    if (!cur) {
      plan.add.push({ ...r });
      continue;
    }
    const mine = syncedOf(cur);
    const patch: Partial<SyncedSource> = {};
    for (const k of ['name', 'kind', 'intervalMin', 'enabled', 'breaking', 'folder'] as const) {
      if (mine[k] !== r[k]) (patch as Record<string, unknown>)[k] = r[k];
    }
    if (Object.keys(patch).length) plan.update.push({ id: cur.id, patch });
  }
  return plan;
}
