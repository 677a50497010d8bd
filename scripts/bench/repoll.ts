// Re-poll with nothing new: 200 sources (50 items each, already stored) refreshed while every one
// answers 304, from "Refresh now" to all sources' state written, against the floor: the same 200
// conditional requests made by a bare fetch in the same worker, as many at a time.
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { median, ms, rssFeed, type Section } from './common';
import { seedItems } from './seed';

const SOURCES = 200;
const PER_SOURCE = 50;

const CONCURRENCY = Number(process.env.REPOLL_FLOOR_CONCURRENCY ?? 4);

// A string, not a function: the bundler that runs this script would add helpers the worker lacks.
const FLOOR = `async (conc) => {
  const sources = (await globalThis.newsbar.listSources()).filter((s) => s.enabled && s.etag);
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const s = sources[next++];
      const r = await fetch(s.url, { headers: { 'if-none-match': s.etag, 'if-modified-since': s.lastModified }, cache: 'no-store', credentials: 'omit' });
      if (r.status !== 304) throw new Error('expected 304, got ' + r.status);
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  return performance.now() - t0;
}`;

export async function benchRepoll(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  for (let s = 0; s < SOURCES; s++) srv.route(`/repoll/${s}.xml`, { body: rssFeed(`rp${s}`, PER_SOURCE, 5000 + s) });
  await seedItems(ext, 0);
  const stored = await ext.bg(async (a: { origin: string; n: number }) => {
    const nb = (globalThis as any).newsbar;
    for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Re-poll ${i}`, url: `${a.origin}/repoll/${i}.xml` });
    await nb.pollNow();
    await nb.indexSearch();
    return nb.countItems().then((c: any) => c.total ?? c);
  }, { origin: srv.origin, n: SOURCES });
  if (stored !== SOURCES * PER_SOURCE) throw new Error(`stored ${stored} items, expected ${SOURCES * PER_SOURCE}`);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = await ext.bg(async () => {
      const nb = (globalThis as any).newsbar;
      const t0 = performance.now();
      const out = await nb.pollNow();
      return { ms: performance.now() - t0, notModified: out.filter((o: any) => o.kind === 'not-modified').length };
    });
    if (t.notModified !== SOURCES) throw new Error(`${t.notModified} of ${SOURCES} sources answered 304`);
    ours.push(t.ms);
    floor.push((await (await ext.sw()).evaluate(`(${FLOOR})(${CONCURRENCY})`)) as number);
  }
  const r = median(ours) / median(floor);
  return {
    title: `Re-poll with nothing new: ${SOURCES} sources, every one answers 304`,
    rows: [
      { metric: 'refresh -> every source\'s state written', value: ms(median(ours)), baseline: `${ms(median(floor))} (bare conditional fetch of the same ${SOURCES}, ${CONCURRENCY} at a time)`, ratio: r.toFixed(2) },
    ],
    notes: ['The store holds the 10,000 items of the first poll (indexed); the badge and the alerts queue run as after any poll.'],
  };
}
