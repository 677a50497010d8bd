// A live page in the worker: re-reading a 2 MB live page with 500 updates (fetch, parse, dedupe look-ups;
// nothing new to store), against the same 500 updates as an RSS feed re-read the same way in the same run.
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { hugeLivePage } from '../news-server/live-pages';
import { median, ms, rssFeed, type Section } from './common';
import { seedItems } from './seed';

const UPDATES = 500;

export async function benchLive(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  const page = hugeLivePage(UPDATES, 2 * 1024 * 1024);
  // Not conditional: every poll downloads and parses the whole page again.
  srv.route('/bench/huge-live', { body: page, headers: { 'content-type': 'text/html; charset=utf-8' }, conditional: false });
  srv.route('/bench/same.xml', { body: rssFeed('same', UPDATES, 7), conditional: false });
  await seedItems(ext, 0);
  const ids = await ext.bg(async (origin: string) => {
    const nb = (globalThis as any).newsbar;
    const live = await nb.addSource({ name: 'Huge live', url: `${origin}/bench/huge-live`, kind: 'live' });
    const feed = await nb.addSource({ name: 'Same feed', url: `${origin}/bench/same.xml` });
    await nb.pollNow(live.id);
    await nb.pollNow(feed.id);
    return { live: live.id, feed: feed.id, count: await nb.countItems() };
  }, srv.origin);
  if (ids.count !== 2 * UPDATES) throw new Error(`live bench stored ${ids.count} items, expected ${2 * UPDATES}`);
  const live: number[] = [];
  const feed: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await ext.bg(async (a: { live: string; feed: string }) => {
      const nb = (globalThis as any).newsbar;
      const t0 = performance.now();
      await nb.pollNow(a.live);
      const t1 = performance.now();
      await nb.pollNow(a.feed);
      const t2 = performance.now();
      return { live: t1 - t0, feed: t2 - t1 };
    }, ids);
    live.push(t.live);
    feed.push(t.feed);
  }
  return {
    title: `Live page: ${(page.length / 1048576).toFixed(1)} MB with ${UPDATES} updates, re-read in the worker`,
    rows: [
      { metric: 'poll of the live page (fetch + parse + dedupe)', value: ms(median(live)), baseline: `${ms(median(feed))} (the same 500 as RSS)`, ratio: (median(live) / median(feed)).toFixed(2) },
    ],
    notes: ['Most of the page is its updates twice (JSON-LD and markup) plus filler; the worker reads the JSON-LD in one streaming pass and builds no tree.'],
  };
}
