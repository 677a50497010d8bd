// Topic matching: 50 topics over 10k new items, in the worker, as after a poll; against the floor
// of any tagging pass (reading and writing back the same items in one transaction).
import type { Extension } from '../../tests/e2e/harness';
import { seedItems } from './seed';
import { median, ms, type Section } from './common';

const QUERIES = [
  'storm coast', '"rail strike"', 'minister -election', 'flood OR drought', 'title:volcano', 'climate carbon', 'vaccine hospital', 'market bank -tax',
  '"energy prices"', 'ceasefire talks', 'airport pilot', 'quake OR tsunami', 'solar wind', 'nuclear', 'oil gas -shipping', 'chip robot startup',
  'league final', 'coach striker', 'champion record', 'school budget', 'police protest', 'rescue', 'harvest trade', 'tariff union', 'museum bridge',
  'satellite orbit', 'court vote', 'summit', 'wildfire', 'river', 'w1a', 'w2b OR w3c', 'w10 w11', '"storm coast"', 'title:minister', 'bank -market',
  'port shipping', 'energy', 'prices -energy', 'rail', 'strike -rail', 'vote election', 'tax', 'pilot', 'union', 'final', 'record -champion', 'orbit', 'drought', 'flood',
];

export async function benchTopics(ext: Extension, runs: number): Promise<Section> {
  const ours: number[] = [];
  const floor: number[] = [];
  const w = await ext.sw();
  await seedItems(ext, 10_000);
  // Each run has topics of its own, so every run tags the items anew (and drops the last run's tags).
  const setTopics = (run: number) =>
    w.evaluate(`(async (qs) => {
      const area = chrome.storage.sync;
      await area.clear();
      const ids = qs.map((_, i) => 'bench-r${run}-t' + i);
      const set = { topicIds: ids };
      qs.forEach((q, i) => { set['topic:' + ids[i]] = { id: ids[i], name: 'Topic ' + i, query: q, sourceIds: [], notify: false, breaking: false, createdAt: 0 }; });
      await area.set(set);
    })(${JSON.stringify(QUERIES)})`);
  for (let i = 0; i < runs; i++) {
    await setTopics(i);
    ours.push(await w.evaluate(`(async () => {
      const nb = globalThis.newsbar;
      const db = await nb.getDb();
      const ids = await db.getAllKeys('items');
      const t0 = performance.now();
      await nb.matchNew(ids);
      return performance.now() - t0;
    })()`) as number);
    floor.push(await w.evaluate(`(async () => {
      const db = await globalThis.newsbar.getDb();
      const ids = await db.getAllKeys('items');
      const t0 = performance.now();
      const tx = db.transaction('items', 'readwrite');
      const items = await Promise.all(ids.map((id) => tx.store.get(id)));
      await Promise.all(items.map((it) => tx.store.put(it)));
      await tx.done;
      return performance.now() - t0;
    })()`) as number);
  }
  const tagged = (await w.evaluate(`(async () => {
    const db = await globalThis.newsbar.getDb();
    return (await db.getAll('counters')).filter((c) => c.key.startsWith('t:')).reduce((n, c) => n + c.total, 0);
  })()`)) as number;
  await w.evaluate(`chrome.storage.sync.clear()`);
  const o = median(ours);
  const f = median(floor);
  return {
    title: 'Topic matching: 50 topics over 10,000 new items',
    rows: [{ metric: 'match + tag in the store', value: ms(o), baseline: `${ms(f)} (read + write back the same items)`, ratio: (o / f).toFixed(2) }],
    notes: [`Queries mix words, phrases, OR, exclusions and title:; ${tagged} topic matches were tagged in all (notify was off, so nothing was notified).`],
  };
}
