// The one way to add a source (utils/sources/add-source.ts): check, inspect, pick the feed, the
// duplicate rules, then the worker's write — its effects faked here, the writer real (fake-indexeddb).
import { describe, expect, it, vi } from 'vitest';
import { openNewsDb } from '@/utils/db/open';
import { listSources, makeSource } from '@/utils/db/sources';
import type { Inspection } from '@/utils/inspect-source';
import type { Source } from '@/utils/model';
import { addChecked, addFeedAt, addMany, checkAddress, checkApiSource, type AddSourceDeps } from '@/utils/sources/add-source';
import { askSourceChange } from '@/utils/sources/ask-sources';
import { writeSources } from '@/utils/sources/write-sources';
import type { Message } from '@/utils/messages';

const NOW = 1_700_000_000_000;
let n = 0;

const feed = (url: string, extra: Partial<Extract<Inspection, { kind: 'feed' }>> = {}): Inspection => ({ kind: 'feed', url, feedKind: 'rss', title: 'Harbour News', items: 1, finalUrl: url, ...extra });

/** The use case with scripted inspections, over the real writer (as the worker answers). */
async function setup(pages: Record<string, Inspection>, known: Source[] = []) {
  const db = await openNewsDb(`add-source-${++n}`);
  for (const s of known) await db.put('sources', s);
  const ask = vi.fn(async (m: Message) => (m.type === 'changeSources' ? writeSources({ db, now: () => NOW, keys: { set: async () => {}, remove: async () => {} }, serverConnected: async () => false }, m.change) : undefined));
  const deps: AddSourceDeps = {
    known: () => known,
    inspect: vi.fn(async (url: string) => pages[url] ?? { kind: 'problem', problem: { code: 'unreachable' } }),
    change: (c) => askSourceChange(ask, c),
  };
  return { db, deps, ask };
}

describe('adding a source', () => {
  it('checks the typed address first: a missing site, or one the user has', () => {
    expect(checkAddress('feed.xml', [])).toEqual({ problem: { code: 'needsFullUrl' } });
    const harbour = makeSource({ name: 'Harbour', url: 'https://harbour.example/rss' }, NOW);
    expect(checkAddress('http://harbour.example/rss/', [harbour])).toEqual({ problem: { code: 'duplicate', name: 'Harbour' } });
    expect(checkAddress('harbour.example/news', [harbour])).toEqual({ url: 'https://harbour.example/news' });
  });

  it('adds a feed under its title, its redirect and self link kept as aliases', async () => {
    const { db, deps } = await setup({ 'https://harbour.example/rss': feed('https://harbour.example/rss', { finalUrl: 'https://www.harbour.example/rss', selfUrl: 'https://feeds.harbour.example/main' }) });
    const r = await addFeedAt(deps, 'https://harbour.example/rss');
    expect(r).toMatchObject({ kind: 'added', source: { name: 'Harbour News', kind: 'rss' } });
    expect((await listSources(db))[0]).toMatchObject({ url: 'https://harbour.example/rss', aliases: ['https://www.harbour.example/rss', 'https://feeds.harbour.example/main'] });
  });

  it('a page: its feeds are offered to pick from; from the list itself, a page is no feed', async () => {
    const page: Inspection = { kind: 'page', url: 'https://harbour.example/', feeds: [{ url: 'https://harbour.example/rss', title: 'Harbour', type: 'rss' }] };
    const { db, deps } = await setup({ 'https://harbour.example/': page });
    expect(await addFeedAt(deps, 'https://harbour.example/')).toEqual(page);
    expect(await addFeedAt(deps, 'https://harbour.example/', { fromList: true })).toEqual({ kind: 'problem', problem: { code: 'notFeed' } });
    expect(await listSources(db)).toEqual([]);
  });

  it('a page with one feed: taken when its site is allowed, else nothing is added', async () => {
    const page: Inspection = { kind: 'page', url: 'https://harbour.example/', feeds: [{ url: 'https://cdn.example/rss', title: 'Harbour', type: 'rss' }] };
    const pages = { 'https://harbour.example/': page, 'https://cdn.example/rss': feed('https://cdn.example/rss') };
    const refused = await setup(pages);
    expect(await addFeedAt(refused.deps, 'https://harbour.example/', { takeOnlyFeed: async () => false })).toEqual({ kind: 'notAllowed' });
    expect(await listSources(refused.db)).toEqual([]);
    const allowed = await setup(pages);
    const asked: string[] = [];
    const r = await addFeedAt(allowed.deps, 'https://harbour.example/', { takeOnlyFeed: async (f) => (asked.push(f.url), true) });
    expect(asked).toEqual(['https://cdn.example/rss']);
    expect(r).toMatchObject({ kind: 'added', source: { url: 'https://cdn.example/rss' } });
  });

  it('passes on what went wrong reading the address, as its problem code', async () => {
    const { deps } = await setup({});
    expect(await addFeedAt(deps, 'https://gone.example/rss')).toEqual({ kind: 'problem', problem: { code: 'unreachable' } });
  });

  it('refuses a feed the user has under another address (its redirect), before asking the worker', async () => {
    const known = [makeSource({ name: 'Harbour', url: 'https://www.harbour.example/rss' }, NOW)];
    const { deps, ask } = await setup({ 'https://harbour.example/rss': feed('https://harbour.example/rss', { finalUrl: 'https://www.harbour.example/rss' }) }, known);
    expect(await addFeedAt(deps, 'https://harbour.example/rss')).toEqual({ kind: 'problem', problem: { code: 'duplicate', name: 'Harbour' } });
    expect(ask).not.toHaveBeenCalled();
  });

  it('the worker refuses a duplicate the page did not know of, and the problem comes back', async () => {
    const { db, deps } = await setup({});
    await db.put('sources', makeSource({ name: 'Harbour', url: 'https://harbour.example/rss' }, NOW));
    expect(await addChecked(deps, { name: 'Again', url: 'https://harbour.example/rss' })).toEqual({ kind: 'problem', problem: { code: 'duplicate', name: 'Harbour' } });
  });

  it('no worker answering is a problem, not a silent success', async () => {
    const deps: AddSourceDeps = { known: () => [], inspect: async (u) => feed(u), change: (c) => askSourceChange(async () => undefined, c) };
    expect(await addFeedAt(deps, 'https://harbour.example/rss')).toEqual({ kind: 'problem', problem: { code: 'unreachable' } });
  });
});

describe('adding a news API source', () => {
  const QUERY = 'https://gnews.io/api/v4/search?q=harbour';

  it('says what is wrong: no key, a query that makes no request, a repeat', () => {
    expect(checkApiSource('gnews', QUERY, ' ', '', [])).toEqual({ fault: 'noKey' });
    expect(checkApiSource('newsapi', 'http://', 'k', '', [])).toEqual({ fault: 'badQuery' });
    const known = [makeSource({ name: 'G', url: QUERY, kind: 'gnews' }, NOW)];
    expect(checkApiSource('gnews', QUERY, 'k', '', known)).toEqual({ fault: 'duplicate' });
  });

  it('the same query of GNews and of NewsAPI are two sources, not a duplicate', async () => {
    const { db, deps } = await setup({});
    const g = checkApiSource('gnews', 'harbour', 'k1', '', []);
    if (!('source' in g)) throw new Error('refused');
    expect(g.origin).toBe('https://gnews.io/*');
    await addChecked(deps, g.source, 'k1');
    const known = await listSources(db);
    const na = checkApiSource('newsapi', 'harbour', 'k2', '', known);
    if (!('source' in na)) throw new Error(`refused: ${na.fault}`);
    expect(await addChecked({ ...deps, known: () => known }, na.source, 'k2')).toMatchObject({ kind: 'added', source: { kind: 'newsapi', name: 'NewsAPI' } });
    expect((await listSources(db)).map((s) => [s.kind, s.url]).sort()).toEqual([['gnews', 'harbour'], ['newsapi', 'harbour']]);
  });

  it('an empty query is the provider\'s default request, named after it', () => {
    const r = checkApiSource('guardian', '  ', 'k', '', []);
    expect(r).toMatchObject({ source: { kind: 'guardian', url: 'https://content.guardianapis.com/search', name: 'The Guardian' }, origin: 'https://content.guardianapis.com/*' });
  });
});

describe('adding many', () => {
  it('adds them all at once and names those already there', async () => {
    const { db, deps } = await setup({});
    await db.put('sources', makeSource({ name: 'Harbour', url: 'https://harbour.example/rss' }, NOW));
    const r = await addMany(deps, [{ name: 'A', url: 'https://a.example/rss' }, { name: 'H', url: 'https://harbour.example/rss' }]);
    expect(r.added.map((s) => s.name)).toEqual(['A']);
    expect(r.skipped).toEqual([{ name: 'H', url: 'https://harbour.example/rss', as: 'Harbour' }]);
  });
});
