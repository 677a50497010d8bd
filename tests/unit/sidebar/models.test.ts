// The sidebar store's models on their own, against a fake IndexedDB: the ordering rules that keep a
// slow answer from overwriting a newer one.
import { describe, expect, it } from 'vitest';
import { effect, signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NewsDb } from '@/utils/db/schema';
import type { Filter } from '@/utils/db/queries';
import type { SidebarEnv } from '@/components/sidebar/sidebar-env';
import { ListModel } from '@/components/sidebar/models/list';
import { SearchModel } from '@/components/sidebar/models/search';
import { FilterCountsModel } from '@/components/sidebar/models/filter-counts';
import { PreferencesModel } from '@/components/sidebar/models/preferences';
import { dbWith, item, NOW, source } from './fixtures';

function envFor(db: NewsDb, opens: { n: number } = { n: 0 }): SidebarEnv {
  return {
    db: async () => (opens.n++, db),
    sync: fakeBrowser.storage.sync,
    local: fakeBrowser.storage.local,
    send: async () => {},
    ask: async () => undefined,
    onMessage: () => () => {},
    onStorageChanged: () => () => {},
    openOptions: () => {},
    requestOrigins: async () => true,
    fetch: async () => new Response(''),
    now: () => NOW,
    online: () => true,
    onOnlineChanged: () => () => {},
    locale: 'en',
  };
}

describe('sidebar models', () => {
  it('list: a reload while the next page loads drops that page', async () => {
    const many = Array.from({ length: 30 }, (_, i) => item({ title: `Story ${i}`, read: i % 2 ? 1 : 0 }));
    const list = new ListModel(envFor(await dbWith(many, [source({ id: 's1', name: 'World' })])));
    await list.reloadList();
    expect(list.items.value).toHaveLength(12);
    const more = list.loadNextPage();
    list.chooseFilter({ kind: 'unread' });
    await list.reloadList();
    await more;
    expect(list.items.value.every((i) => i.read === 0)).toBe(true);
    expect(list.items.value).toHaveLength(12);
  });

  it('search: an older query answering late does not replace a newer one', async () => {
    const db = await dbWith([item({ title: 'Flood warning' }), item({ title: 'Election night' })]);
    const search = new SearchModel(envFor(db), signal<Filter>({ kind: 'all' }), () => 18);
    const first = search.search('flood');
    const second = search.search('election');
    await Promise.all([first, second]);
    expect(search.results.value?.items.map((i) => i.title)).toEqual(['Election night']);
    await search.search('  ');
    expect(search.results.value).toBeNull();
    expect(search.searching.value).toBe(false);
  });

  it('search: the first screenful first, then the whole answer with its count; a short answer at once', async () => {
    const floods = Array.from({ length: 10 }, (_, i) => item({ title: `Flood report ${i}`, published: NOW - i * 60_000 }));
    const db = await dbWith([...floods, item({ title: 'Election night' })]);
    const search = new SearchModel(envFor(db), signal<Filter>({ kind: 'all' }), () => 3);
    const seen: Array<{ titles: string[]; counted: boolean; query: string }> = [];
    const stop = effect(() => {
      const r = search.results.value;
      if (r) seen.push({ titles: r.items.map((i) => i.title), counted: r.counted, query: r.query });
    });
    await search.search('flood');
    const all = floods.map((i) => i.title);
    expect(seen).toEqual([
      { titles: all.slice(0, 3), counted: false, query: 'flood' },
      { titles: all, counted: true, query: 'flood' },
    ]);
    seen.length = 0;
    await search.search('election');
    expect(seen).toEqual([{ titles: ['Election night'], counted: true, query: 'election' }]);
    stop();
  });

  it('counts: requests during a count fold into one more count', async () => {
    const db = await dbWith([item({ title: 'A' }), item({ title: 'B', read: 1 })], [source({ id: 's1', name: 'World' })]);
    const opens = { n: 0 };
    const env = envFor(db, opens);
    const prefs = new PreferencesModel(env);
    await prefs.refreshSources();
    const counts = new FilterCountsModel(env, prefs);
    opens.n = 0;
    await Promise.all([counts.refreshCounts(), counts.refreshCounts(), counts.refreshCounts(), counts.refreshCounts()]);
    expect(opens.n).toBe(2);
    expect(counts.counts.value).toMatchObject({ all: 2, unread: 1, sources: { s1: 1 } }); // per source: unread
  });
});
