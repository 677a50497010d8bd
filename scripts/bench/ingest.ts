// Ingest: 200 sources x 50 items from the local news server, from the poll's start to all stored and
// the badge set, against the floor: the same items written by a bare idb batch put in the same browser.
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { fmt, median, ms, rssFeed, verdict, type Section } from './common';
import { seedItems } from './seed';

/** Records (wall clock) when the first article row is in the sidebar's DOM and painted. */
const FIRST_ROW_PROBE = `(() => {
  const seen = () => document.querySelector('li.row');
  new MutationObserver((_, obs) => {
    if (!seen()) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstRow = Date.now(); }, 0));
  }).observe(document, { childList: true, subtree: true });
})()`;

const SOURCES = 200;
const PER_SOURCE = 50;

/** Turns "Group the same story from several sources" on or off, as the options page does. */
async function setGrouping(ext: Extension, on: boolean): Promise<void> {
  await ext.bg(async (on: boolean) => {
    const area = (globalThis as any).chrome.storage.sync;
    const cur = (await area.get('settings')).settings ?? {};
    await area.set({ settings: { ...cur, groupStories: on } });
  }, on);
}

/**
 * The same ingest with grouping off, beside the one with it on, in alternating order: what grouping
 * costs the poll (a ratio in the same run). The feeds are the benchmark's generated ones.
 */
async function ingestWithoutGrouping(ext: Extension, srv: NewsServer): Promise<number> {
  await setGrouping(ext, false);
  try {
    await seedItems(ext, 0);
    await ext.bg(async (a: { origin: string; n: number }) => {
      const nb = (globalThis as any).newsbar;
      for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Bench ${i}`, url: `${a.origin}/bench/${i}.xml` });
    }, { origin: srv.origin, n: SOURCES });
    return await ext.bg(async () => {
      const t0 = performance.now();
      await (globalThis as any).newsbar.pollNow();
      return performance.now() - t0;
    });
  } finally {
    await setGrouping(ext, true);
  }
}

export async function benchIngest(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  const ours: number[] = [];
  const floor: number[] = [];
  const ratios: number[] = [];
  const firstSeen: number[] = [];
  const ungrouped: number[] = [];
  const groupingCost: number[] = [];
  for (let run = 0; run < runs; run++) {
    const offFirst = run % 2 === 1;
    for (let s = 0; s < SOURCES; s++) srv.route(`/bench/${s}.xml`, { body: rssFeed(`r${run}s${s}`, PER_SOURCE, run * 1000 + s) });
    if (offFirst) ungrouped.push(await ingestWithoutGrouping(ext, srv));
    for (let s = 0; s < SOURCES; s++) srv.route(`/bench/${s}.xml`, { body: rssFeed(`r${run}s${s}`, PER_SOURCE, run * 1000 + s) });
    await seedItems(ext, 0); // an empty store (and no sources) for every run
    await ext.bg(async (a: { origin: string; n: number }) => {
      const nb = (globalThis as any).newsbar;
      for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Bench ${i}`, url: `${a.origin}/bench/${i}.xml` });
    }, { origin: srv.origin, n: SOURCES });
    // An open sidebar, as a user who just added sources has: when does it show the first articles?
    const sidebar = await ext.context.newPage();
    await sidebar.goto(`chrome-extension://${ext.id}/sidepanel.html`);
    await sidebar.waitForSelector('#app *');
    await sidebar.evaluate(FIRST_ROW_PROBE);
    const t = await ext.bg(async () => {
      const nb = (globalThis as any).newsbar;
      const start = Date.now();
      const t0 = performance.now();
      await nb.pollNow();
      const t1 = performance.now();
      return { start, elapsed: t1 - t0, count: await nb.countItems() };
    });
    if (t.count !== SOURCES * PER_SOURCE) throw new Error(`ingest stored ${t.count} items, expected ${SOURCES * PER_SOURCE}`);
    const firstRow = (await sidebar.evaluate(() => (window as any).__firstRow)) as number | undefined;
    await sidebar.close();
    if (firstRow === undefined) throw new Error('the open sidebar showed no article during the ingest');
    firstSeen.push(firstRow - t.start);
    const f = await ext.bg(async () => {
      const nb = (globalThis as any).newsbar;
      const items = await (await nb.getDb()).getAll('items');
      const db = await nb.openDb('bench-floor');
      await db.clear('items');
      const t0 = performance.now();
      const tx = db.transaction('items', 'readwrite');
      for (const it of items) void tx.store.put(it);
      await tx.done;
      const t1 = performance.now();
      db.close();
      return t1 - t0;
    });
    ours.push(t.elapsed);
    floor.push(f);
    ratios.push(f / t.elapsed);
    if (!offFirst) ungrouped.push(await ingestWithoutGrouping(ext, srv));
    groupingCost.push(t.elapsed / ungrouped[ungrouped.length - 1]!);
  }
  const n = SOURCES * PER_SOURCE;
  const r = median(ratios);
  return {
    title: `Ingest: ${SOURCES} sources x ${PER_SOURCE} items`,
    rows: [
      { metric: 'poll start -> all stored + badge set', value: ms(median(ours)), baseline: `${ms(median(floor))} (bare idb batch put)` },
      { metric: 'poll start -> first articles painted in an open sidebar', value: ms(median(firstSeen)), target: '<= 1,000 ms', verdict: verdict(median(firstSeen) <= 1000) },
      { metric: 'the same with "Group the same story" off', value: ms(median(ungrouped)), ratio: `${median(groupingCost).toFixed(2)} (on / off, paired; ${Math.min(...groupingCost).toFixed(2)}-${Math.max(...groupingCost).toFixed(2)})` },
      { metric: 'throughput', value: `${fmt(n / (median(ours) / 1000))} items/s`, baseline: `${fmt(n / (median(floor) / 1000))} items/s`, ratio: r.toFixed(2), target: '>= 0.5 of bare idb', verdict: verdict(r >= 0.5) },
    ],
    notes: [
      'A sidebar page is open during the poll (its first articles are timed by the wall clock from the poll start). Ours includes fetching 200 feeds over HTTP on 127.0.0.1 (one host: 6 at a time), parsing, dedupe look-ups, retention, topic matching and the badge.',
      'The floor puts the very same stored item objects into a fresh store with the same indexes, in one transaction.',
    ],
  };
}
