// Sidebar: open to first article painted, scroll frame times, search latency and page heap, with
// 1k / 10k / 100k items stored. Baselines from the same run: the sidebar opening on an empty store
// (the fixed cost of the page), the frame interval of an idle page, and the bare index look-up
// a search needs at least.
import type { Page } from 'playwright-core';
import type { Extension } from '../../tests/e2e/harness';
import { seedItems } from './seed';
import { workerHeapMb } from './worker-memory';
import { fmt, median, ms, verdict, type Row, type Section } from './common';

/** Records when the first article row is in the DOM and painted (after the next frame). */
const FIRST_ROW_PROBE = `(() => {
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now(); }, 0));
  const seen = () => document.querySelector('li.row') || document.querySelector('.empty, [data-empty]');
  new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); mark(); } }).observe(document, { childList: true, subtree: true });
})()`;

interface OpenTimes {
  /** The sidebar's script starts running. */
  script: number;
  /** The first page of items is read from IndexedDB. */
  read: number;
  /** The first article row is painted. */
  painted: number;
}

async function openTime(ext: Extension, page: Page): Promise<OpenTimes> {
  await page.goto(`chrome-extension://${ext.id}/sidepanel.html`);
  await page.waitForFunction(() => (window as any).__firstRow !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => ({
    script: performance.getEntriesByName('newsbar:start')[0]?.startTime ?? NaN,
    read: performance.getEntriesByName('newsbar:page-read')[0]?.startTime ?? NaN,
    painted: (window as any).__firstRow as number,
  }));
}

const WARM_UP = 2;

/** Opens the sidebar `runs` times (after opens that are not counted, so caches are warm as in daily use). */
async function measureOpen(ext: Extension, runs: number): Promise<OpenTimes> {
  const out: OpenTimes[] = [];
  for (let i = 0; i < runs + WARM_UP; i++) {
    const page = await ext.context.newPage();
    await page.addInitScript(FIRST_ROW_PROBE);
    const t = await openTime(ext, page);
    if (i >= WARM_UP) out.push(t);
    await page.close();
  }
  return { script: median(out.map((t) => t.script)), read: median(out.map((t) => t.read)), painted: median(out.map((t) => t.painted)) };
}

const breakdown = (t: OpenTimes) => `script runs at ${ms(t.script)}, first page read at ${ms(t.read)}`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Frame intervals while scrolling the article list down for ~2 s. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const scroller = (document.scrollingElement ?? document.documentElement) as HTMLElement;
    const frames: number[] = [];
    let last = performance.now();
    const t0 = last;
    await new Promise<void>((done) => {
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        scroller.scrollBy(0, 120);
        for (const el of document.querySelectorAll<HTMLElement>('.list, ul.rows, [data-scroll]')) el.scrollBy(0, 120);
        if (now - t0 < 2000) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    return frames.slice(1);
  });
}

async function idleFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const frames: number[] = [];
    let last = performance.now();
    await new Promise<void>((done) => {
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (frames.length < 60) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    return frames.slice(1);
  });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

/** Typing the last letter of a query to the results heading and rows painted. */
async function searchLatency(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#sb-search')!;
    const head = document.querySelector('#list-h')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((done) => {
      const check = () => {
        if ((head.textContent ?? '').includes(q)) requestAnimationFrame(() => done());
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, query);
}

/** The floor of a search: reading 100 items (the most a search shows) by the newest-first index, in the same page. */
async function readHundred(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const q = indexedDB.open('newsbar');
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
    const t0 = performance.now();
    await new Promise((res) => {
      const r = db.transaction('items').objectStore('items').index('byState').getAll(IDBKeyRange.bound([0, -Infinity], [0, Infinity]), 100);
      r.onsuccess = res;
    });
    const t = performance.now() - t0;
    db.close();
    return t;
  });
}

export async function benchSidebar(ext: Extension, runs: number, sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)): Promise<Section[]> {
  await seedItems(ext, 0);
  const emptyTimes = await measureOpen(ext, runs);
  const empty = emptyTimes.painted;
  const openRows: Row[] = [{ metric: 'open, empty store (baseline): empty state painted', value: `${ms(empty)} (${breakdown(emptyTimes)})` }];
  const scrollRows: Row[] = [];
  const searchRows: Row[] = [];
  const memRows: Row[] = [];
  const idlePage = await ext.page('sidepanel.html');
  const idle = median(await idleFrames(idlePage));
  const emptyHeap = await heapMb(idlePage);
  await idlePage.close();
  const emptyWorkerHeap = await workerHeapMb(ext);
  for (const n of sizes) {
    await seedItems(ext, n);
    const times = await measureOpen(ext, runs);
    const t = times.painted;
    const target = n >= 100_000 ? 150 : n >= 10_000 ? 100 : undefined;
    openRows.push({ metric: `open -> first article painted, ${fmt(n)} items`, value: `${ms(t)} (${breakdown(times)})`, baseline: ms(empty), ratio: (t / empty).toFixed(2), target: target ? `<= ${target} ms` : undefined, verdict: target ? verdict(t <= target) : undefined });

    const page = await ext.page('sidepanel.html');
    await page.waitForSelector('li.row');
    const frames = await scrollFrames(page);
    scrollRows.push({ metric: `scroll, ${fmt(n)} items: median / p95 frame`, value: `${ms(median(frames))} / ${ms(p95(frames))}`, baseline: `${ms(idle)} (idle frame)`, ratio: (p95(frames) / idle).toFixed(2) });
    if (n >= 10_000) {
      const lat: number[] = [];
      const query: number[] = [];
      const floor: number[] = [];
      for (const q of ['storm coa', 'minister', 'rail strike', 'w1a', 'flood vote']) {
        for (let i = 0; i < runs; i++) {
          lat.push(await searchLatency(page, q));
          query.push(await page.evaluate(() => performance.getEntriesByName('newsbar:search').pop()?.duration ?? NaN));
        }
        floor.push(await readHundred(page));
      }
      const l = median(lat);
      searchRows.push({ metric: `search, ${fmt(n)} items (typing -> results painted)`, value: `${ms(l)} (the query to its first screenful: ${ms(median(query))})`, baseline: `${ms(median(floor))} (reading 100 items)`, ratio: (l / median(floor)).toFixed(1), target: n >= 100_000 ? '<= 50 ms' : undefined, verdict: n >= 100_000 ? verdict(l <= 50) : undefined });
      memRows.push({ metric: `sidebar JS heap, ${fmt(n)} items`, value: `${fmt(await heapMb(page), 1)} MB`, baseline: `${fmt(emptyHeap, 1)} MB (empty store)` });
      memRows.push({ metric: `worker JS heap, ${fmt(n)} items`, value: `${fmt(await workerHeapMb(ext), 1)} MB`, baseline: `${fmt(emptyWorkerHeap, 1)} MB (empty store)` });
    }
    await page.close();
  }
  return [
    { title: 'Sidebar open to first article painted', rows: openRows, notes: ['From navigation start of sidepanel.html to the first article row in the DOM and a frame later (after two uncounted opens); the baseline is the same page on an empty store, to its empty state.'] },
    { title: 'Sidebar scrolling', rows: scrollRows, notes: ['Scrolling 120 px a frame for 2 s, loading further pages from IndexedDB as it goes.'] },
    { title: 'Search latency', rows: searchRows, notes: ['Five queries (prefixes, single and two-word), several runs each; the baseline is reading 100 items (the most a search shows) through the newest-first index.'] },
    { title: 'Sidebar memory', rows: memRows },
  ];
}
