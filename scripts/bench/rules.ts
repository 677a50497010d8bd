// Mute rules and topics on the ingest: 200 sources x 50 items polled with 20 mute rules and 50 topics,
// against the same ingest with none, in alternating order in the same browser (a ratio of the same run).
// `npm run bench -- rules` (RULES_SOURCES and RULES_PER_SOURCE make it smaller, to check it runs).
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { median, ms, rng, rssFeed, type Section } from './common';
import { seedItems } from './seed';
import { MUTE_IDS_KEY, muteRuleKey, TOPIC_IDS_KEY, topicKey } from '../../utils/storage-keys';
import type { MuteRule, Topic } from '../../utils/model';

const SOURCES = Number(process.env.RULES_SOURCES ?? 200);
const PER_SOURCE = Number(process.env.RULES_PER_SOURCE ?? 50);
const TOPICS = 50;
const MUTES = 20;

// The benchmark feeds' words (scripts/bench/common.ts), so topics match a share of the items.
const WORDS = 'storm coast river minister election market bank rail strike museum bridge satellite orbit flood vote court summit talks ceasefire energy prices wildfire drought harvest trade tariff union vaccine hospital school budget tax'.split(' ');

/** Topics of the kinds people write: words, phrases, OR, title:, exclusions. Deterministic. */
export function benchTopicList(n = TOPICS): Topic[] {
  const r = rng(11);
  const w = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const forms = [() => `${w()} ${w()}`, () => `"${w()} ${w()}" OR ${w()}`, () => `title:${w()}`, () => `${w()} -${w()}`, () => `${w()} OR ${w()} OR ${w()}`];
  return Array.from({ length: n }, (_, i) => ({ id: `t-bench${i}`, name: `Topic ${i}`, query: forms[i % forms.length]!(), sourceIds: [], notify: false, breaking: false, createdAt: 0 }));
}

/** Mute rules: half phrases the feeds rarely hold, half words they never do (the cost of checking alone). */
export function benchMuteList(n = MUTES): MuteRule[] {
  const r = rng(23);
  const w = () => WORDS[Math.floor(r() * WORDS.length)]!;
  return Array.from({ length: n }, (_, i) => ({ id: `m-bench${i}`, query: i % 2 ? `"${w()} ${w()} ${w()}"` : `horoscope${i} OR title:celebrity${i}`, sourceIds: [], folders: [], createdAt: 0 }));
}

/** The synced keys that hold these topics and rules (none: empty lists). */
function syncedRules(topics: Topic[], mutes: MuteRule[]): Record<string, unknown> {
  const set: Record<string, unknown> = { [TOPIC_IDS_KEY]: topics.map((t) => t.id), [MUTE_IDS_KEY]: mutes.map((m) => m.id) };
  for (const t of topics) set[topicKey(t.id)] = t;
  for (const m of mutes) set[muteRuleKey(m.id)] = m;
  return set;
}

/** One ingest into an empty store, with the synced rules given; ms from the poll's start to all stored and the badge set. */
async function ingest(ext: Extension, srv: NewsServer, run: number, rules: Record<string, unknown>): Promise<number> {
  for (let s = 0; s < SOURCES; s++) srv.route(`/bench-rules/${s}.xml`, { body: rssFeed(`q${run}s${s}`, PER_SOURCE, run * 1000 + s) });
  await ext.bg((set: Record<string, unknown>) => (globalThis as any).chrome.storage.sync.set(set), rules);
  await seedItems(ext, 0);
  await ext.bg(async (a: { origin: string; n: number }) => {
    const nb = (globalThis as any).newsbar;
    for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Bench ${i}`, url: `${a.origin}/bench-rules/${i}.xml` });
  }, { origin: srv.origin, n: SOURCES });
  // The re-match a rule change starts (over an empty store) settles before the clock starts.
  await new Promise((r) => setTimeout(r, 1000));
  const t = await ext.bg(async () => {
    const nb = (globalThis as any).newsbar;
    const t0 = performance.now();
    await nb.pollNow();
    const elapsed = performance.now() - t0;
    const counters: Array<{ key: string; total: number }> = await (await nb.getDb()).getAll('counters');
    return { elapsed, count: await nb.countItems(), tagged: counters.filter((c) => c.key.startsWith('t:')).reduce((n, c) => n + c.total, 0) };
  });
  if (t.count !== SOURCES * PER_SOURCE) throw new Error(`the ingest stored ${t.count} items, expected ${SOURCES * PER_SOURCE}`);
  // Measured with rules only if they were applied: the topics tagged items.
  const ruled = ((rules[TOPIC_IDS_KEY] as string[]).length > 0);
  if (ruled !== t.tagged > 0) throw new Error(`the ingest ${ruled ? 'with' : 'without'} topics tagged ${t.tagged} items`);
  return t.elapsed;
}

export async function benchRules(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  const withRules = syncedRules(benchTopicList(), benchMuteList());
  const none = syncedRules([], []);
  const on: number[] = [];
  const off: number[] = [];
  const ratios: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // Alternating order, so neither side always runs on a warmer browser.
      const first = run % 2 === 0 ? 'on' : 'off';
      const a = await ingest(ext, srv, run * 2, first === 'on' ? withRules : none);
      const b = await ingest(ext, srv, run * 2 + 1, first === 'on' ? none : withRules);
      const [x, y] = first === 'on' ? [a, b] : [b, a];
      on.push(x);
      off.push(y);
      ratios.push(x / y);
    }
  } finally {
    await ext.bg((set: Record<string, unknown>) => (globalThis as any).chrome.storage.sync.set(set), none);
  }
  const r = median(ratios);
  return {
    title: `Mute rules and topics on the ingest: ${SOURCES} sources x ${PER_SOURCE} items, ${MUTES} mute rules, ${TOPICS} topics`,
    rows: [
      { metric: 'poll start -> all stored + badge set, with the rules', value: ms(median(on)), baseline: `${ms(median(off))} (no rules, no topics)`, ratio: `${r.toFixed(2)} (paired; ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})` },
    ],
    notes: [
      `Each run ingests both ways into an empty store, the order alternating; the ratio is the median of the runs' with / without. The feeds are the benchmark's generated ones (each run's its own).`,
      'Topics are the kinds people write (words, phrases, OR, title:, exclusions) over the feeds\' words, without notifications; half the mute rules are phrases the feeds rarely hold, half words they never do.',
    ],
  };
}
