// Fills the extension's store with N generated items (in the worker, in batches), with 20 sources.
// The items have the store's shape, written in bulk and queued for search, then counted and indexed once.
import type { Extension } from '../../tests/e2e/harness';

// A string, not a function: the bundler that runs this script would add helpers the worker lacks.
const SEED = `async ({ n, seed }) => {
  const nb = globalThis.newsbar;
  const db = await nb.getDb();
  for (const s of ['items', 'tags', 'sources', 'searchQueue', 'searchSegments', 'searchDocs', 'searchPostings', 'stories', 'storyTerms']) if (db.objectStoreNames.contains(s)) await db.clear(s);
  // The worker's story grouper named the items just cleared.
  await nb.forgetStories?.();
  const now = Date.now();
  const W = 'storm coast river minister election market bank rail strike museum bridge satellite orbit flood vote court summit talks ceasefire energy prices wildfire drought harvest trade tariff union vaccine hospital school budget tax police protest airport pilot rescue volcano quake tsunami climate carbon solar wind nuclear oil gas shipping port chip robot startup league final coach striker champion record'.split(' ');
  const extra = Array.from({ length: 4000 }, (_, i) => 'w' + i.toString(36));
  let s = seed >>> 0;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const words = (k) => Array.from({ length: k }, () => (r() < 0.7 ? W[Math.floor(r() * W.length)] : extra[Math.floor(r() * extra.length)]));
  const sources = Array.from({ length: 20 }, (_, i) => ({ id: 'bench-s' + i, name: 'Bench Source ' + i, url: 'http://127.0.0.1/bench/' + i + '.xml', kind: 'rss', enabled: false, intervalMin: 10, breaking: i === 0, addedAt: i, nextPollAt: now + 864e5, failures: 0, health: 'ok' }));
  const stx = db.transaction('sources', 'readwrite');
  for (const x of sources) stx.store.put(x);
  await stx.done;
  const BATCH = 5000;
  for (let b = 0; b < n; b += BATCH) {
    const tx = db.transaction(['items', 'searchQueue'], 'readwrite');
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const t = words(9), d = words(22);
      const title = t.join(' ');
      const summary = d.join(' ');
      const src = i % 20;
      const published = now - i * 37000;
      // An id of the stored kind (11 characters, an 8-byte key), distinct per item.
      const id = nb.itemRecord.idOfKey(new Uint32Array([0x9e3779b9 * (i + 1) >>> 0, i]).buffer);
      tx.objectStore('searchQueue').put(1, [published, id]);
      tx.objectStore('items').put(nb.itemRecord.toRecord({
        id, sourceId: 'bench-s' + src, title: title[0].toUpperCase() + title.slice(1),
        url: 'http://127.0.0.1/a/' + i, summaryHtml: '<p>' + summary + '.</p>', contentHtml: '<p>' + summary + '.</p><p>' + summary + '.</p>',
        published, firstSeen: published, updated: 0, categories: ['World'], breaking: src === 0 && i < 400 ? 1 : 0,
        alert: 0, read: i % 3 === 0 ? 1 : 0, starred: i % 97 === 0 ? 1 : 0,
      }));
    }
    await tx.done;
  }
  // The items went in around the counters (as a migration would): count them once.
  await nb.recount();
  await nb.indexSearch();
  return db.count('items');
}`;

export async function seedItems(ext: Extension, n: number, seed = 7): Promise<void> {
  const w = await ext.sw();
  const count = await w.evaluate(`(${SEED})(${JSON.stringify({ n, seed })})`);
  if (count !== n) throw new Error(`seeded ${count} items, expected ${n}`);
  // A bulk write leaves the database busy compacting for a moment; users never open the sidebar
  // right after writing thousands of items at once, so measurements wait for it to settle.
  if (n > 0) await new Promise((r) => setTimeout(r, 3000));
}
