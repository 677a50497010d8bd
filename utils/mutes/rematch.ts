// Re-applying the mute rules to what is stored, after a rule is added, edited or removed: store key
// order, small transactions, each of which records how far it came in 'meta' (kill-safe: a stopped
// worker goes on where it was on its next wake). Only tag records change: the items are never
// rewritten, so an edited rule can bring back what it hid.
import type { MuteRule, Source } from '../model';
import type { NewsDb } from '../db/schema';
import type { MuteRematchState } from '../db/stories/story-records';
import { fromRecord } from '../db/items/item-record';
import { writeItems } from '../db/items/item-writes';
import { mutesOfIds, topicsOfIds } from '../db/tags';
import { muteSet, scopeOf } from './rules';
import { mutesOfRow } from './story';

const KEY = 'muteRematch';
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** What the job applies: the rules' queries and the sources each covers now. */
export function rulesSignature(rules: readonly MuteRule[], sources: readonly Pick<Source, 'id' | 'folder'>[]): string {
  return JSON.stringify(rules.map((r) => [r.id, r.query, [...(scopeOf(r, sources) ?? [])].sort()]));
}

export interface MuteRematchResult {
  scanned: number;
  /** Items whose mutes changed (their tag records were written). */
  changed: number;
}

/** Has the job for these rules finished? (A cheap look before a wake starts anything.) */
export async function muteRematchDone(db: NewsDb, sig: string): Promise<boolean> {
  const cur = (await db.get('meta', KEY)) as MuteRematchState | undefined;
  return cur ? cur.sig === sig && !!cur.finished : sig === '[]';
}

export async function rematchMutes(
  db: NewsDb,
  rules: readonly MuteRule[],
  sources: readonly Pick<Source, 'id' | 'folder'>[],
  opts: { chunk?: number; pause?: () => Promise<void>; stopAfter?: number } = {},
): Promise<MuteRematchResult> {
  const sig = rulesSignature(rules, sources);
  const set = muteSet(rules, sources);
  const chunk = opts.chunk ?? 300;
  const pause = opts.pause ?? macrotask;
  let scanned = 0;
  let changed = 0;
  let chunks = 0;
  for (;;) {
    const finished = await writeItems(db, async (writer, tx) => {
      const meta = tx.objectStore('meta');
      const cur = (await meta.get(KEY)) as MuteRematchState | undefined;
      const state: MuteRematchState = cur && cur.sig === sig ? cur : { key: KEY, sig, done: 0 };
      if (state.finished) return true;
      const records = await tx.objectStore('items').getAll(IDBKeyRange.lowerBound(state.done, true), chunk);
      const items = records.map(fromRecord);
      const ids = items.map((it) => it.id);
      const [topicsOf, mutedOf] = await Promise.all([topicsOfIds(tx, ids), mutesOfIds(tx, ids)]);
      const writes: Promise<unknown>[] = [];
      for (const item of items) {
        const was = mutedOf.get(item.id) ?? [];
        const own = item.starred ? [] : set.matchItem(item);
        let reports: string[][] = [];
        if (own.length && item.story !== undefined && item.folded !== 1) {
          reports = (await writer.stories.reportsOf(item.story)).filter((r) => r.id !== item.id).map((r) => set.matchItem(r));
        }
        const next = mutesOfRow(item, own, reports);
        if (next.length === was.length && next.every((id) => was.includes(id))) continue;
        // The item itself (not a copy) with its current tags, so the writer knows its store key and
        // changes only the tag record and the counters.
        const before = Object.assign(item, { topics: topicsOf.get(item.id) ?? [], muted: was });
        writes.push(writer.put(before, { ...before, muted: next }));
        changed++;
      }
      await Promise.all(writes);
      scanned += items.length;
      const last = records[records.length - 1];
      const done = records.length < chunk;
      await meta.put({ ...state, done: last?.k ?? state.done, finished: done || undefined });
      return done;
    });
    chunks++;
    if (finished || (opts.stopAfter !== undefined && chunks >= opts.stopAfter)) break;
    await pause();
  }
  return { scanned, changed };
}
