import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { createReaderModel } from '@/components/reader/model';
import type { ReaderEnv } from '@/components/reader/reader-env';
import { FetchError } from '@/utils/net/fetch-source';
import { readerErrorText } from '@/components/reader/ReaderView';
import type { Item } from '@/utils/model';
import { page } from './fixtures';
import { toRecord } from '@/utils/db/items/item-record';

const URL_A = 'https://news.harbour.example/2026/11/barrier-vote';

function item(id: string, url: string): Item {
  return { id, sourceId: 's', guid: id, url, title: `Feed title ${id}`, summaryHtml: '<p>Feed summary</p>', contentHtml: '', published: 1, fetched: 1, read: 0, starred: 0, breaking: 0, alert: 0, topics: [], words: [], topicKeys: [] } as unknown as Item;
}

function fakeEnv(db: NewsDb, pages: Record<string, string>, granted = new Set<string>()) {
  const calls = { fetched: [] as string[], asked: [] as Array<[string, boolean]> };
  let online = true;
  const env: ReaderEnv = {
    db: async () => db,
    async fetchPage(url) {
      calls.fetched.push(url);
      if (!(url in pages)) throw new FetchError({ code: 'http', status: 404 }, 404);
      return { url, html: pages[url] };
    },
    canRead: async (origin) => granted.has(origin) || granted.has('*'),
    async askToRead(origin, all) {
      calls.asked.push([origin, all]);
      granted.add(all ? '*' : origin);
      return true;
    },
    loadPrefs: async () => ({ fontStep: 1 }),
    savePrefs: async () => {},
    online: () => online,
    now: () => 1000,
  };
  return { env, calls, setOnline: (v: boolean) => (online = v) };
}

async function dbWithItems(name: string, items: Item[]) {
  const db = await openNewsDb(name);
  for (const it of items) await db.put('items', toRecord(it));
  return db;
}

describe('the reader model', { timeout: 30_000 }, () => {
  it('asks for the site first, reads the article once allowed, keeps an offline copy and opens it with no network', async () => {
    const a = item('a', URL_A);
    const db = await dbWithItems('reader-model-1', [a]);
    const f = fakeEnv(db, { [URL_A]: page('news-article.html') });
    const m = createReaderModel(f.env);
    await m.open(a);
    expect(m.state.value).toEqual({ kind: 'ask', origin: 'https://news.harbour.example', host: 'news.harbour.example' });
    expect(f.calls.fetched).toEqual([]);
    await m.allow(false);
    expect(f.calls.asked).toEqual([['https://news.harbour.example', false]]);
    const s = m.state.value;
    expect(s.kind).toBe('article');
    if (s.kind !== 'article') return;
    expect(s.offline).toBe(false);
    expect(s.article.title).toBe('Coastal towns vote to share one flood barrier');
    // Offline, the same item opens from its copy: text, pictures as links, no fetch.
    f.setOnline(false);
    await m.open(a);
    const c = m.state.value;
    expect(c.kind === 'article' && c.offline).toBe(true);
    if (c.kind !== 'article') return;
    expect(c.article.text).toContain('Three coastal towns voted');
    expect(c.article.html).not.toMatch(/<img/);
    expect(c.article.html).toMatch(/<a href="https:\/\/news\.harbour\.example\/media\/2026\/barrier-1200\.jpg"[^>]*>\[Picture: The estuary at low tide/);
    expect(f.calls.fetched).toEqual([URL_A]);
    db.close();
  });

  it('"allow all sites" is remembered for every site', async () => {
    const b = item('b', 'https://other.example/story');
    const db = await dbWithItems('reader-model-2', [b]);
    const f = fakeEnv(db, { 'https://other.example/story': page('news-article.html') });
    const m = createReaderModel(f.env);
    await m.open(b);
    await m.allow(true);
    expect(f.calls.asked).toEqual([['https://other.example', true]]);
    expect(m.state.value.kind).toBe('article');
    db.close();
  });

  it('falls back with a reason for pages that are not articles, and says what failed in words', async () => {
    const urls = { live: 'https://n.example/live', pay: 'https://n.example/pay', video: 'https://n.example/video', none: 'https://n.example/front' };
    const db = await dbWithItems('reader-model-3', []);
    const f = fakeEnv(db, { [urls.live]: page('live.html'), [urls.pay]: page('paywall.html'), [urls.video]: page('video.html'), [urls.none]: page('section-front.html') }, new Set(['*']));
    const m = createReaderModel(f.env);
    for (const [reason, url] of [['live', urls.live], ['paywall', urls.pay], ['video', urls.video], ['none', urls.none]] as const) {
      await m.open(item(reason, url));
      expect(m.state.value).toEqual({ kind: 'fallback', reason });
    }
    await m.open(item('gone', 'https://n.example/gone'));
    const failed = m.state.value;
    expect(failed).toEqual({ kind: 'error', problem: { code: 'http', status: 404 } });
    if (failed.kind !== 'error') return;
    expect(readerErrorText(failed)).toBe('Could not load the article: the server answered 404: nothing is at this address any more. Here is what the feed sent.');
    f.setOnline(false);
    await m.open(item('never', 'https://n.example/never'));
    expect(m.state.value.kind).toBe('error');
    expect(m.state.value).toEqual({ kind: 'error', offline: true });
    await m.open(item('bad', 'javascript:alert(1)'));
    expect(m.state.value).toEqual({ kind: 'fallback', reason: 'none' });
    db.close();
  });

  it('a late answer for an article the user has left is dropped', async () => {
    const db = await dbWithItems('reader-model-4', []);
    let release!: () => void;
    const f = fakeEnv(db, {}, new Set(['*']));
    f.env.fetchPage = (url) => new Promise((r) => (release = () => r({ url, html: page('news-article.html') })));
    const m = createReaderModel(f.env);
    const first = m.open(item('slow', 'https://n.example/slow'));
    await new Promise((r) => setTimeout(r, 10));
    m.close();
    release();
    await first;
    expect(m.item.value).toBeNull();
    expect(m.state.value.kind).toBe('loading');
    db.close();
  });
});
