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
      const ids = (await db.getAll('items')).map((r) => nb.itemRecord.fromRecord(r).id);
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
  // Re-tagging after a topic edit: one topic's query widens to match nearly every item. The storage
  // change wakes the worker's own re-match too; both go through one queue, so this waits for the work.
  const lastIds = QUERIES.map((_, i) => `bench-r${runs - 1}-t${i}`);
  const edit = { id: lastIds[0], q: 'storm OR coast OR river OR minister OR election OR market OR bank OR rail OR strike OR museum' };
  const retag: number[] = [];
  const changedItems: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = (await w.evaluate(`(async (ids, edit, wide) => {
      const nb = globalThis.newsbar;
      const db = await nb.getDb();
      await nb.rematch(ids); // whatever the last change started is done
      const area = chrome.storage.sync;
      const key = 'topic:' + edit.id;
      const topic = (await area.get(key))[key];
      const before = (await db.get('counters', 't:' + edit.id))?.total ?? 0;
      const t0 = performance.now();
      await area.set({ [key]: { ...topic, query: wide ? edit.q : 'storm coast' } });
      await nb.rematch([edit.id]);
      const ms = performance.now() - t0;
      const after = (await db.get('counters', 't:' + edit.id))?.total ?? 0;
      return { ms, changed: Math.abs(after - before) };
    })(${JSON.stringify(lastIds)}, ${JSON.stringify(edit)}, ${i % 2 === 0})`)) as { ms: number; changed: number };
    retag.push(r.ms);
    changedItems.push(r.changed);
  }
  const tagged = (await w.evaluate(`(async () => {
    const db = await globalThis.newsbar.getDb();
    return (await db.getAll('counters')).filter((c) => c.key.startsWith('t:')).reduce((n, c) => n + c.total, 0);
  })()`)) as number;
  await w.evaluate(`chrome.storage.sync.clear()`);
  const o = median(ours);
  const f = median(floor);
  const rt = median(retag);
  return {
    title: 'Topic matching: 50 topics over 10,000 new items',
    rows: [
      { metric: 'match + tag in the store', value: ms(o), baseline: `${ms(f)} (read + write back the same items)`, ratio: (o / f).toFixed(2) },
      { metric: 're-tag after editing one topic', value: ms(rt), baseline: `${ms(f)} (read + write back the same items)`, ratio: (rt / f).toFixed(2) },
    ],
    notes: [
      `Queries mix words, phrases, OR, exclusions and title:; ${tagged} topic matches were tagged in all (notify was off, so nothing was notified).`,
      `Re-tag: one topic's query edited between "storm coast" and a ten-word OR and back (the worker's re-match after an edit, from the storage change until it is done), changing the tags of ${changedItems.join(', ')} items.`,
    ],
  };
}
