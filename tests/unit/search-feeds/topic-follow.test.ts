// A topic that searches the news, end to end in the store: its search becomes a source it owns, polled
// politely (30 min and more, a 429 backs off hours and is remembered for the topic, an hourly cap across
// topics), only what the topic's query matches is kept and tagged with the topic (even when the topic
// is limited to other sources), and turning the search off removes its items unless starred.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollerContext, rss } from '../poller/helpers';
import { pollDue } from '@/utils/poller/poll';
import { followTopicSearches } from '@/utils/db/search-sources';
import { getSource, listSources } from '@/utils/db/sources';
import { loadPage } from '@/utils/db/queries';
import { setStar } from '@/utils/db/read-state';
import { topicSet } from '@/utils/topics/rematch';
import { searchSourceId } from '@/utils/search-feeds/topic-source';
import type { SearchRequestLog } from '@/utils/poller/search-poll';
import type { Topic } from '@/utils/model';

const GN_BODY = fs.readFileSync('tests/fixtures/search-feeds/google-news-en.xml', 'utf8');
const topic: Topic = { id: 't-cease', name: 'Ceasefire', query: '"ceasefire talks"', sourceIds: ['s-elsewhere'], notify: true, breaking: false, createdAt: 1, search: { kind: 'googleNews' } };
const MIN = 60_000;

describe('a topic that searches the news', () => {
  const c = pollerContext();
  const follow = (topics: Topic[]) => followTopicSearches(c.db, topics, 'en-GB', c.clock.t, c.srv.origin);

  it('follows a search source it owns, at the test server, in the edition of the locale', async () => {
    expect(await follow([topic])).toMatchObject({ added: 1 });
    const src = (await getSource(c.db, searchSourceId(topic.id)))!;
    expect(src).toMatchObject({ topicId: 't-cease', searchEngine: 'googleNews', name: 'Ceasefire · Google News', enabled: true });
    expect(src.url).toBe(`${c.srv.origin}/rss/search?q=%22ceasefire+talks%22&hl=en-GB&gl=GB&ceid=GB%3Aen`);
    expect(await follow([topic])).toMatchObject({ added: 0, updated: 0, removed: 0 });
    // Bing instead: the same source, moved (another request: no validators kept).
    await follow([{ ...topic, search: { kind: 'bingNews' } }]);
    expect((await getSource(c.db, src.id))!.url).toBe(`${c.srv.origin}/news/search?q=%22ceasefire+talks%22&format=rss`);
  });

  it('keeps what the topic matches, tags it with the topic, and waits 30 minutes or more', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    await follow([topic]);
    const out = await pollDue(c.deps({ topics: topicSet([topic]) }));
    expect(out).toMatchObject([{ kind: 'stored' }]);
    const rows = (await loadPage(c.db, { kind: 'topic', id: topic.id })).items;
    // "Talks - a view from the region" does not say "ceasefire talks": the engine's loose match, filtered out.
    expect(rows.map((r) => [r.title, r.outlet]).sort()).toEqual([['Ceasefire talks resume in Cairo', 'Reuters'], ['What the ceasefire talks could mean for aid', 'The Guardian']]);
    expect(rows.every((r) => r.alert === 1)).toBe(true);
    const src = (await getSource(c.db, searchSourceId(topic.id)))!;
    expect(src.nextPollAt - c.clock.t).toBeGreaterThanOrEqual(30 * MIN);
    // "Refresh now" does not hurry a search.
    c.clock.t += 5 * MIN;
    expect(await pollDue(c.deps({ topics: topicSet([topic]) }), { force: true })).toEqual([]);
    // When due again: a conditional GET, answered 304, and the next one 30 minutes or more away.
    c.clock.t += 36 * MIN;
    expect(await pollDue(c.deps({ topics: topicSet([topic]) }))).toMatchObject([{ kind: 'not-modified' }]);
    expect((await getSource(c.db, src.id))!.nextPollAt - c.clock.t).toBeGreaterThanOrEqual(30 * MIN);
  });

  it('a 429 backs off for hours and is remembered for the topic to say', async () => {
    c.srv.route('/rss/search', { status: 429, body: 'slow down' });
    await follow([topic]);
    expect(await pollDue(c.deps({ topics: topicSet([topic]) }))).toMatchObject([{ kind: 'error', problem: { code: 'http', status: 429 } }]);
    const src = (await getSource(c.db, searchSourceId(topic.id)))!;
    expect(src.throttledUntil! - c.clock.t).toBeGreaterThanOrEqual(2 * 60 * MIN);
    expect(src.nextPollAt).toBe(src.throttledUntil);
  });

  it('caps searches per hour across topics; the rest wait, still due', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    const topics = Array.from({ length: 14 }, (_, i) => ({ ...topic, id: `t-${i}`, query: `"ceasefire talks" word${i}` }));
    await follow(topics);
    let times: number[] = [];
    const searchLog: SearchRequestLog = { load: async () => times, save: async (t) => void (times = t) };
    expect(await pollDue(c.deps({ topics: topicSet(topics), searchLog }))).toHaveLength(12);
    expect(times).toHaveLength(12);
    expect((await listSources(c.db)).filter((s) => s.nextPollAt <= c.clock.t)).toHaveLength(2);
    c.clock.t += 61 * MIN;
    expect(await pollDue(c.deps({ topics: topicSet(topics), searchLog }))).toHaveLength(12);
  });

  it('a changed query drops what the search found that the topic no longer matches, unless starred', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    await follow([topic]);
    await pollDue(c.deps({ topics: topicSet([topic]) }));
    const rows = (await loadPage(c.db, { kind: 'all' })).items;
    const guardian = rows.find((r) => r.outlet === 'The Guardian')!;
    await setStar(c.db, guardian.id, true);
    // Now only Cairo: the Guardian's item no longer matches, but it is starred; nothing else goes.
    expect(await follow([{ ...topic, query: '"ceasefire talks" cairo' }])).toMatchObject({ updated: 1, itemsRemoved: 0 });
    await setStar(c.db, guardian.id, false);
    expect(await follow([{ ...topic, query: '"ceasefire talks" cairo OR geneva' }])).toMatchObject({ updated: 1, itemsRemoved: 1 });
    expect((await loadPage(c.db, { kind: 'all' })).items.map((r) => r.outlet)).toEqual(['Reuters']);
  });

  it('turned off, its items go unless starred; the source stays only to name those', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    await follow([topic]);
    await pollDue(c.deps({ topics: topicSet([topic]) }));
    const [first] = (await loadPage(c.db, { kind: 'all' })).items;
    await setStar(c.db, first!.id, true);
    expect(await follow([{ ...topic, search: undefined }])).toMatchObject({ removed: 1, itemsRemoved: 1 });
    expect((await loadPage(c.db, { kind: 'all' })).items.map((r) => r.title)).toEqual([first!.title]);
    expect(await getSource(c.db, searchSourceId(topic.id))).toMatchObject({ enabled: false });
    // Removed topic, nothing starred: the source goes too.
    await setStar(c.db, first!.id, false);
    await follow([topic]);
    expect(await follow([])).toMatchObject({ removed: 1, itemsRemoved: 1 });
    expect(await getSource(c.db, searchSourceId(topic.id))).toBeUndefined();
  });
});

describe('the same article through a search and a subscribed feed', () => {
  const c = pollerContext();
  const wire = (items: Array<{ title: string; link: string }>) => rss(items.map((i, n) => ({ ...i, guid: i.link, date: new Date(Date.UTC(2026, 10, 25, 11, n)).toUTCString() })));

  it('is one row, notified once: by its link (Bing\'s redirect resolved) or as the same story (Google\'s opaque link)', async () => {
    c.srv.route('/wire.rss', { body: wire([
      { title: 'Ceasefire talks resume in Cairo', link: 'https://www.reuters.com/world/ceasefire-talks-resume-cairo-2026-12-07/' },
      { title: 'Markets close higher on tech rally', link: 'https://wire.example/markets' },
      { title: 'Storm warning for the north coast', link: 'https://wire.example/storm' },
    ]) });
    await c.add('/wire.rss');
    const t: Topic = { ...topic, sourceIds: [] };
    const settings = { retentionDays: 30, maxItemsPerSource: 500, groupStories: true };
    await pollDue(c.deps({ topics: topicSet([t]), settings }));
    c.srv.route('/rss/search', { body: GN_BODY });
    c.srv.route('/news/search', { body: fs.readFileSync('tests/fixtures/search-feeds/bing-news.xml', 'utf8') });
    for (const search of [{ kind: 'googleNews' as const }, { kind: 'bingNews' as const }]) {
      const tp = { ...t, search };
      await followTopicSearches(c.db, [tp], 'en-US', c.clock.t, c.srv.origin);
      await pollDue(c.deps({ topics: topicSet([tp]), settings }));
      const rows = (await loadPage(c.db, { kind: 'topic', id: t.id })).items;
      expect(rows.filter((r) => /ceasefire talks resume/i.test(r.title)), search.kind).toHaveLength(1);
      const alerts = await c.db.getAll('pendingAlerts');
      expect(alerts.filter((a) => rows.find((r) => r.id === a.itemId && /resume/i.test(r.title))), search.kind).toHaveLength(1);
      c.clock.t += 31 * MIN;
    }
  });
});

describe('the hourly cap\'s record unreadable', () => {
  const c = pollerContext();
  it('skips the searches this time and polls the other sources', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    c.srv.route('/plain.rss', { body: rss([{ guid: 'a', title: 'Plain news' }]) });
    await c.add('/plain.rss');
    await followTopicSearches(c.db, [topic], 'en-US', c.clock.t, c.srv.origin);
    const searchLog: SearchRequestLog = { load: async () => { throw new Error('storage is gone'); }, save: async () => {} };
    const out = await pollDue(c.deps({ topics: topicSet([topic]), searchLog }));
    expect(out.map((o) => o.sourceId)).toEqual([(await listSources(c.db)).find((s) => !s.topicId)!.id]);
  });
});

describe('a search this browser may not read yet', () => {
  const c = pollerContext();
  it('is not asked at all (no failure, no back-off) until allowed', async () => {
    c.srv.route('/rss/search', { body: GN_BODY });
    await followTopicSearches(c.db, [topic], 'en-US', c.clock.t, c.srv.origin);
    let allowed = false;
    const deps = () => c.deps({ topics: topicSet([topic]), searchAllowed: async () => allowed });
    expect(await pollDue(deps())).toEqual([]);
    expect(await getSource(c.db, searchSourceId(topic.id))).toMatchObject({ health: 'new', failures: 0 });
    allowed = true;
    expect(await pollDue(deps())).toMatchObject([{ kind: 'stored' }]);
  });
});
