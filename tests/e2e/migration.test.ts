// The schema 12 -> 13 migration (items as compact records, utils/db/items/item-record.ts), 13 -> 14 (items
// under sequence numbers, found by id through byId), 14 -> 15 (search segments naming items by store
// key), 15 -> 16 (identity maps, byState in place of byPublished and byUnread) and 16 -> 17 (byLink gone, the
// maps holding their items' link hashes) in real Chromium: keys, indexes
// rebuilt in the upgrade transaction, and how long 10,000 items take. A database of its own in the extension's origin, opened at version 12 by today's code, filled as
// version 12 kept it, opened at 13, its records given the categories 0.10.0 kept, opened at 14, given a
// search segment as 0.11.0 wrote them, then opened at today's version.
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
  const v13 = await nb.openDb(name, 13);
  const ms = performance.now() - t0;
  const { fromRecord, idOfKey, itemKey, sourceItemsRange } = nb.itemRecord;
  const keys13 = await v13.getAllKeys('items');
  const binary = keys13.filter((k) => typeof k !== 'string').length;
  const keyOf70 = idOfKey((await v13.getKey('items', itemKey(old[70].id))) ?? '');
  // 0.10.0 kept the feed's categories in 'g'.
  const tx13 = v13.transaction('items', 'readwrite');
  for (let c = await tx13.store.openCursor(); c; c = await c.continue()) {
    const o = old[c.value.t === 'Story 0' ? 0 : Number(c.value.t.slice(6))];
    if (o.categories.length) void c.update({ ...c.value, g: o.categories });
  }
  await tx13.done;
  const withCategories = (await v13.getAll('items')).filter((r) => r.g).length;
  v13.close();

  const t1 = performance.now();
  const db = await nb.openDb(name, 14);
  const ms14 = performance.now() - t1;
  const problems = [];
  const records = await db.getAll('items');
  const keys = records.map((r) => r.k);
  const sequential = keys.every((k, i) => k === i + 1);
  // Schema 14 keeps the read state as the absence of n (schema 16's records have q instead).
  const byId = new Map(records.map((r) => { const it = { ...fromRecord(r), read: r.n === undefined ? 1 : 0 }; return [it.id, it]; }));
  let foundById = 0;
  for (const r of records) if ((await db.getKeyFromIndex('items', 'byId', r.id)) === r.k) foundById++;
  for (const o of old) {
    const it = byId.get(o.id);
    if (!it) { problems.push('missing ' + o.id); continue; }
    for (const f of ['sourceId', 'title', 'url', 'summaryHtml', 'contentHtml', 'published', 'firstSeen', 'read', 'starred', 'breaking', 'alert']) {
      if (it[f] !== o[f]) problems.push(o.id + ' ' + f + ': ' + it[f] + ' != ' + o[f]);
    }
    if ((it.categories || []).length || (it.alsoFrom || []).join() !== (o.alsoFrom || []).join()) problems.push(o.id + ' lists differ');
  }
  const count = async (ix, range) => db.countFromIndex('items', ix, range);
  const unread = old.filter((o) => o.read === 0).length;
  const linkOf5 = nb.itemRecord.linkKey(old[5].url);
  const out = {
    ms, ms14, items: keys.length, binary, problems: problems.slice(0, 5), version: db.version, withCategories, sequential, foundById,
    categoriesLeft: records.filter((r) => 'g' in r).length,
    byUnread: [await count('byUnread'), unread],
    byStarred: [await count('byStarred'), old.filter((o) => o.starred).length],
    byBreaking: [await count('byBreaking'), old.filter((o) => o.breaking).length],
    byPublished: [await count('byPublished'), n],
    bySource: [await count('bySource', sourceItemsRange(src(3))), old.filter((o) => o.sourceId === src(3)).length],
    byLink: (await db.getAllFromIndex('items', 'byLink', linkOf5)).map((r) => idOfKey(r.id)),
    link5: old[5].id, linkBits: Math.log2(linkOf5 + 1) <= 30,
    keyOf70, item70: idOfKey((await db.getFromIndex('items', 'byId', itemKey(old[70].id)))?.id ?? ''),
    tag: await db.get('tags', old[70].id), notified: await db.get('notified', old[140].id), pending: await db.getAll('pendingAlerts'),
  };
  // A search segment of 8,192 items as 0.11.0 wrote it: newest first, the ids' 8-byte keys one after
  // the other, Float64 times, the words as a list; one of its items deleted since.
  const segItems = old.slice(1, 8193).reverse();
  const packed = new Uint8Array(segItems.length * 8);
  segItems.forEach((o, i) => packed.set(new Uint8Array(itemKey(o.id)), i * 8));
  const times = Float64Array.from(segItems.map((o) => o.published));
  await db.put('searchSegments', { seg: 1, n: segItems.length, maxT: times[0], minT: times[times.length - 1] });
  await db.put('searchDocs', { seg: 1, ids: packed, t: times, words: ['story', 'summary'] });
  await db.delete('items', await db.getKeyFromIndex('items', 'byId', itemKey(segItems[3].id)));
  db.close();
  const t2 = performance.now();
  const db15 = await nb.openDb(name, 15);
  out.ms15 = performance.now() - t2;
  out.version = db15.version;
  const docs = await db15.get('searchDocs', 1);
  const seg = nb.segmentDocs.decodeDocs(docs);
  const named = await Promise.all(seg.keys.map((k) => (k > 0 ? db15.get('items', k) : undefined)));
  out.segment = {
    items: seg.keys.length, gone: seg.keys.filter((k) => k === 0).length,
    wrong: segItems.filter((o, i) => i !== 3 && idOfKey(named[i]?.id ?? '') !== o.id).length,
    timesKept: seg.t.length === times.length && times.every((t, i) => seg.t[i] === t),
    words: nb.segmentDocs.allWords(docs), bytes: docs.keys.byteLength + docs.t.byteLength + docs.words.length,
  };
  const unreadAt15 = await db15.countFromIndex('items', 'byUnread');
  db15.close();
  // 15 -> 16: a map per source of its items' identity hashes (the first 6 bytes of each 8-byte id) to
  // their store keys (varint differences), and byRead beside byUnread in place of byPublished.
  const t3 = performance.now();
  const db16 = await nb.openDb(name, 16);
  out.ms16 = performance.now() - t3;
  out.version = db16.version;
  const maps = new Map();
  for (const s of await db16.getAllKeys('identities')) {
    const rec = await db16.get('identities', s);
    const m = new Map();
    let k = 0;
    let i = 0;
    for (let at = 0; at < rec.keys.length; ) {
      let d = 0;
      let scale = 1;
      let b;
      do { b = rec.keys[at++]; d += (b & 127) * scale; scale *= 128; } while (b & 128);
      k += d;
      let h = 0;
      for (let j = 0; j < 6; j++) h = h * 256 + rec.h[i * 6 + j];
      m.set(h, k);
      i++;
    }
    maps.set(s, m);
  }
  const all16 = await db16.getAll('items');
  let mapped = 0;
  for (const r of all16) {
    if (typeof r.id === 'string') continue;
    const b = new Uint8Array(r.id);
    let h = 0;
    for (let j = 0; j < 6; j++) h = h * 256 + b[j];
    if (maps.get(r.s)?.get(h) === r.k) mapped++;
  }
  out.s16 = {
    sources: maps.size, mapped, binary: all16.filter((r) => typeof r.id !== 'string').length,
    entries: [...maps.values()].reduce((a, m) => a + m.size, 0),
    indexes: [...db16.transaction('items').store.indexNames].sort(),
    byState: await db16.countFromIndex('items', 'byState'),
    unread0: await db16.countFromIndex('items', 'byState', IDBKeyRange.bound([0, -Infinity], [0, Infinity])),
    unread: all16.filter((r) => r.q === 0).length, withN: all16.filter((r) => 'n' in r).length, unreadBefore: unreadAt15,
  };
  db16.close();
  // 16 -> 17: byLink goes; each map entry gets its item's link hash, read from the records (which keep their l).
  const t4 = performance.now();
  const db17 = await nb.openDb(name, 17);
  out.ms17 = performance.now() - t4;
  out.version = db17.version;
  const byKey = new Map((await db17.getAll('items')).map((r) => [r.k, r]));
  let linked = 0;
  let entries = 0;
  for (const rec of await db17.getAll('identities')) {
    nb.identities.forEachLink(rec, (k, link) => {
      entries++;
      if (link !== 0 && link === nb.identities.linkHash(byKey.get(k).u)) linked++;
    });
  }
  out.s17 = { entries, linked, indexes: [...db17.transaction('items').store.indexNames].sort(), keptL: [...byKey.values()].filter((r) => 'l' in r).length };
  db17.close();
  await new Promise((res) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = res; });
  return out;
}`;

before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

describe('schema 13 to 17 migrations in Chromium', () => {
  it('rewrites 10,000 version-12 items as records under 8-byte keys, then under sequence numbers, every index and every id-keyed record intact, then the search segment by store key, then the identity maps and byState, then the links in the maps', async () => {
    const r = (await (await ext.sw()).evaluate(`(${MIGRATE})(${JSON.stringify({ n: N })})`)) as {
      ms: number; ms14: number; items: number; binary: number; problems: string[]; version: number; withCategories: number; sequential: boolean; foundById: number;
      categoriesLeft: number; byUnread: number[]; byStarred: number[]; byBreaking: number[]; byPublished: number[]; bySource: number[];
      byLink: string[]; link5: string; linkBits: boolean; keyOf70: string; item70: string; tag: unknown; notified: unknown; pending: unknown[];
      ms15: number; segment: { items: number; gone: number; wrong: number; timesKept: boolean; words: string[]; bytes: number };
      ms16: number; s16: { sources: number; mapped: number; binary: number; entries: number; indexes: string[]; byState: number; unread0: number; unread: number; withN: number; unreadBefore: number };
      ms17: number; s17: { entries: number; linked: number; indexes: string[]; keptL: number };
    };
    console.log(`migration of ${N} items in Chromium: 12 -> 13 ${Math.round(r.ms)} ms, 13 -> 14 ${Math.round(r.ms14)} ms, 14 -> 15 (a segment of 8,192) ${Math.round(r.ms15)} ms, its docs ${r.segment.bytes} B, 15 -> 16 ${Math.round(r.ms16)} ms, 16 -> 17 ${Math.round(r.ms17)} ms`);
    assert.equal(r.binary, N - 1, 'at 13 every 11-character id is an 8-byte key; the odd id stays a string');
    assert.equal(r.keyOf70.length, 11);
    assert.equal(r.withCategories, N / 2, 'half the version-13 records carry categories');
    assert.equal(r.version, 17);
    assert.deepEqual(r.problems, []);
    assert.equal(r.items, N);
    assert.ok(r.sequential, 'the records are under 1..N');
    assert.equal(r.foundById, N, 'byId finds every record by its id');
    assert.equal(r.categoriesLeft, 0);
    for (const ix of ['byUnread', 'byStarred', 'byBreaking', 'byPublished', 'bySource'] as const) assert.equal(r[ix][0], r[ix][1], ix);
    assert.deepEqual(r.byLink, [r.link5]);
    assert.ok(r.linkBits, 'the link key is 30 bits');
    assert.equal(r.item70, r.keyOf70);
    assert.ok(r.tag && r.notified && r.pending.length === 1, 'tags, notified and pending alerts still name their items');
    assert.deepEqual({ ...r.segment, bytes: undefined }, { items: 8192, gone: 1, wrong: 0, timesKept: true, words: ['story', 'summary'], bytes: undefined }, 'the segment names the same items in the same places');
    assert.ok(r.segment.bytes < 64 * 1024, `the segment's docs are ${r.segment.bytes} B`);
    // 16: every item with an id of the hashed kind is in its source's identity map, under its key.
    assert.equal(r.s16.sources, 20);
    assert.equal(r.s16.binary, N - 2, 'every item but the odd id and the one deleted keeps its 8-byte id');
    assert.equal(r.s16.mapped, r.s16.binary);
    assert.equal(r.s16.entries, r.s16.binary);
    assert.deepEqual(r.s16.indexes, ['byBreaking', 'byId', 'byLink', 'bySource', 'byStarred', 'byState']);
    assert.equal(r.s16.byState, N - 1, 'byState lists each item once');
    assert.equal(r.s16.unread, r.s16.unreadBefore, 'the read state moved from n to q');
    assert.equal(r.s16.unread0, r.s16.unread);
    assert.equal(r.s16.withN, 0);
    // 17: every map entry carries its item's link hash; byLink is gone; the records were not rewritten.
    assert.equal(r.s17.entries, r.s16.entries);
    assert.equal(r.s17.linked, r.s17.entries, 'each entry holds the hash of its item\'s link');
    assert.deepEqual(r.s17.indexes, ['byBreaking', 'byId', 'bySource', 'byStarred', 'byState']);
    assert.equal(r.s17.keptL, N - 1);
  });
});
