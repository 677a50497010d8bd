// Stored bytes per item: 200 sources x 50 items polled from the local news server, indexed for search,
// then the origin's storage use (navigator.storage.estimate) divided by the items, against the bytes
// the feeds themselves hold per item and against a bare store of the same item objects.
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { fmt, median, rssFeed, verdict, type Section } from './common';
import { seedItems } from './seed';

const SOURCES = Number(process.env.STORE_SOURCES ?? 200);
const PER_SOURCE = 50;

// Strings, not functions: the bundler that runs this script would add helpers the worker lacks.
const USAGE = `async () => {
  // Let the store settle (Chromium writes IndexedDB through a log and compacts it later).
  await new Promise((r) => setTimeout(r, 1500));
  const e = await navigator.storage.estimate();
  return { usage: e.usage, idb: e.usageDetails?.indexedDB };
}`;

/** What each store holds, as JSON (a proxy for the structured clone Chromium writes). */
const BREAKDOWN = `async () => {
  const db = await globalThis.newsbar.getDb();
  const out = {};
  for (const name of db.objectStoreNames) {
    const tx = db.transaction(name);
    const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
    let bytes = 0;
    for (let i = 0; i < values.length; i++) bytes += JSON.stringify(values[i]).length + JSON.stringify(keys[i]).length;
    const idx = [];
    for (const i of tx.store.indexNames) idx.push(i + ':' + (await tx.store.index(i).count()));
    out[name] = { n: values.length, bytes, indexes: idx.join(' ') };
  }
  return out;
}`;

/** The same items put in a fresh database with one store and no index: what the values alone cost. */
const BARE = `async () => {
  const nb = globalThis.newsbar;
  const items = await (await nb.getDb()).getAll('items');
  const before = (await navigator.storage.estimate()).usage;
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('bench-bare', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('items', { keyPath: 'id' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('items', 'readwrite');
    for (const it of items) tx.objectStore('items').put(it);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  await new Promise((r) => setTimeout(r, 1500));
  const after = (await navigator.storage.estimate()).usage;
  await new Promise((resolve) => { const d = indexedDB.deleteDatabase('bench-bare'); d.onsuccess = d.onerror = resolve; });
  return after - before;
}`;

async function inWorker<T>(ext: Extension, src: string): Promise<T> {
  return (await ext.sw()).evaluate(`(${src})()`) as Promise<T>;
}

export async function benchStoreSize(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  const perItem: number[] = [];
  const bare: number[] = [];
  let feedBytes = 0;
  let breakdown: Record<string, { n: number; bytes: number; indexes: string }> = {};
  for (let run = 0; run < runs; run++) {
    feedBytes = 0;
    for (let s = 0; s < SOURCES; s++) {
      const body = rssFeed(`z${run}s${s}`, PER_SOURCE, run * 1000 + s);
      feedBytes += Buffer.byteLength(body);
      srv.route(`/store/${s}.xml`, { body });
    }
    await seedItems(ext, 0);
    const empty = await inWorker<{ usage: number }>(ext, USAGE);
    await ext.bg(async (a: { origin: string; n: number }) => {
      const nb = (globalThis as any).newsbar;
      for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Store ${i}`, url: `${a.origin}/store/${i}.xml` });
      await nb.pollNow();
      await nb.indexSearch();
    }, { origin: srv.origin, n: SOURCES });
    const n = await ext.bg(async () => (globalThis as any).newsbar.countItems().then((c: any) => c.total ?? c));
    if (n !== SOURCES * PER_SOURCE) throw new Error(`stored ${n} items, expected ${SOURCES * PER_SOURCE}`);
    const full = await inWorker<{ usage: number }>(ext, USAGE);
    perItem.push((full.usage - empty.usage) / n);
    bare.push((await inWorker<number>(ext, BARE)) / n);
    if (run === runs - 1) breakdown = await inWorker<typeof breakdown>(ext, BREAKDOWN);
  }
  const n = SOURCES * PER_SOURCE;
  const ours = median(perItem);
  const base = median(bare);
  return {
    title: `Stored bytes per item: ${SOURCES} sources x ${PER_SOURCE} items, polled and indexed`,
    rows: [
      { metric: 'store growth per item (navigator.storage.estimate)', value: `${fmt(ours)} B`, baseline: `${fmt(base)} B (the same item objects in a bare store, no index)`, ratio: (ours / base).toFixed(2), target: '<= 1 KB', verdict: verdict(ours <= 1024) },
      { metric: 'the feed\'s own bytes per item (RSS as served)', value: `${fmt(feedBytes / n)} B` },
      ...Object.entries(breakdown).filter(([, b]) => b.n > 0).map(([name, b]) => ({ metric: `store ${name}: records, JSON bytes per item`, value: `${fmt(b.n)} records, ${fmt(b.bytes / n, 1)} B per item`, baseline: b.indexes ? `indexes (entries): ${b.indexes}` : undefined })),
    ],
    notes: [
      'Usage is the origin\'s whole storage (IndexedDB files in Chromium, log included), read 1.5 s after the last write, minus the empty store\'s.',
      'JSON bytes are a proxy for what each store holds (keys + values); index entries each repeat their key and the item\'s id.',
    ],
  };
}
