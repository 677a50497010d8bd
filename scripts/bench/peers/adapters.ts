// How the peer bench drives each extension: set it up empty, subscribe it to the feeds, start a refresh
// of all of them and tell when everything is stored, count what it holds, open its reading view.
// Newsbar through its worker's `newsbar` handle and its 'refresh' message; Brook (adamsanderson/brook)
// through its own dispatch channel; WebFeed (taoso/webfeed) through its bookmarks folder and its alarm.
import type { Page } from 'playwright-core';
import { sleep, type Launched } from './browser';
import type { Browser } from 'wxt/browser';

/** The extension's own `chrome` in the pages and worker these functions are evaluated in (types only). */
declare const chrome: typeof Browser;

export interface Refreshed {
  /** Trigger -> everything stored (what each extension keeps across a restart). */
  ms: number;
  /** Wall clock at the trigger, to place the server's first request and last answer. */
  startedAt: number;
  /** Brook: when each of its saves of the whole state happened (ms after the trigger). */
  saves?: number[];
}

export interface Adapter {
  name: 'newsbar' | 'brook' | 'webfeed';
  label: string;
  /** The reading view the user opens, and its article row. */
  readingPage: string;
  row: string;
  ready(b: Launched): Promise<void>;
  subscribe(b: Launched, urls: string[], page: Page): Promise<void>;
  refresh(b: Launched, page: Page, want: number): Promise<Refreshed>;
  count(b: Launched, page: Page): Promise<number>;
  storedBytes(page: Page): Promise<number>;
  /** Brings the reading view to the articles (Brook opens on a selected feed). */
  prepareReading?(page: Page): Promise<void>;
  /** Before a re-poll: makes every feed due the way the extension's user would. */
  prepareRepoll?(page: Page, feeds: number): Promise<void>;
  /** Re-poll with nothing new; resolves when done (or, with no signal of its own, at once). */
  repoll(b: Launched, page: Page): Promise<{ ms: number; startedAt: number }>;
}

interface NewsbarHandle {
  installed(): Promise<void>;
  getDb(): Promise<{ clear(store: string): Promise<void> }>;
  recount(): Promise<void>;
  addSource(s: { name: string; url: string }): Promise<unknown>;
  countItems(): Promise<number | { total?: number; all?: number }>;
}

async function sendRefresh(page: Page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const startedAt = Date.now();
    await chrome.runtime.sendMessage({ type: 'refresh' });
    return { ms: performance.now() - t0, startedAt };
  });
}

export const newsbar = (dir: string): Adapter & { dir: string } => ({
  name: 'newsbar',
  label: 'Newsbar',
  dir,
  readingPage: 'sidepanel.html',
  row: 'li.row',
  async ready(b) {
    for (let i = 0; i < 100; i++) {
      const w = b.context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${b.id}/`));
      if (w && (await w.evaluate(() => typeof (globalThis as { newsbar?: unknown }).newsbar === 'object').catch(() => false))) {
        b.sw = w;
        break;
      }
      await sleep(100);
    }
    await b.sw.evaluate(() => (globalThis as unknown as { newsbar: { installed(): Promise<void> } }).newsbar.installed());
    // No first-run sources or items, and no alarm poll racing the measured ones.
    await b.sw.evaluate(async () => {
      const nb = (globalThis as unknown as { newsbar: NewsbarHandle }).newsbar;
      await chrome.alarms.clear('poll');
      const db = await nb.getDb();
      await db.clear('items');
      await db.clear('sources');
      await nb.recount();
    });
  },
  async subscribe(b, urls) {
    await b.sw.evaluate(async (urls) => {
      const nb = (globalThis as unknown as { newsbar: NewsbarHandle }).newsbar;
      for (const [i, url] of urls.entries()) await nb.addSource({ name: `Bench ${i}`, url });
    }, urls);
  },
  refresh: (_b, page) => sendRefresh(page),
  async count(b) {
    return b.sw.evaluate(async () => {
      const c = await (globalThis as unknown as { newsbar: NewsbarHandle }).newsbar.countItems();
      return typeof c === 'number' ? c : (c.total ?? c.all ?? NaN);
    });
  },
  storedBytes: (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? NaN),
  repoll: (_b, page) => sendRefresh(page),
});

const brookDispatch = (page: Page, action: unknown) =>
  page.evaluate((action) => {
    chrome.runtime.sendMessage({ type: 'BROOK_DISPATCH_CHANNEL', action }).catch(() => {});
  }, action);

export const brook = (dir: string): Adapter & { dir: string } => ({
  name: 'brook',
  label: 'Brook',
  dir,
  readingPage: 'src/Sidebar/index.html',
  row: '.List .Item',
  // Its worker loads its (empty) state from storage.local before it wraps the store.
  ready: () => sleep(1500),
  async subscribe(_b, urls, page) {
    // Its own way in: a plain ADD_FEED action (addFeed()'s, with buildFeed()'s shape) on its dispatch channel.
    await page.evaluate((urls) => {
      for (const [i, url] of urls.entries()) {
        const feed = { id: `bench${i}`, type: 'FEED', format: undefined, isLoading: false, url, title: `Bench ${i}`, customTitle: undefined, isEditing: false, items: [], updatedAt: 0 };
        chrome.runtime.sendMessage({ type: 'BROOK_DISPATCH_CHANNEL', action: { type: 'ADD_FEED', payload: { feed } } }).catch(() => {});
      }
    }, urls);
    for (let i = 0; i < 100; i++) {
      const c = await page.evaluate(async () => Object.keys(((await chrome.storage.local.get('brook')) as { brook?: { feeds?: object } }).brook?.feeds ?? {}).length);
      if (c === urls.length) return;
      await sleep(200);
    }
    throw new Error('Brook: the feeds were not added');
  },
  /** FETCH_ALL (its refresh button's and its alarm's action); done = the first save of its whole state holding every item, no feed loading. */
  async refresh(_b, page, want) {
    return page.evaluate(async (want) => {
      type Feed = { items?: unknown[]; isLoading?: boolean };
      const saves: number[] = [];
      const t0 = performance.now();
      const startedAt = Date.now();
      const done = new Promise<number>((resolve) => {
        const on = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area !== 'local' || !changes.brook) return;
          const t = performance.now() - t0;
          saves.push(+t.toFixed(0));
          const feeds = Object.values((changes.brook.newValue as { feeds?: Record<string, Feed> } | undefined)?.feeds ?? {});
          let items = 0;
          let loading = 0;
          for (const f of feeds) {
            items += (f.items ?? []).length;
            if (f.isLoading) loading++;
          }
          if (items >= want && loading === 0 && feeds.length > 0) {
            chrome.storage.onChanged.removeListener(on);
            resolve(t);
          }
        };
        chrome.storage.onChanged.addListener(on);
      });
      chrome.runtime.sendMessage({ type: 'BROOK_DISPATCH_CHANNEL', action: { type: 'FETCH_ALL', payload: {} } }).catch(() => {});
      return { ms: await done, startedAt, saves };
    }, want);
  },
  count: (_b, page) =>
    page.evaluate(async () => Object.values(((await chrome.storage.local.get('brook')) as { brook?: { feeds?: Record<string, { items?: unknown[] }> } }).brook?.feeds ?? {}).reduce((n, f) => n + (f.items?.length ?? 0), 0)),
  storedBytes: (page) => page.evaluate(() => chrome.storage.local.getBytesInUse(null)),
  async prepareReading(page) {
    await brookDispatch(page, { type: 'SELECT_FEED', payload: { feed: { id: 'bench0' } } });
    await sleep(1500);
  },
  /** FETCH_ALL skips feeds that show unread items (all, right after the ingest): mark each viewed, as clicking it does. */
  async prepareRepoll(page, feeds) {
    await page.evaluate((n) => {
      for (let i = n - 1; i >= 0; i--) chrome.runtime.sendMessage({ type: 'BROOK_DISPATCH_CHANNEL', action: { type: 'SELECT_FEED', payload: { feed: { id: `bench${i}` } } } }).catch(() => {});
    }, feeds);
    await sleep(2500);
  },
  /** No completion signal of its own (a 304 changes nothing it saves): the caller waits for the answers. */
  async repoll(_b, page) {
    const startedAt = Date.now();
    await brookDispatch(page, { type: 'FETCH_ALL', payload: {} });
    return { ms: NaN, startedAt };
  },
});

/**
 * WebFeed's entry count, as an expression evaluated in one of its pages (a string: evaluated past the
 * page's CSP, which forbids eval), without creating its database: a versionless open before its
 * worker's would break its upgrade.
 */
export const WEBFEED_COUNT = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'web-feed')) return 0;
  const db = await new Promise((res, rej) => { const r = indexedDB.open('web-feed'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  try {
    if (!db.objectStoreNames.contains('entries')) return 0;
    return await new Promise((res, rej) => { const r = db.transaction('entries').objectStore('entries').count(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  } finally { db.close(); }
})()`;
const wfCount = (page: Page): Promise<number> => page.evaluate(WEBFEED_COUNT);

/** WebFeed's "fetch now" (last-fetch-at in the past) and its 'sync-feed' alarm set to fire now: its syncAll() runs as on its own alarm. */
async function webfeedSync(b: Launched, page: Page, want?: number): Promise<Refreshed> {
  await page.evaluate(() => {
    (window as unknown as { __wfLog: Promise<number> }).__wfLog = new Promise((resolve) => {
      const on = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && changes.fetchlog?.newValue) {
          chrome.storage.onChanged.removeListener(on);
          resolve(performance.now());
        }
      };
      chrome.storage.onChanged.addListener(on);
    });
  });
  await page.evaluate(`window.__wfCount = () => ${WEBFEED_COUNT}`);
  const t0 = await page.evaluate(() => performance.now());
  const startedAt = Date.now();
  await b.sw.evaluate(async () => {
    await chrome.storage.sync.set({ 'last-fetch-at': new Date('2000-01-01').toString() });
    await chrome.alarms.create('sync-feed', { when: Date.now() });
  });
  const ms = await page.evaluate(
    async ({ want, t0 }) => {
      const w = window as unknown as { __wfLog: Promise<number>; __wfCount(): Promise<number> };
      let logAt = NaN;
      let fullAt = NaN;
      void w.__wfLog.then((t) => (logAt = t));
      const deadline = performance.now() + 180_000;
      while (performance.now() < deadline) {
        if (!Number.isFinite(fullAt) && (want === null || (await w.__wfCount()) >= want)) fullAt = performance.now();
        if (Number.isFinite(fullAt) && Number.isFinite(logAt)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return Math.max(fullAt, logAt) - t0;
    },
    { want: want ?? null, t0 },
  );
  return { ms, startedAt };
}

export const webfeed = (dir: string, limit: number): Adapter & { dir: string } => ({
  name: 'webfeed',
  label: 'WebFeed',
  dir,
  readingPage: 'list.html',
  row: '.items article',
  async ready(b) {
    // Its onInstalled creates the 1-min 'sync-feed' alarm: wait for it and clear it, so no alarm poll races the measured ones.
    for (let i = 0; i < 50; i++) {
      if (await b.sw.evaluate(async () => !!(await chrome.alarms.get('sync-feed')))) break;
      await sleep(100);
    }
    await b.sw.evaluate(async (limit) => {
      await chrome.alarms.clear('sync-feed');
      await chrome.storage.sync.set({ 'last-fetch-at': new Date().toString(), 'option-fetch-limit': String(limit) });
    }, limit);
  },
  /** What its store.subscribe() does: one bookmark per feed in the "[web-feed]" folder. */
  async subscribe(b, urls) {
    await b.sw.evaluate(async (urls) => {
      const folder = await chrome.bookmarks.create({ title: '[web-feed]' });
      for (const [i, url] of urls.entries()) {
        await chrome.bookmarks.create({ parentId: folder.id, url: chrome.runtime.getURL(`show.html?url=${encodeURI(url)}`), title: `Bench ${i}[${new URL(url).origin}/]` });
      }
    }, urls);
  },
  refresh: (b, page, want) => webfeedSync(b, page, want),
  count: (_b, page) => wfCount(page),
  storedBytes: (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? NaN),
  repoll: (b, page) => webfeedSync(b, page),
});
