// Property: whatever polls, rule edits, stars and reads come in (stories on), the kept counters equal a
// count from scratch, and no list or count shows a muted item. FC_RUNS=<n> runs n, FC_SEED=<n> replays.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openNewsDb } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { allItems } from '@/utils/db/items/item-reads';
import { loadCounts, loadPage } from '@/utils/db/queries';
import { markAllRead, markRead, setStar } from '@/utils/db/read-state';
import { topicSet } from '@/utils/topics/rematch';
import { muteSet } from '@/utils/mutes/rules';
import { rematchMutes } from '@/utils/mutes/rematch';
import type { MuteRule, Source, Topic } from '@/utils/model';
import { expectCountersExact } from '../db/recount';
import { GROUPING_ON, report } from '../../fixtures/stories/quake';

const RUNS = Number(process.env.FC_RUNS) || 0;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const NOW = 1_800_000_000_000;
const WORDS = ['volcano', 'iceland', 'eruption', 'crypto', 'bitcoin', 'horoscope', 'budget', 'vote'];
const QUERIES = ['crypto', 'volcano OR budget', 'title:horoscope', '"iceland eruption"', 'bitcoin -crypto'];
const TOPICS: Topic[] = [
  { id: 't-a', name: 'a', query: 'volcano OR crypto', sourceIds: [], notify: true, breaking: false, createdAt: 0 },
  { id: 't-b', name: 'b', query: 'budget', sourceIds: [], notify: false, breaking: true, createdAt: 0 },
];

let run = 0;

type Op =
  | { op: 'poll'; source: number; titles: number[][] }
  | { op: 'rules'; rules: Array<{ q: number; source?: number }> }
  | { op: 'star' | 'read'; pick: number }
  | { op: 'allRead' };

const title = fc.uniqueArray(fc.nat(WORDS.length - 1), { minLength: 2, maxLength: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('poll' as const), source: fc.nat(2), titles: fc.array(title, { minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rules' as const), rules: fc.array(fc.record({ q: fc.nat(QUERIES.length - 1), source: fc.option(fc.nat(2), { nil: undefined }) }), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('star' as const, 'read' as const), pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'allRead' as const }) },
);

describe('mute rules keep the counters exact', () => {
  it('across polls, rule edits, stars and reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = await openNewsDb(`mute-counters-${run++}`);
        const sources: Source[] = [];
        for (const n of ['a', 'b', 'c']) sources.push(await addSource(db, { name: n, url: `https://${n}.example/rss` }));
        let rules: MuteRule[] = [];
        let serial = 0;
        for (const o of ops) {
          if (o.op === 'poll') {
            const parsed = o.titles.map((t) => report(t.map((w) => WORDS[w]).join(' '), `https://${sources[o.source]!.name}.example/${serial++}`, 60 - serial, NOW));
            await storePoll(db, sources[o.source]!, parsed, NOW + serial * 1000, GROUPING_ON, {}, topicSet(TOPICS, muteSet(rules, sources)));
          } else if (o.op === 'rules') {
            rules = o.rules.map((r, i) => ({ id: `m-${i}`, query: QUERIES[r.q]!, sourceIds: r.source === undefined ? [] : [sources[r.source]!.id], folders: [], createdAt: 0 }));
            await rematchMutes(db, rules, sources, { chunk: 3, pause: async () => {} });
          } else if (o.op === 'allRead') {
            await markAllRead(db, { kind: 'all' });
          } else {
            const items = await allItems(db);
            const it = items[o.pick % Math.max(1, items.length)];
            if (it) await (o.op === 'star' ? setStar(db, it.id, !it.starred) : markRead(db, [it.id], !it.read));
          }
          await expectCountersExact(db);
        }
        // No list shows a muted row, and the lists agree with the counts.
        const page = await loadPage(db, { kind: 'all' }, undefined, 500);
        expect(page.items.filter((it) => it.muted?.length)).toEqual([]);
        expect(page.items).toHaveLength((await loadCounts(db, [], [])).all);
        db.close();
      }),
      { numRuns: RUNS || 25, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  }, 60_000);
});
