// Mute rules in the store: muted items are kept but counted nowhere (badge, folders, topics), never
// alert, are left out of every list unless shown; re-applying edited rules brings them back with the
// counters exact; and with stories (a muted report, a story whose reports are all muted).
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { allItems } from '@/utils/db/items/item-reads';
import { loadCounts, loadPage, loadStory } from '@/utils/db/queries';
import { badgeCounts } from '@/utils/db/badge-counts';
import { markAllRead, setStar } from '@/utils/db/read-state';
import { topicSet } from '@/utils/topics/rematch';
import { muteSet } from '@/utils/mutes/rules';
import { muteRematchDone, rematchMutes, rulesSignature } from '@/utils/mutes/rematch';
import { previewMute } from '@/utils/mutes/preview';
import { takePendingAlerts } from '@/utils/db/pending-alerts';
import type { MuteRule, ParsedItem, Source, Topic } from '@/utils/model';
import { expectCountersExact } from '../db/recount';
import { GROUPING_ON, otherReports, quakeReports, report } from '../../fixtures/stories/quake';

const NOW = Date.now();
const MIN = 60_000;
const OFF = { ...GROUPING_ON, groupStories: false };
const rule = (id: string, query: string, extra: Partial<MuteRule> = {}): MuteRule => ({ id, query, sourceIds: [], folders: [], createdAt: 0, ...extra });
const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({ id, name: id, query, sourceIds: [], notify: false, breaking: false, createdAt: 0, ...extra });

let db: NewsDb;
let wire: Source;
let paper: Source;
let tv: Source;
let sources: Source[];

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  wire = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss', folder: 'News' });
  paper = await addSource(db, { name: 'Paper', url: 'https://paper.example/rss', folder: 'News / Print' });
  tv = await addSource(db, { name: 'TV', url: 'https://tv.example/rss' });
  sources = [wire, paper, tv];
});

const WIRE: ParsedItem[] = [
  report('Crypto exchange collapses overnight', 'https://wire.example/a', 30, NOW),
  report('Your horoscope for Monday', 'https://wire.example/b', 20, NOW),
  report('Parliament passes budget after late-night vote', 'https://wire.example/c', 10, NOW),
];
const PAPER: ParsedItem[] = [
  report('NFT market cools as crypto slides', 'https://paper.example/a', 25, NOW),
  report('Local team wins cup final on penalties', 'https://paper.example/b', 15, NOW),
];

const set = (topics: Topic[], rules: MuteRule[]) => topicSet(topics, muteSet(rules, sources));

async function pollBoth(topics: Topic[], rules: MuteRule[], settings = OFF) {
  await storePoll(db, wire, WIRE, NOW, settings, {}, set(topics, rules));
  await storePoll(db, paper, PAPER, NOW + MIN, settings, {}, set(topics, rules));
}

const titles = async (filter: Parameters<typeof loadPage>[1], showMuted = false) =>
  (await loadPage(db, filter, undefined, 50, { showMuted })).items.map((it) => it.title).sort();

describe('muted items', () => {
  it('are stored but counted nowhere, never alert, and are hidden from every list', async () => {
    const topics = [topic('t-money', 'crypto OR budget', { notify: true })];
    await pollBoth(topics, [rule('m-crypto', 'crypto OR NFT'), rule('m-stars', 'title:horoscope')]);
    expect(await allItems(db)).toHaveLength(5);
    const counts = await loadCounts(db, [wire.id, paper.id, tv.id], ['t-money']);
    expect(counts).toMatchObject({ all: 2, unread: 2, muted: 3, sources: { [wire.id]: 1, [paper.id]: 1, [tv.id]: 0 }, topics: { 't-money': 1 } });
    expect((await badgeCounts(db, NOW, 120)).unread).toBe(2);
    expect(await titles({ kind: 'all' })).toEqual(['Local team wins cup final on penalties', 'Parliament passes budget after late-night vote']);
    expect(await titles({ kind: 'unread' })).toHaveLength(2);
    expect(await titles({ kind: 'source', id: wire.id })).toEqual(['Parliament passes budget after late-night vote']);
    expect(await titles({ kind: 'topic', id: 't-money' })).toEqual(['Parliament passes budget after late-night vote']);
    // Shown on demand, each with the rules that hide it.
    const shown = (await loadPage(db, { kind: 'all' }, undefined, 50, { showMuted: true })).items;
    expect(shown).toHaveLength(5);
    expect(shown.find((it) => it.title.startsWith('Crypto'))?.muted).toEqual(['m-crypto']);
    // Only the budget item alerts: the muted crypto item matched the topic but queued nothing.
    const alerts = await db.getAll('pendingAlerts');
    expect(alerts).toHaveLength(1);
    await expectCountersExact(db, { all: 5 });
  });

  it('are no new rows: a poll announces only what it lets through ("N new", a live page\'s updates)', async () => {
    const out = await storePoll(db, wire, WIRE, NOW, OFF, {}, set([], [rule('m-crypto', 'crypto'), rule('m-stars', 'title:horoscope')]));
    const stored = await allItems(db);
    expect(stored).toHaveLength(3);
    expect(out.newIds).toEqual([stored.find((it) => it.title.startsWith('Parliament'))!.id]);
  });

  it('a page is filled past muted items', async () => {
    const many = Array.from({ length: 30 }, (_, i) => report(`Crypto note ${i}`, `https://wire.example/n${i}`, 60 + i, NOW));
    await storePoll(db, wire, [...many, ...WIRE], NOW, OFF, {}, set([], [rule('m-crypto', 'crypto')]));
    const page = await loadPage(db, { kind: 'all' }, undefined, 2);
    expect(page.items.map((it) => it.title)).toEqual(['Parliament passes budget after late-night vote', 'Your horoscope for Monday']);
  });

  it('are limited to a rule\'s folders (inner folders included) or sources', async () => {
    await pollBoth([], [rule('m-a', 'crypto OR NFT OR horoscope', { folders: ['News / Print'] })]);
    expect((await loadCounts(db, [], [])).muted).toBe(1);
    expect(await titles({ kind: 'source', id: wire.id })).toHaveLength(3);
    await expectCountersExact(db);
  });

  it('a rule limited to an outer folder covers its inner folders; one limited to a source only that source', async () => {
    await pollBoth([], [rule('m-a', 'crypto OR NFT', { folders: ['News'] }), rule('m-b', 'horoscope', { sourceIds: [paper.id] })]);
    expect((await loadCounts(db, [], [])).muted).toBe(2);
    expect(await titles({ kind: 'all' })).toContain('Your horoscope for Monday');
    await expectCountersExact(db);
  });

  it('a pending alert of an item muted since is taken and never shown', async () => {
    await pollBoth([topic('t-money', 'crypto', { notify: true })], []);
    expect(await db.getAll('pendingAlerts')).toHaveLength(2);
    await rematchMutes(db, [rule('m-crypto', 'crypto')], sources);
    const shown: string[] = [];
    await takePendingAlerts(db, NOW, (items) => {
      shown.push(...items.map((it) => it.title));
      return { handled: items.map((it) => it.id), result: undefined };
    });
    expect(shown).toEqual([]);
    expect(await db.getAll('pendingAlerts')).toHaveLength(0);
  });
});

describe('editing rules', () => {
  it('re-applies them to stored items, kill-safe, and brings items back with the counters exact', async () => {
    const topics = [topic('t-money', 'crypto OR budget')];
    await pollBoth(topics, []);
    expect((await loadCounts(db, [], ['t-money'])).topics['t-money']).toBe(3);
    const rules = [rule('m-crypto', 'crypto OR NFT')];
    const sig = rulesSignature(rules, sources);
    expect(await muteRematchDone(db, sig)).toBe(false);
    // Stopped after one chunk (a worker killed): the next run goes on from there.
    const first = await rematchMutes(db, rules, sources, { chunk: 2, stopAfter: 1 });
    expect(first.scanned).toBe(2);
    expect(await muteRematchDone(db, sig)).toBe(false);
    await expectCountersExact(db, { all: 5 });
    const rest = await rematchMutes(db, rules, sources, { chunk: 2, pause: async () => {} });
    expect(first.scanned + rest.scanned).toBe(5);
    expect(await muteRematchDone(db, sig)).toBe(true);
    let counts = await loadCounts(db, [wire.id, paper.id], ['t-money']);
    expect(counts).toMatchObject({ all: 3, unread: 3, muted: 2, topics: { 't-money': 1 } });
    expect((await badgeCounts(db, NOW, 120)).unread).toBe(3);
    await expectCountersExact(db, { all: 5 });
    // The rule narrowed: the NFT item stays hidden, the exchange comes back.
    const narrowed = [rule('m-crypto', 'NFT')];
    await rematchMutes(db, narrowed, sources, { pause: async () => {} });
    counts = await loadCounts(db, [], ['t-money']);
    expect(counts).toMatchObject({ all: 4, muted: 1, topics: { 't-money': 2 } });
    await expectCountersExact(db, { all: 5 });
    // Removed: everything is back, and nothing was rewritten but tags and counters.
    await rematchMutes(db, [], sources, { pause: async () => {} });
    expect(await loadCounts(db, [], ['t-money'])).toMatchObject({ all: 5, unread: 5, muted: 0, topics: { 't-money': 3 } });
    expect(await muteRematchDone(db, rulesSignature([], sources))).toBe(true);
    await expectCountersExact(db, { all: 5 });
  });

  it('never hides a starred item; read state of muted items stays exact', async () => {
    await pollBoth([], []);
    const exchange = (await allItems(db)).find((it) => it.title.startsWith('Crypto'))!;
    await setStar(db, exchange.id, true);
    await rematchMutes(db, [rule('m-crypto', 'crypto')], sources, { pause: async () => {} });
    expect((await loadCounts(db, [], [])).muted).toBe(1);
    expect(await titles({ kind: 'starred' })).toEqual([exchange.title]);
    await markAllRead(db, { kind: 'all' });
    await expectCountersExact(db, { all: 5 });
    await rematchMutes(db, [], sources, { pause: async () => {} });
    await expectCountersExact(db, { all: 5 });
  });

  it('previews how many stored items a rule would hide, within its scope', async () => {
    await pollBoth([], []);
    expect((await previewMute(db, rule('m-x', 'crypto OR NFT'), sources)).total).toBe(2);
    expect((await previewMute(db, rule('m-x', 'crypto OR NFT', { sourceIds: [wire.id] }), sources)).total).toBe(1);
    expect((await previewMute(db, rule('m-x', 'crypto', { folders: ['Nowhere'] }), sources)).total).toBe(0);
    expect((await previewMute(db, rule('m-x', '"unclosed'), sources)).total).toBe(0);
  });
});

describe('with stories', () => {
  const QUAKE = quakeReports(NOW);
  const OTHER = otherReports(NOW);
  async function pollStories(rules: MuteRule[]) {
    const s = set([topic('t-quake', 'earthquake OR quake')], rules);
    await storePoll(db, wire, [QUAKE[0]!, OTHER[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!, OTHER[1]!], NOW + MIN, GROUPING_ON, {}, s);
    await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, GROUPING_ON, {}, s);
  }

  it('a muted report stays in its story but is hidden in its outlet\'s list and the opened row', async () => {
    await pollStories([rule('m-tv', 'tsunami', { sourceIds: [tv.id] })]);
    const row = (await loadPage(db, { kind: 'all' })).items.find((it) => it.title === QUAKE[0]!.title)!;
    expect(row.story).toBeDefined();
    expect(row.muted ?? []).toEqual([]);
    expect((await loadStory(db, row.story!)).map((it) => it.sourceId)).toEqual([wire.id, paper.id]);
    expect((await loadStory(db, row.story!, { showMuted: true })).map((it) => it.sourceId)).toEqual([wire.id, paper.id, tv.id]);
    expect(await titles({ kind: 'source', id: tv.id })).toEqual([]);
    expect(await loadCounts(db, [tv.id], [])).toMatchObject({ all: 3, muted: 1, sources: { [tv.id]: 0 } });
    await expectCountersExact(db, { all: 5 });
  });

  it('a story whose reports are all muted is hidden, and comes back when the rule goes', async () => {
    await pollStories([]);
    expect((await loadCounts(db, [], ['t-quake'])).topics['t-quake']).toBe(1);
    // Every report says "tsunami": the whole story goes, once, from the badge and the topic.
    await rematchMutes(db, [rule('m-t', 'tsunami')], sources, { pause: async () => {} });
    expect(await titles({ kind: 'all' })).toEqual([OTHER[1]!.title, OTHER[0]!.title].sort());
    expect(await loadCounts(db, [], ['t-quake'])).toMatchObject({ all: 2, unread: 2, topics: { 't-quake': 0 } });
    expect((await badgeCounts(db, NOW, 120)).unread).toBe(2);
    await expectCountersExact(db, { all: 5 });
    // Only the TV's report muted: the row is back, the TV's report stays hidden.
    await rematchMutes(db, [rule('m-t', 'tsunami', { sourceIds: [tv.id] })], sources, { pause: async () => {} });
    expect(await titles({ kind: 'all' })).toContain(QUAKE[0]!.title);
    expect(await loadCounts(db, [], ['t-quake'])).toMatchObject({ all: 3, topics: { 't-quake': 1 } });
    await expectCountersExact(db, { all: 5 });
    await rematchMutes(db, [], sources, { pause: async () => {} });
    expect(await loadCounts(db, [], [])).toMatchObject({ all: 3, muted: 0 });
    await expectCountersExact(db, { all: 5 });
  });

  it('a report that is not muted never joins a story whose row is', async () => {
    const s = set([], [rule('m-t', 'tsunami', { sourceIds: [wire.id] })]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, GROUPING_ON, {}, s);
    expect(await titles({ kind: 'all' })).toEqual([QUAKE[1]!.title]);
    expect((await loadCounts(db, [], [])).muted).toBe(1);
    await expectCountersExact(db, { all: 2 });
  });
});

describe('topics re-matched beside mute rules', () => {
  it('a muted report gives its story\'s row none of its topics', async () => {
    const { rematchStored } = await import('@/utils/topics/rematch');
    const QUAKE = quakeReports(NOW);
    const s = set([], [rule('m-tv', 'coast', { sourceIds: [tv.id] })]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, GROUPING_ON, {}, s);
    await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, GROUPING_ON, {}, s);
    // Only the TV's (muted) report says "hits".
    await rematchStored(db, [topic('t-hits', 'hits')], { pause: async () => {} });
    expect((await loadCounts(db, [], ['t-hits'])).topics['t-hits']).toBe(0);
    await expectCountersExact(db, { all: 3 });
    await rematchMutes(db, [], sources, { pause: async () => {} });
    await rematchStored(db, [topic('t-hits', 'hits')], { pause: async () => {} });
    expect((await loadCounts(db, [], ['t-hits'])).topics['t-hits']).toBe(1);
    await expectCountersExact(db, { all: 3 });
  });
});

describe('the ticker', () => {
  it('never shows a muted breaking item, and the badge\'s breaking count leaves it out', async () => {
    const { loadBreaking } = await import('@/utils/db/queries');
    const live = { ...wire, breaking: true };
    await storePoll(db, live, WIRE.map((p) => ({ ...p, breaking: true })), NOW, OFF, {}, set([], [rule('m-stars', 'horoscope')]));
    const shown = (await loadBreaking(db, NOW, 120)).map((it) => it.title);
    expect(shown).toHaveLength(2);
    expect(shown).not.toContain('Your horoscope for Monday');
    expect((await badgeCounts(db, NOW, 120)).unreadBreaking).toBe(2);
  });
});

describe('muted items through the other writers', () => {
  it('counters stay exact when a muted report is split from its story, stories are taken apart, and sources removed', async () => {
    const { splitFromStory } = await import('@/utils/db/stories/story-split');
    const { ungroupAll } = await import('@/utils/db/stories/story-regroup');
    const { removeSource } = await import('@/utils/db/sources');
    const QUAKE = quakeReports(NOW);
    const s = set([topic('t-q', 'earthquake')], [rule('m-tv', 'tsunami', { sourceIds: [tv.id] })]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, GROUPING_ON, {}, s);
    await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, GROUPING_ON, {}, s);
    const tvItem = (await allItems(db)).find((it) => it.sourceId === tv.id)!;
    expect(await splitFromStory(db, tvItem.id, s)).toBe(true);
    await expectCountersExact(db, { all: 3 });
    // Still hidden on its own.
    expect(await loadCounts(db, [tv.id], [])).toMatchObject({ all: 1, muted: 1, sources: { [tv.id]: 0 } });
    await ungroupAll(db, topicSet([]));
    await expectCountersExact(db, { all: 3 });
    await removeSource(db, tv.id);
    await expectCountersExact(db, { all: 2 });
    expect((await loadCounts(db, [], [])).muted).toBe(0);
  });
});

describe('grouping stored items beside mute rules', () => {
  it('a muted stored report joins its story folded, gives it no topics, and the counters stay exact', async () => {
    const { regroupStored } = await import('@/utils/db/stories/story-regroup');
    const QUAKE = quakeReports(NOW);
    // Stored with grouping off: three rows, the TV's muted.
    const s = set([topic('t-hits', 'hits')], [rule('m-tv', 'tsunami', { sourceIds: [tv.id] })]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, OFF, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, OFF, {}, s);
    await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, OFF, {}, s);
    expect(await loadCounts(db, [], ['t-hits'])).toMatchObject({ all: 2, muted: 1, topics: { 't-hits': 0 } });
    await regroupStored(db, [topic('t-hits', 'hits')], NOW + 3 * MIN, { pause: async () => {} });
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.storyInfo?.reports).toBe(3);
    expect(await loadCounts(db, [], ['t-hits'])).toMatchObject({ all: 1, muted: 1, topics: { 't-hits': 0 } });
    await expectCountersExact(db, { all: 3 });
  });
});

describe('search', () => {
  it('finds muted items only while they are shown', async () => {
    const { searchItems } = await import('@/utils/db/search/search-items');
    const { indexQueued } = await import('@/utils/db/search/search-index');
    await pollBoth([], [rule('m-crypto', 'crypto')]);
    await indexQueued(db);
    expect((await searchItems(db, 'exchange')).items).toEqual([]);
    expect((await searchItems(db, 'exchange', { showMuted: true })).items.map((it) => it.muted)).toEqual([['m-crypto']]);
    expect((await searchItems(db, 'budget')).items).toHaveLength(1);
  });
});

describe('an updated story row', () => {
  it('is hidden only when every report is muted, also when its own text changes to match a rule', async () => {
    const QUAKE = quakeReports(NOW);
    const s = set([], [rule('m-x', 'aftershock')]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, GROUPING_ON, {}, s);
    expect((await loadPage(db, { kind: 'all' })).items).toHaveLength(1);
    // The wire rewrites its headline: its row's own text now matches the rule, the paper's report does not.
    const rewritten = { ...QUAKE[0]!, title: `${QUAKE[0]!.title}, aftershock felt` };
    await storePoll(db, wire, [rewritten], NOW + 2 * MIN, GROUPING_ON, {}, s);
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows.map((it) => it.title)).toEqual([rewritten.title]);
    expect((await loadCounts(db, [], [])).muted).toBe(0);
    await expectCountersExact(db, { all: 2 });
    // An item alone whose text changes to match is hidden.
    await storePoll(db, wire, [rewritten, report('Budget talks', 'https://wire.example/budget', 5, NOW)], NOW + 3 * MIN, GROUPING_ON, {}, s);
    await storePoll(db, wire, [rewritten, report('Budget talks after aftershock', 'https://wire.example/budget', 5, NOW)], NOW + 4 * MIN, GROUPING_ON, {}, s);
    expect((await loadCounts(db, [], [])).muted).toBe(1);
    await expectCountersExact(db, { all: 3 });
  });
});

describe('a story member whose headline is rewritten', () => {
  it('stays in its story, folded or row as it was, the row keeping its reports\' topics', async () => {
    const QUAKE = quakeReports(NOW);
    const s = set([topic('t-warning', 'triggers')], []);
    await storePoll(db, wire, [QUAKE[0]!], NOW, GROUPING_ON, {}, s);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, GROUPING_ON, {}, s);
    expect((await loadCounts(db, [], ['t-warning'])).topics['t-warning']).toBe(1);
    await storePoll(db, wire, [{ ...QUAKE[0]!, title: `${QUAKE[0]!.title} (updated)` }], NOW + 2 * MIN, GROUPING_ON, {}, s);
    await storePoll(db, paper, [{ ...QUAKE[1]!, title: `${QUAKE[1]!.title} (updated)` }], NOW + 3 * MIN, GROUPING_ON, {}, s);
    const items = await allItems(db);
    expect(items.map((it) => [it.sourceId, it.story !== undefined, it.folded ?? 0])).toEqual([[wire.id, true, 0], [paper.id, true, 1]]);
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.storyInfo?.reports).toBe(2);
    expect((await loadCounts(db, [], ['t-warning'])).topics['t-warning']).toBe(1);
    await expectCountersExact(db, { all: 2 });
  });
});
