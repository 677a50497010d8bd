// Stories in the store: reports of one event from several sources become one row (the first report),
// counted once, read together, one alert; they survive a restart (the grouper is made again from the
// stores), leave their story when deleted, and a grouping that is off changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { allItems } from '@/utils/db/items/item-reads';
import { loadCounts, loadPage } from '@/utils/db/queries';
import { markAllRead, markRead } from '@/utils/db/read-state';
import { badgeCounts } from '@/utils/db/badge-counts';
import { topicSet } from '@/utils/topics/rematch';
import type { ParsedItem, Source, Topic } from '@/utils/model';
import { expectCountersExact } from './recount';
import { GROUPING_ON, otherReports, quakeReports, report } from '../../fixtures/stories/quake';

const NOW = Date.now();
const MIN = 60_000;
const ON = GROUPING_ON;
const item = (title: string, url: string, ago = 5): ParsedItem => report(title, url, ago, NOW);

/** One event, three outlets, three headlines and links; and two other stories. */
const QUAKE = quakeReports(NOW);
const OTHER = otherReports(NOW);

let db: NewsDb;
let wire: Source;
let paper: Source;
let tv: Source;

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  wire = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' });
  paper = await addSource(db, { name: 'Paper', url: 'https://paper.example/rss' });
  tv = await addSource(db, { name: 'TV', url: 'https://tv.example/rss' });
});

async function pollAll(settings = ON, topics?: Topic[]) {
  const set = topics && topicSet(topics);
  const a = await storePoll(db, wire, [QUAKE[0]!, OTHER[0]!], NOW, settings, {}, set);
  const b = await storePoll(db, paper, [QUAKE[1]!, OTHER[1]!], NOW + MIN, settings, {}, set);
  const c = await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, settings, {}, set);
  return [a, b, c];
}

describe('one story, one row', () => {
  it('folds other outlets\' reports into the first report\'s row, counted once', async () => {
    const [a, b, c] = await pollAll();
    expect(a.newIds).toHaveLength(2);
    expect(b.newIds).toHaveLength(1);
    expect(b.joinedIds).toHaveLength(1);
    expect(c.newIds).toHaveLength(0);
    expect(c.joinedIds).toHaveLength(1);
    const page = await loadPage(db, { kind: 'all' });
    expect(page.items.map((it) => it.title).sort()).toEqual([QUAKE[0]!.title, OTHER[0]!.title, OTHER[1]!.title].sort());
    const row = page.items.find((it) => it.title === QUAKE[0]!.title)!;
    expect(row.storyInfo).toEqual({ reports: 3, sources: 3, newReports: 0 });
    const counts = await loadCounts(db, [wire.id, paper.id, tv.id], []);
    expect(counts.all).toBe(3);
    expect(counts.unread).toBe(3);
    // In its own source a report is that outlet's row.
    expect(counts.sources[tv.id]).toBe(1);
    expect((await loadPage(db, { kind: 'source', id: tv.id })).items.map((it) => it.title)).toEqual([QUAKE[2]!.title]);
    expect((await badgeCounts(db, NOW, 120)).unread).toBe(3);
    await expectCountersExact(db, { all: 5 });
  });

  it('is off when the setting is: every report its own row, as before', async () => {
    await pollAll({ ...ON, groupStories: false });
    expect((await loadPage(db, { kind: 'all' })).items).toHaveLength(5);
    expect((await db.getAll('stories'))).toHaveLength(0);
    await expectCountersExact(db, { all: 5 });
  });

  it('reads the story together: reading the row reads every report, and a later report stays quiet', async () => {
    await pollAll();
    const row = (await loadPage(db, { kind: 'all' })).items.find((it) => it.title === QUAKE[0]!.title)!;
    expect(await markRead(db, [row.id], true)).toBe(1);
    expect((await allItems(db)).filter((it) => it.story === row.story).every((it) => it.read === 1)).toBe(true);
    const later = await storePoll(db, await addSource(db, { name: 'Radio', url: 'https://radio.example/rss' }), [item('Chile earthquake 7.1: tsunami warning lifted along the coast', 'https://radio.example/chile-earthquake-tsunami', 2)], NOW + 3 * MIN, ON);
    expect(later.joinedIds).toHaveLength(1);
    const again = (await loadPage(db, { kind: 'all' })).items.find((it) => it.id === row.id)!;
    expect(again.read).toBe(1);
    expect(again.storyInfo).toEqual({ reports: 4, sources: 4, newReports: 1 });
    expect((await loadCounts(db, [], [])).unread).toBe(2);
    await expectCountersExact(db);
    // Mark all read, then unread again (Undo): the whole story follows its row.
    await markRead(db, [row.id], false);
    expect((await allItems(db)).filter((it) => it.story === row.story).every((it) => it.read === 0)).toBe(true);
    await markAllRead(db, { kind: 'all' });
    expect((await allItems(db)).every((it) => it.read === 1)).toBe(true);
    await expectCountersExact(db);
  });

  it('a source that follows developments brings a read story back unread', async () => {
    await pollAll();
    const row = (await loadPage(db, { kind: 'all' })).items.find((it) => it.title === QUAKE[0]!.title)!;
    await markRead(db, [row.id], true);
    const radio = await addSource(db, { name: 'Radio', url: 'https://radio.example/rss' });
    await db.put('sources', { ...radio, followStories: true });
    await storePoll(db, { ...radio, followStories: true }, [item('Chile earthquake 7.1: tsunami warning lifted along the coast', 'https://radio.example/chile-earthquake-tsunami', 2)], NOW + 3 * MIN, ON);
    expect((await loadPage(db, { kind: 'unread' })).items.map((it) => it.id)).toContain(row.id);
    await expectCountersExact(db);
  });

  it('alerts once per story, and the row carries every report\'s topics', async () => {
    const topic: Topic = { id: 'tsunami', name: 'Tsunami', query: 'tsunami', sourceIds: [], notify: true, breaking: false, createdAt: 0 };
    await pollAll(ON, [topic]);
    expect(await db.getAll('pendingAlerts')).toHaveLength(1);
    const tagged = await loadPage(db, { kind: 'topic', id: 'tsunami' });
    expect(tagged.items.map((it) => it.title)).toEqual([QUAKE[0]!.title]);
    expect((await loadCounts(db, [], ['tsunami'])).topics.tsunami).toBe(1);
    await expectCountersExact(db);
  });

  it('finds the story again after a restart (the grouper is made from the stores)', async () => {
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON);
    db.close();
    resetDbForTests();
    db = await getDb();
    const b = await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, ON);
    expect(b.joinedIds).toHaveLength(1);
  });

  it('keeps no story words for an item already out of the window (a new feed\'s old items)', async () => {
    const old = item('Chile earthquake anniversary: a week on, the coast rebuilds', 'https://wire.example/chile-week-on', 7 * 24 * 60);
    await storePoll(db, wire, [QUAKE[0]!, old], NOW, ON);
    const kept = (await db.getAll('storyTerms')).flatMap((r) => r.e.map((e) => e[0]));
    expect(kept).toHaveLength(1);
    const stored = (await allItems(db)).find((it) => it.title === QUAKE[0]!.title)!;
    expect(kept).toEqual([stored.id]);
    // A poll of old items alone writes no record at all.
    await storePoll(db, paper, [item('Chile earthquake: what we learned a week on', 'https://paper.example/chile-lessons', 8 * 24 * 60)], NOW + MIN, ON);
    expect(await db.count('storyTerms')).toBe(1);
  });

  it('a report deleted by retention leaves its story; the next report heads it', async () => {
    await pollAll();
    // The wire keeps one item: its quake report (the story's row) is the older one and goes.
    await storePoll(db, wire, [OTHER[0]!], NOW + 5 * MIN, { ...ON, maxItemsPerSource: 1 });
    const rows = (await loadPage(db, { kind: 'all' })).items;
    const quake = rows.filter((it) => it.title.includes('7.1'));
    expect(quake.map((it) => it.title)).toEqual([QUAKE[1]!.title]);
    expect(quake[0]!.storyInfo?.reports).toBe(2);
    await expectCountersExact(db);
  });
});

describe('search finds stories', () => {
  it('by any report\'s words, each story once, as its row', async () => {
    const { searchItems } = await import('@/utils/db/search/search-items');
    await pollAll();
    // "lifted" is only in a later report; "triggers" only in the paper's (folded) one.
    const found = await searchItems(db, 'triggers');
    expect(found.items.map((it) => it.title)).toEqual([QUAKE[0]!.title]);
    expect(found.items[0]!.storyInfo?.sources).toBe(3);
    const all = await searchItems(db, 'tsunami');
    expect(all.items).toHaveLength(1);
    // In the paper's own list its report is its own row.
    const own = await searchItems(db, 'triggers', { filter: { kind: 'source', id: paper.id } });
    expect(own.items.map((it) => it.title)).toEqual([QUAKE[1]!.title]);
  });
});

describe('topics edited', () => {
  it('re-match a story as a whole: a topic only a folded report matches tags the row', async () => {
    const { rematchStored } = await import('@/utils/topics/rematch');
    await pollAll();
    // Only the paper's (folded) report says "triggers".
    const topic: Topic = { id: 'trig', name: 'Triggers', query: 'triggers', sourceIds: [], notify: false, breaking: false, createdAt: 0 };
    await rematchStored(db, [topic], { pause: async () => {} });
    expect((await loadPage(db, { kind: 'topic', id: 'trig' })).items.map((it) => it.title)).toEqual([QUAKE[0]!.title]);
    expect((await loadCounts(db, [], ['trig'])).topics.trig).toBe(1);
    await expectCountersExact(db);
  });
});

describe('not the same story', () => {
  it('takes a report out: its own row again, never joining that story again; the row no longer carries its topics', async () => {
    const { splitFromStory } = await import('@/utils/db/stories/story-split');
    const topic: Topic = { id: 'trig', name: 'Triggers', query: 'triggers', sourceIds: [], notify: false, breaking: false, createdAt: 0 };
    const set = topicSet([topic]);
    await pollAll(ON, [topic]);
    expect((await loadPage(db, { kind: 'topic', id: 'trig' })).items).toHaveLength(1);
    const paperReport = (await allItems(db)).find((it) => it.title === QUAKE[1]!.title)!;
    expect(paperReport.folded).toBe(1);
    expect(await splitFromStory(db, paperReport.id, set)).toBe(true);
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows.map((it) => it.title)).toContain(QUAKE[1]!.title);
    expect(rows.find((it) => it.title === QUAKE[0]!.title)!.storyInfo?.reports).toBe(2);
    // The topic now tags the paper's own row, not the story's.
    expect((await loadPage(db, { kind: 'topic', id: 'trig' })).items.map((it) => it.title)).toEqual([QUAKE[1]!.title]);
    expect((await loadCounts(db, [], [])).all).toBe(4);
    await expectCountersExact(db, { all: 5 });
    // The same report polled again is an update, and a later poll of it never rejoins.
    await storePoll(db, paper, [QUAKE[1]!], NOW + 9 * MIN, ON, {}, set);
    expect((await allItems(db)).find((it) => it.id === paperReport.id)!.story).toBeUndefined();
  });

  it('taking the second of two reports out leaves no story', async () => {
    const { splitFromStory } = await import('@/utils/db/stories/story-split');
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, ON);
    const folded = (await allItems(db)).find((it) => it.folded === 1)!;
    await splitFromStory(db, folded.id, topicSet([]));
    expect((await allItems(db)).every((it) => it.story === undefined && it.folded === undefined)).toBe(true);
    await expectCountersExact(db, { all: 2 });
    // A third outlet still joins the first report's story.
    const c = await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, ON);
    expect(c.joinedIds).toHaveLength(1);
    await expectCountersExact(db, { all: 3 });
  });
});

describe('grouping stored items once, and taking stories apart', () => {
  it('groups what was stored before grouping, in steps that resume, and takes it apart again when turned off', async () => {
    const { regroupStored, ungroupAll } = await import('@/utils/db/stories/story-regroup');
    await pollAll({ ...ON, groupStories: false });
    expect((await loadCounts(db, [], [])).all).toBe(5);
    // A job stopped after its first step (one item) goes on where it was.
    let steps = 0;
    const stop = async () => {
      if (++steps === 1) throw new Error('worker stopped');
    };
    await expect(regroupStored(db, [], NOW + 3 * MIN, { chunk: 1, pause: stop })).rejects.toThrow('worker stopped');
    expect((await db.get('meta', 'regroup'))?.done).toBeGreaterThan(0);
    resetDbForTests();
    db.close();
    db = await getDb();
    await regroupStored(db, [], NOW + 3 * MIN, { chunk: 2, pause: async () => {} });
    expect((await loadCounts(db, [], [])).all).toBe(3);
    expect((await allItems(db)).filter((it) => it.folded === 1)).toHaveLength(2);
    await expectCountersExact(db, { all: 5 });
    // Nothing is placed twice.
    expect(await regroupStored(db, [], NOW + 4 * MIN)).toBe(0);
    await ungroupAll(db, topicSet([]));
    expect((await loadCounts(db, [], [])).all).toBe(5);
    expect(await db.getAll('stories')).toHaveLength(0);
    await expectCountersExact(db, { all: 5 });
  });
});

describe('a write that fails half-way (a worker killed mid-poll)', () => {
  it('leaves no story, no report and no count behind, and the next poll groups as if it never happened', async () => {
    const { storePolls } = await import('@/utils/db/items');
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON);
    const before = { items: await allItems(db), counters: await db.getAll('counters'), terms: await db.getAll('storyTerms') };
    // The paper's report joins the story, then the TV's poll fails inside the same transaction.
    const broken = { ...QUAKE[2]! };
    Object.defineProperty(broken, 'title', { get: () => { throw new Error('killed'); } });
    await expect(storePolls(db, [
      { source: paper, parsed: [QUAKE[1]!], now: NOW + MIN, settings: ON, sourcePatch: {} },
      { source: tv, parsed: [broken], now: NOW + MIN, settings: ON, sourcePatch: {} },
    ])).rejects.toThrow('killed');
    expect(await allItems(db)).toEqual(before.items);
    expect(await db.getAll('stories')).toEqual([]);
    expect(await db.getAll('counters')).toEqual(before.counters);
    expect(await db.getAll('storyTerms')).toEqual(before.terms);
    // The grouper held the paper's report placed: it was dropped, so nothing joins a report never stored.
    const again = await storePoll(db, paper, [QUAKE[1]!], NOW + 2 * MIN, ON);
    expect(again.joinedIds).toHaveLength(1);
    const stories = await db.getAll('stories');
    expect(stories).toHaveLength(1);
    expect(stories[0]!.items).toHaveLength(2);
    await expectCountersExact(db, { all: 2 });
  });
});

describe('favourite sources', () => {
  it('a favourite source\'s report heads its story: its headline is the row, the first report folds under it', async () => {
    const fav = { ...tv, favourite: true };
    await db.put('sources', fav);
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, ON);
    await storePoll(db, fav, [QUAKE[2]!], NOW + 2 * MIN, ON);
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows.map((it) => it.title)).toEqual([QUAKE[2]!.title]);
    expect(rows[0]!.storyInfo).toEqual({ reports: 3, sources: 3, newReports: 0 });
    expect((await allItems(db)).filter((it) => it.folded === 1).map((it) => it.title).sort()).toEqual([QUAKE[0]!.title, QUAKE[1]!.title].sort());
    await expectCountersExact(db, { all: 3 });
  });
});

describe('following a story\'s developments through a topic', () => {
  it('a report matching a topic that follows developments brings the read story back unread', async () => {
    const topic: Topic = { id: 'lift', name: 'Lifted', query: 'lifted', sourceIds: [], notify: false, breaking: false, createdAt: 0, followStories: true };
    const set = topicSet([topic]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON, {}, set);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, ON, {}, set);
    const row = (await loadPage(db, { kind: 'all' })).items[0]!;
    await markRead(db, [row.id], true);
    // A report that does not match the topic stays quiet...
    await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, ON, {}, set);
    expect((await loadPage(db, { kind: 'unread' })).items).toHaveLength(0);
    // ...one that does brings the story back.
    const radio = await addSource(db, { name: 'Radio', url: 'https://radio.example/rss' });
    await storePoll(db, radio, [item('Chile earthquake 7.1: tsunami warning lifted along the coast', 'https://radio.example/chile-earthquake-tsunami', 2)], NOW + 3 * MIN, ON, {}, set);
    expect((await loadPage(db, { kind: 'unread' })).items.map((it) => it.id)).toEqual([row.id]);
    await expectCountersExact(db);
  });
});

describe('not the same story, with topics', () => {
  it('a story of two taken apart: the row left no longer carries the topic only the other report matched', async () => {
    const { splitFromStory } = await import('@/utils/db/stories/story-split');
    const topic: Topic = { id: 'trig', name: 'Triggers', query: 'triggers', sourceIds: [], notify: false, breaking: false, createdAt: 0 };
    const set = topicSet([topic]);
    await storePoll(db, wire, [QUAKE[0]!], NOW, ON, {}, set);
    await storePoll(db, paper, [QUAKE[1]!], NOW + MIN, ON, {}, set);
    expect((await loadPage(db, { kind: 'topic', id: 'trig' })).items.map((it) => it.title)).toEqual([QUAKE[0]!.title]);
    const folded = (await allItems(db)).find((it) => it.folded === 1)!;
    await splitFromStory(db, folded.id, set);
    expect((await loadPage(db, { kind: 'topic', id: 'trig' })).items.map((it) => it.title)).toEqual([QUAKE[1]!.title]);
    await expectCountersExact(db, { all: 2 });
  });
});
