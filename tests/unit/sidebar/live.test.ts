import { describe, expect, it } from 'vitest';
import { listRows, looksLive, oneLinePerUpdate, tickerGroups } from '@/utils/sidebar/live';
import { createLiveFollow, type LiveEnv } from '@/components/sidebar/live-follow';
import type { Item, Source } from '@/utils/model';
import type { Message } from '@/utils/messages';

const item = (id: string, sourceId: string, published: number): Item =>
  ({ id, sourceId, title: id, url: `https://x.example/${id}`, summaryHtml: '', contentHtml: '', published, firstSeen: published, updated: 0, categories: [], breaking: 1, topics: [], alert: 0, read: 0, starred: 0, words: [] }) as Item;
const source = (id: string, kind: Source['kind'], extra: Partial<Source> = {}): Source =>
  ({ id, name: id, url: `https://x.example/${id}`, kind, enabled: true, intervalMin: 2, breaking: true, addedAt: 0, nextPollAt: 0, failures: 0, health: 'ok', ...extra }) as Source;

describe('live pages in the sidebar', () => {
  it('an article looks live when its title starts "Live" or its address has /live/', () => {
    expect(looksLive({ title: 'Live: storm', url: 'https://x.example/a' })).toBe(true);
    expect(looksLive({ title: 'LIVE updates from the count', url: 'https://x.example/a' })).toBe(true);
    expect(looksLive({ title: 'Storm', url: 'https://x.example/world/live/2025/jun/13/storm' })).toBe(true);
    expect(looksLive({ title: 'Storm', url: 'https://x.example/demo/live' })).toBe(true);
    expect(looksLive({ title: 'Liverpool win the cup', url: 'https://x.example/sport/liverpool' })).toBe(false);
    expect(looksLive({ title: 'How we live now', url: 'https://x.example/lively' })).toBe(false);
  });

  it('the ticker groups updates by live page, newest first; a quiet followed page keeps its heading', () => {
    const sources = [source('feed', 'feed'), source('storm', 'live', { live: { state: 'live', title: 'Storm live' } }), source('vote', 'live'), source('quiet', 'live')];
    const groups = tickerGroups([item('s1', 'storm', 10), item('f1', 'feed', 50), item('v1', 'vote', 30), item('s2', 'storm', 40)], sources);
    expect(groups.map((g) => [g.source?.id ?? 'other', g.items.map((i) => i.id)])).toEqual([
      ['other', ['f1']],
      ['storm', ['s2', 's1']],
      ['vote', ['v1']],
      ['quiet', []],
    ]);
  });
});

describe('following from the sidebar', () => {
  function env(over: Partial<LiveEnv> = {}) {
    const sent: Message[] = [];
    const requested: string[] = [];
    const e: LiveEnv = {
      ask: async (m) => {
        sent.push(m);
        return m.type === 'followLive' ? (m.url.includes('article') ? { ok: false, problem: { code: 'noLiveUpdates' } } : { ok: true, sourceId: 's-1' }) : true;
      },
      hasHostAccess: async () => false,
      requestHostAccess: async (url) => (requested.push(url), true),
      activeTab: async () => ({ url: 'https://news.example/live/vote', title: 'Vote live' }),
      ...over,
    };
    return { e, sent, requested };
  }

  it('says why before the browser asks for the site, and asks for that one site only when the user allows', async () => {
    const { e, sent, requested } = env();
    const live = createLiveFollow(e);
    await live.follow('https://news.example/live/storm', 'Storm live');
    expect(live.notice.value).toMatchObject({ kind: 'ask', host: 'news.example' });
    expect(sent).toEqual([]);
    await live.allow();
    expect(requested).toEqual(['https://news.example/live/storm']);
    expect(sent).toEqual([{ type: 'followLive', url: 'https://news.example/live/storm', title: 'Storm live' }]);
    expect(live.notice.value).toMatchObject({ kind: 'done', title: 'Storm live' });
  });

  it('follows at once when the site is already allowed; a page without updates is said in plain words', async () => {
    const { e, sent } = env({ hasHostAccess: async () => true });
    const live = createLiveFollow(e);
    await live.follow('https://news.example/article', 'Budget');
    expect(sent).toHaveLength(1);
    expect(live.notice.value).toEqual({ kind: 'error', text: 'This page has no live updates, so there is nothing to follow.' });
  });

  it('a refused site: nothing is followed, and the user is told why', async () => {
    const { e, sent } = env({ requestHostAccess: async () => false });
    const live = createLiveFollow(e);
    await live.follow('https://news.example/live/storm');
    await live.allow();
    expect(sent).toEqual([]);
    expect(live.notice.value).toMatchObject({ kind: 'error' });
  });

  it('"Follow this page" follows the tab in front; without a visible tab it says what to do', async () => {
    const { e, sent } = env({ hasHostAccess: async () => true });
    await createLiveFollow(e).followCurrentTab();
    expect(sent).toEqual([{ type: 'followLive', url: 'https://news.example/live/vote', title: 'Vote live' }]);
    const blind = createLiveFollow(env({ activeTab: async () => ({ title: 'x' }) }).e);
    await blind.followCurrentTab();
    expect(blind.notice.value).toMatchObject({ kind: 'error', text: expect.stringContaining('toolbar button') });
  });
});

describe('a followed live page in the list and the ticker', () => {
  const storm = source('storm', 'live', { url: 'https://x.example/live/storm', live: { state: 'live', title: 'Live: storm on the coast' } });
  const feed = source('feed', 'feed');
  const byId = new Map([storm, feed].map((s) => [s.id, s]));

  it('the list shows the page once, as its newest update titled with the page and opening it', () => {
    const items = [item('s3', 'storm', 30), item('f1', 'feed', 25), item('s2', 'storm', 20), item('s1', 'storm', 10)];
    const rows = listRows(items, new Set(['s3', 's2']), byId);
    expect(rows.map((r) => [r.id, r.title, r.url])).toEqual([
      ['s3', 'Live: storm on the coast', 'https://x.example/live/storm'],
      ['f1', 'f1', 'https://x.example/f1'],
    ]);
  });

  it('other updates the ticker shows are not rows, unless a row is where a live page can be followed', () => {
    const live = { ...item('lv', 'feed', 5), title: 'Live: the count' };
    expect(listRows([item('f2', 'feed', 9), item('f1', 'feed', 8), live], new Set(['f2', 'lv']), byId).map((r) => r.id)).toEqual(['f1', 'lv']);
  });

  it('an update a subscribed feed also carries is one line in the ticker, from the followed page', () => {
    const fromPage = { ...item('p1', 'storm', 100_000), title: 'Power has been restored to 12,000 homes' };
    const fromFeed = { ...item('a1', 'feed', 160_000), title: 'Power has been restored to 12,000 homes.' };
    const later = { ...item('a2', 'feed', 100_000 + 60 * 60_000), title: 'Power has been restored to 12,000 homes' };
    const other = { ...item('a3', 'feed', 150_000), title: 'The mayor will speak' };
    expect(oneLinePerUpdate([fromFeed, other, fromPage, later], [storm, feed]).map((i) => i.id)).toEqual(['a3', 'p1', 'a2']);
  });
});
