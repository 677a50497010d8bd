// The schema 12 -> 13 migration (items as compact records, utils/db/item-record.ts) in real Chromium:
// its binary keys, its indexes rebuilt in the upgrade transaction, and how long 10,000 items take. A
// database of its own in the extension's origin, opened at version 12 by today's code, filled as
// version 12 kept it, then opened at today's version.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, type Extension } from './harness';

let ext: Extension;

const N = 10_000;

// A string, not a function: the bundler that runs this test would add helpers the worker lacks.
const MIGRATE = `async ({ n }) => {
  const nb = globalThis.newsbar;
  const name = 'newsbar-migration-test';
  await new Promise((res) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = res; });
  const src = (i) => 's-' + (1000 + (i % 20)).toString(36);
  // Ids of the stored kind (11 characters), one odd one; items as version 12 stored them.
  const idOf = (i) => nb.itemRecord.idOfKey(new Uint32Array([0x9e3779b9 * (i + 1) >>> 0, i]).buffer);
  const old = Array.from({ length: n }, (_, i) => ({
    id: i === 0 ? 'odd-id' : idOf(i), sourceId: src(i), guid: 'g-' + i, title: 'Story ' + i, url: 'http://127.0.0.1/a/' + i,
    summaryHtml: '<p>Summary ' + i + '</p>', contentHtml: '', published: 1e12 + i * 1000, firstSeen: 1e12 + i * 1000 + 5, updated: 0,
    categories: i % 2 ? ['World'] : [], breaking: i % 50 === 0 ? 1 : 0, sourceBreaking: 0, alert: i % 70 === 0 ? 1 : 0,
    read: i % 3 === 0 ? 1 : 0, starred: i % 97 === 0 ? 1 : 0,
    ...(i % 97 === 0 ? { starredAt: 1e12 + i * 1000 } : {}), ...(i % 50 === 0 ? { breakingAt: 1e12 + i * 1000 } : {}),
    ...(i % 400 === 1 ? { alsoFrom: [src(i + 1)] } : {}),
  }));
  const v12 = await nb.openDb(name, 12);
  const tx = v12.transaction(['items', 'tags', 'notified', 'pendingAlerts'], 'readwrite');
  for (const it of old) tx.objectStore('items').put(it);
  tx.objectStore('tags').put({ id: old[70].id, keys: [['storm', old[70].published]] });
  tx.objectStore('notified').put({ itemId: old[140].id, at: 7 });
  tx.objectStore('pendingAlerts').put({ itemId: old[70].id, at: 9 });
  await tx.done;
  v12.close();

  const t0 = performance.now();
  const db = await nb.openDb(name);
  const ms = performance.now() - t0;
  const { fromRecord, idOfKey, itemKey, sourceItemsRange } = nb.itemRecord;
  const problems = [];
  const keys = await db.getAllKeys('items');
  const binary = keys.filter((k) => typeof k !== 'string').length;
  const byId = new Map((await db.getAll('items')).map((r) => { const it = fromRecord(r); return [it.id, it]; }));
  for (const o of old) {
    const it = byId.get(o.id);
    if (!it) { problems.push('missing ' + o.id); continue; }
    for (const f of ['sourceId', 'title', 'url', 'summaryHtml', 'contentHtml', 'published', 'firstSeen', 'read', 'starred', 'breaking', 'alert']) {
      if (it[f] !== o[f]) problems.push(o.id + ' ' + f + ': ' + it[f] + ' != ' + o[f]);
    }
    if ((it.categories || []).join() !== o.categories.join() || (it.alsoFrom || []).join() !== (o.alsoFrom || []).join()) problems.push(o.id + ' lists differ');
  }
  const count = async (ix, range) => db.countFromIndex('items', ix, range);
  const unread = old.filter((o) => o.read === 0).length;
  const out = {
    ms, items: keys.length, binary, problems: problems.slice(0, 5), version: db.version,
    byUnread: [await count('byUnread'), unread],
    byStarred: [await count('byStarred'), old.filter((o) => o.starred).length],
    byBreaking: [await count('byBreaking'), old.filter((o) => o.breaking).length],
    byPublished: [await count('byPublished'), n],
    bySource: [await count('bySource', sourceItemsRange(src(3))), old.filter((o) => o.sourceId === src(3)).length],
    byLink: (await db.getAllKeysFromIndex('items', 'byLink', nb.itemRecord.toRecord({ ...old[5], topics: [] }).l)).map(idOfKey),
    link5: old[5].id,
    keyOf70: idOfKey((await db.getKey('items', itemKey(old[70].id))) ?? ''),
    tag: await db.get('tags', old[70].id), notified: await db.get('notified', old[140].id), pending: await db.getAll('pendingAlerts'),
  };
  db.close();
  await new Promise((res) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = res; });
  return out;
}`;

before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

describe('schema 13 migration in Chromium', () => {
  it('rewrites 10,000 version-12 items as records under 8-byte keys, every index and every id-keyed record intact', async () => {
    const r = (await (await ext.sw()).evaluate(`(${MIGRATE})(${JSON.stringify({ n: N })})`)) as {
      ms: number; items: number; binary: number; problems: string[]; version: number; byUnread: number[]; byStarred: number[]; byBreaking: number[];
      byPublished: number[]; bySource: number[]; byLink: string[]; link5: string; keyOf70: string; tag: unknown; notified: unknown; pending: unknown[];
    };
    console.log(`migration of ${N} items in Chromium: ${Math.round(r.ms)} ms`);
    assert.equal(r.version, 13);
    assert.deepEqual(r.problems, []);
    assert.equal(r.items, N);
    assert.equal(r.binary, N - 1, 'every 11-character id is an 8-byte key; the odd id stays a string');
    for (const ix of ['byUnread', 'byStarred', 'byBreaking', 'byPublished', 'bySource'] as const) assert.equal(r[ix][0], r[ix][1], ix);
    assert.deepEqual(r.byLink, [r.link5]);
    assert.ok(r.keyOf70);
    assert.ok(r.tag && r.notified && r.pending.length === 1, 'tags, notified and pending alerts still name their items');
  });
});
