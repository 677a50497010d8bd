// The user's changes to the sources that the feed server must follow: subscribing (a feed added while
// connected), renaming, moving to a folder and removing a server source. Queued in the 'meta' store
// beside the read/star queue (utils/feed-server/records.ts), in the caller's transaction where it has
// one, and sent first on the next sync; a server that is down keeps them waiting.
import type { Source } from '../model';
import { kindRow } from '../sources/kinds';
import { metaOf, queueKey, type ServerQueueRecord } from './records';

export type SubscriptionOp =
  | { op: 'subscribe'; sourceId: string; url: string; title: string; label?: string; at: number }
  | { op: 'edit'; stream: string; title?: string; label?: string; from?: string; at: number }
  | { op: 'unsubscribe'; stream: string; at: number };

type MetaTx = { objectStore(name: 'meta'): unknown; objectStoreNames?: DOMStringList };

/** Queues these ops in the caller's transaction (nothing when the database has no 'meta' store). */
export async function queueSubscriptionOps(tx: MetaTx, subs: SubscriptionOp[], now = Date.now()): Promise<void> {
  if (!subs.length || tx.objectStoreNames?.contains('meta') === false) return;
  await metaOf(tx).put({ key: queueKey(now), ops: [], subs } satisfies ServerQueueRecord);
}

/** What the server must do after a source was edited here: its new name and/or folder (server sources only). */
export function editOpOf(before: Source, after: Source, now: number): SubscriptionOp | undefined {
  if (!before.server) return undefined;
  const title = after.name !== before.name ? after.name : undefined;
  const moved = (after.folder ?? '') !== (before.folder ?? '');
  if (!title && !moved) return undefined;
  return { op: 'edit', stream: before.server, title, ...(moved ? { label: after.folder, from: before.folder } : {}), at: now };
}

/** Whether a source may live on the feed server: feeds only (live pages and API sources stay local). */
export const serverKind = (s: Pick<Source, 'kind'>): boolean => kindRow(s.kind).family === 'feed';

/** Queues subscribing these newly added feeds on the server (added while connected, or an OPML import the user chose to send). */
export async function queueSubscribe(db: { transaction(store: 'meta', mode: 'readwrite'): MetaTx & { done: Promise<void> } }, sources: readonly Source[], now = Date.now()): Promise<number> {
  const subs: SubscriptionOp[] = sources.filter((s) => serverKind(s) && !s.server).map((s) => ({ op: 'subscribe', sourceId: s.id, url: s.url, title: s.name, label: s.folder, at: now }));
  if (!subs.length) return 0;
  const tx = db.transaction('meta', 'readwrite');
  await queueSubscriptionOps(tx, subs, now);
  await tx.done;
  return subs.length;
}
