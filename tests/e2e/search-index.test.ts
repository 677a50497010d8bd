// The search index in the real extension: a worker killed while it indexes or merges leaves an index
// that is consistent (every item in exactly one segment or still queued, no posting without its
// segment), the next start finishes the work, and the sidebar's search answers like a scan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, waitFor, removeAllSources, type Extension } from './harness';
import type { InWorker } from './scopes';

let ext: Extension;

const N = 5000;

// A string, not a function: the bundler that runs this test would add helpers the worker lacks.
const SEED = `async ({ n }) => {
  const nb = globalThis.newsbar;
  const db = await nb.getDb();
  for (const s of ['items', 'sources', 'searchQueue', 'searchSegments', 'searchDocs', 'searchPostings']) await db.clear(s);
  const W = 'storm coast river minister election market bank rail strike museum bridge satellite orbit flood vote court summit talks'.split(' ');
  let s = 11;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const words = (k) => Array.from({ length: k }, () => W[Math.floor(r() * W.length)]).join(' ');
  const now = Date.now();
  const tx = db.transaction(['items', 'searchQueue'], 'readwrite');
  for (let i = 0; i < n; i++) {
    // An id of the stored kind (11 characters, an 8-byte key), distinct per item.
    const id = nb.itemRecord.idOfKey(new Uint32Array([0x9e3779b9 * (i + 1) >>> 0, i]).buffer);
    // Times out of order and repeated, as many sources publishing at once.
    const published = now - Math.floor(r() * 3000) * 60000;
    tx.objectStore('searchQueue').put(1, [published, id]);
    tx.objectStore('items').put(nb.itemRecord.toRecord({ id, sourceId: 'src', title: words(5), url: 'http://127.0.0.1/' + i, summaryHtml: '<p>' + words(8) + '</p>', contentHtml: '',
      published, firstSeen: now, updated: 0, categories: [], breaking: 0, alert: 0, read: 0, starred: 0 }));
  }
  await tx.done;
  await nb.recount();
}`;

/** The index as stored, checked for consistency in the worker. */
const CHECK = `async () => {
  const db = await globalThis.newsbar.getDb();
  const tx = db.transaction(['items', 'searchQueue', 'searchSegments', 'searchDocs', 'searchPostings']);
  const [records, queued, segs, docs, keys] = await Promise.all([
    tx.objectStore('items').getAll(), tx.objectStore('searchQueue').getAllKeys(), tx.objectStore('searchSegments').getAll(),
    tx.objectStore('searchDocs').getAll(), tx.objectStore('searchPostings').getAllKeys(),
  ]);
  const ids = records.map((r) => globalThis.newsbar.itemRecord.idOfKey(r.id));
  const idOfStoreKey = new Map(records.map((r, i) => [r.k, ids[i]]));
  const { decodeDocs, allWords } = globalThis.newsbar.segmentDocs;
  const seen = new Map();
  for (const d of docs) for (const k of decodeDocs(d).keys) if (idOfStoreKey.has(k)) seen.set(idOfStoreKey.get(k), (seen.get(idOfStoreKey.get(k)) || 0) + 1);
  const queuedIds = new Set(queued.map((k) => k[1]));
  const problems = [];
  for (const id of ids) if (!seen.has(id) && !queuedIds.has(id)) problems.push('neither indexed nor queued: ' + id);
  for (const [id, c] of seen) if (c > 1) problems.push('indexed twice: ' + id);
  const segNos = new Set(segs.map((s) => s.seg));
  if (docs.length !== segs.length || docs.some((d) => !segNos.has(d.seg))) problems.push('segments and their items differ');
  const wordsOf = new Map(docs.map((d) => [d.seg, allWords(d).length]));
  const postingsOf = new Map();
  for (const k of keys) {
    if (!segNos.has(k[2])) problems.push('a posting without its segment: ' + k.join('/'));
    postingsOf.set(k[2], (postingsOf.get(k[2]) || 0) + 1);
  }
  for (const [seg, n] of wordsOf) if (postingsOf.get(seg) !== n) problems.push('segment ' + seg + ' has ' + postingsOf.get(seg) + ' postings for ' + n + ' words');
  return { problems: problems.slice(0, 5), queued: queued.length, segments: segs.length, indexed: seen.size };
}`;

/** The newest 50 items holding every word of the query (the last one as a prefix unless it ends in a space), by reading them all. */
const SCAN = `async (query) => {
  const db = await globalThis.newsbar.getDb();
  const words = query.toLowerCase().split(' ').filter(Boolean);
  const open = !query.endsWith(' ');
  const all = (await db.getAll('items')).map(globalThis.newsbar.itemRecord.fromRecord);
  const has = (it) => {
    const text = (it.title + ' ' + it.summaryHtml.replace(/<[^>]+>/g, ' ')).toLowerCase().split(/\\s+/);
    return words.every((w, i) => (open && i === words.length - 1 ? text.some((x) => x.startsWith(w)) : text.includes(w)));
  };
  return all.filter(has).sort((a, b) => b.published - a.published || (a.id < b.id ? 1 : -1)).slice(0, 50).map((it) => it.id);
}`;

type Check = { problems: string[]; queued: number; segments: number; indexed: number };
const check = async (): Promise<Check> => (await ext.sw()).evaluate(`(${CHECK})()`) as Promise<Check>;

before(async () => {
  ext = await launchExtension();
  await removeAllSources(ext);
});
after(async () => {
  await ext?.close();
});

describe('search index', () => {
  it('survives a worker killed while indexing and merging, and the next start finishes it', async () => {
    let killedMidWay = 0;
    for (let round = 0; round < 2; round++) {
      await (await ext.sw()).evaluate(`(${SEED})(${JSON.stringify({ n: N })})`);
      // (The worker may already be indexing: an alarm's poll is followed by indexing.)
      const seeded = await check();
      assert.equal(seeded.queued + seeded.indexed, N);
      // Small batches: more steps to be killed in. Killed once it has made some progress.
      void ext.bg(() => (globalThis as InWorker).newsbar.indexSearch({ batch: 300 })).catch(() => {});
      const seen = await waitFor(async () => {
        const c = await check();
        return c.indexed >= 300 ? c : null;
      }, 'indexing under way', 60_000);
      await ext.stopWorker();
      if (seen!.queued > 0) killedMidWay++;
      await ext.wake();
      const c = await check();
      assert.deepEqual(c.problems, [], 'consistent after a kill');
      assert.ok(c.indexed + c.queued >= N, 'every item indexed or queued');
    }
    assert.ok(killedMidWay > 0, 'at least one kill left work to finish');
    // Starting again (the wake above) finishes what is queued.
    await waitFor(async () => (await check()).queued === 0, 'the queue indexed after the restart', 60_000);
    await ext.bg(() => (globalThis as InWorker).newsbar.indexSearch());
    const done = await check();
    assert.deepEqual(done.problems, []);
    assert.equal(done.indexed, N);
    assert.ok(done.segments <= 8, `merged into few segments (${done.segments})`);
  });

  it("the sidebar's search answers like a scan of every item", async () => {
    // With no source at all the sidebar shows its first-run welcome: give the seeded items one (never fetched).
    await ext.bg(() => (globalThis as InWorker).newsbar.addSource({ name: 'Seeded', url: 'http://127.0.0.1:9/seeded.xml' }));
    const page = await ext.page('sidepanel.html');
    await page.waitForSelector('li.row');
    for (const q of ['rail strike', 'minister ', 'orb', 'flood vote court']) {
      const want = (await (await ext.sw()).evaluate(`(${SCAN})(${JSON.stringify(q)})`)) as string[];
      assert.ok(want.length > 0, q);
      await page.fill('#sb-search', q);
      // The list shows the previous answer until the new one is painted: wait for it to settle.
      let rows: Array<string | null> = [];
      await waitFor(async () => {
        const head = (await page.textContent('#list-h')) ?? '';
        rows = await page.$$eval('li.row', (els) => els.map((e) => e.getAttribute('data-id')));
        return head.includes(q.trim()) && JSON.stringify(rows) === JSON.stringify(want);
      }, `results for "${q}"`).catch(() => {});
      assert.deepEqual(rows, want, q);
    }
    await page.close();
  });
});
