// Sends the queued subscription changes (utils/feed-server/source-ops.ts) to the server, in the order
// they were made. A server that cannot be reached or refuses stops the sync (the queue is kept); an
// op the server will never take (a feed it cannot read, a subscription it no longer has) is dropped,
// and a feed it could not subscribe stays a local source with the problem shown on it.
import type { NewsDb } from '../db/schema';
import { patchSource } from '../db/items';
import { problemOf, type Problem } from '../problems';
import { editSubscription, quickAdd, type ServerSession } from './greader';
import { mapKey, metaOf, readMap, type ServerMapRecord } from './records';
import type { SubscriptionOp } from './source-ops';

/** Problems that mean "try again later": the server down, slow, busy, or refusing the login. */
export function isTransient(p: Problem): boolean {
  if (p.code === 'unreachable' || p.code === 'timeout' || p.code === 'serverRefused') return true;
  return p.code === 'http' && (p.status >= 500 || p.status === 429 || p.status === 408);
}

export async function sendSubscriptionOps(db: NewsDb, s: ServerSession, tokenOf: () => Promise<string>, subs: readonly SubscriptionOp[]): Promise<number> {
  let n = 0;
  for (const op of subs) {
    try {
      if (op.op === 'subscribe') await subscribe(db, s, tokenOf, op);
      else if (op.op === 'edit') await editSubscription(s, await tokenOf(), op.stream, { title: op.title, label: op.label, from: op.from });
      else await editSubscription(s, await tokenOf(), op.stream, 'unsubscribe');
      n++;
    } catch (e) {
      const problem = problemOf(e);
      if (isTransient(problem)) throw e;
      console.warn('Newsbar: the feed server did not take a subscription change', op.op, problem.code);
      if (op.op === 'subscribe') await patchSource(db, op.sourceId, { problem }).catch(() => {});
    }
  }
  return n;
}

async function subscribe(db: NewsDb, s: ServerSession, tokenOf: () => Promise<string>, op: Extract<SubscriptionOp, { op: 'subscribe' }>): Promise<void> {
  const src = await db.get('sources', op.sourceId);
  // Removed here before the server heard of it: nothing to do.
  if (!src || src.server) return;
  const added = await quickAdd(s, await tokenOf(), src.url);
  await editSubscription(s, await tokenOf(), added.id, { title: src.name, label: src.folder });
  // The source is the server's from now on; its own items stay, matched to the server's by link.
  const tx = db.transaction(['sources', 'meta'], 'readwrite');
  const cur = await tx.objectStore('sources').get(op.sourceId);
  if (cur) {
    await tx.objectStore('sources').put({ ...cur, server: added.id, problem: undefined });
    const map: ServerMapRecord = (await readMap(metaOf(tx), op.sourceId)) ?? { key: mapKey(op.sourceId), sourceId: op.sourceId, ids: {} };
    await metaOf(tx).put({ ...map, adopted: true });
  }
  await tx.done;
}
