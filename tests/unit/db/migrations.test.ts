import { describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { DB_VERSION, openNewsDb } from '@/utils/db/open';
import { type NewsSchema } from '@/utils/db/schema';
import { type Schema12, type Schema13 } from '@/utils/db/migrations/legacy-schemas';
import { allItems, getItemsByKey, readItem, sourceItemsRange } from '@/utils/db/items/item-reads';
import { idOfKey, idOfStoreKey, itemKey, packIds, unpackIds } from '@/utils/db/items/item-ids';
import { toRecord, type ItemRecord } from '@/utils/db/items/item-record';
import { markRead, toggleStar } from '@/utils/db/read-state';
import { takePendingAlerts } from '@/utils/db/pending-alerts';
import { sweepCopies } from '@/utils/reader/cache';
import { foldTitle, hashString, itemIdFor, legacyItemIdFor, shortItemId } from '@/utils/normalize/ids';
import { storePoll } from '@/utils/db/items';
import { DEFAULT_SETTINGS, type Item, type ParsedItem, type Source } from '@/utils/model';
import { expectCountersExact } from './recount';
import { indexQueued } from '@/utils/db/search/search-index';
import { buildSegment } from '@/utils/search/segment';
import { decodeDocs } from '@/utils/search/segment-docs';
import { searchItems } from '@/utils/db/search/search-items';
import { badgeCounts } from '@/utils/db/badge-counts';
import { loadBreaking, loadPage } from '@/utils/db/queries';
import { getItemWithTopics } from '@/utils/db/tags';
import { legacyTopicKeys, type LegacyItem } from '@/utils/db/migrations/migrate-item-ids';
import { Tallier } from '@/utils/db/counters';
import { rematchStored } from '@/utils/topics/rematch';

/** A database opened at a version before 13, its items as those versions stored them. */
const openOld = (name: string, version: number) => openNewsDb(name, version) as unknown as Promise<IDBPDatabase<Schema12>>;

/** A segment of `items` as schemas 10 to 14 built it: the items named by id, newest first. */
function legacySegment(items: ReadonlyArray<Pick<Item, 'id' | 'title' | 'summaryHtml' | 'contentHtml' | 'published'>>) {
  const built = buildSegment(items, (it) => items.indexOf(it));
  return { ...built, ids: built.keys.map((k) => items[k]!.id) };
}

/** The ids of the items today's search segments name (through their store keys). */
async function segmentIds(db: IDBPDatabase<NewsSchema>): Promise<string[]> {
  const keys = (await db.getAll('searchDocs')).flatMap((d) => decodeDocs(d).keys);
  return (await getItemsByKey(db.transaction('items').store, keys)).flatMap((it) => (it ? [it.id] : []));
}

/** An item's record as schemas 13 to 15 kept it: `n`, a copy of its time while unread, where today's has `q`. */
function record15(it: Item): ItemRecord {
  const { q, ...r } = toRecord(it);
  return (q === 0 ? { ...r, n: r.p } : r) as ItemRecord;
}

describe('schema migrations', () => {
  it('upgrading from version 1 keeps every item, source and read state, and adds search keys and counters', async () => {
    const v1 = await openOld('upgrade', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['items', 'sources']);
    const old = { id: 's:1', sourceId: 's', title: 'Zürich votes on the new tram line', url: 'http://x.test/1', summaryHtml: '<p>A <b>close</b> result</p>', contentHtml: '', published: 1, firstSeen: 1, updated: 0, categories: [], breaking: 0, read: 1, starred: 1 };
    await v1.put('items', old as never);
    await v1.put('sources', { id: 's', name: 'S', url: 'http://x.test/feed', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' });
    v1.close();

    const db = await openNewsDb('upgrade');
    expect(db.version).toBe(DB_VERSION);
    const id = itemIdFor('s', old);
    expect(await readItem(db, 's:1')).toBeUndefined();
    const it = await readItem(db, id);
    expect(it).toMatchObject({ read: 1, starred: 1, title: old.title, alert: 0 });
    expect(it).not.toHaveProperty('words');
    expect(it).not.toHaveProperty('topics'); // tags are a store of their own since version 11
    // Queued for the search index, found before and after it is indexed.
    expect(await db.getAllKeys('searchQueue')).toEqual([[1, id]]);
    expect((await searchItems(db, 'zurich result')).items.map((i) => i.id)).toEqual([id]);
    expect(await indexQueued(db)).toBe(1);
    expect(await db.count('searchQueue')).toBe(0);
    expect((await searchItems(db, 'zurich result')).items.map((i) => i.id)).toEqual([id]);
    expect((await searchItems(db, 'the ')).items).toEqual([]); // stop words are not indexed
    expect(await db.get('counters', 'all')).toEqual({ key: 'all', total: 1, unread: 0, starred: 1, unreadAlerts: 0 });
    expect(await db.get('counters', 's:s')).toMatchObject({ total: 1, starred: 1 });
    expect(await db.count('sources')).toBe(1);
    db.close();
  });

  it('version 4 moves every item to the id of its one identity, keeping read, starred, topics and notified state', async () => {
    // Ids as schema 3 made them: hash(guid, else URL, else "t:" + folded title), no kind.
    const legacyId = (src: string, p: { guid?: string; url: string; title: string }) =>
      `${src}:${hashString(p.guid?.trim() || p.url.trim() || 't:' + foldTitle(p.title))}`;
    const base = { summaryHtml: '', contentHtml: '', categories: [], breaking: 0, topics: [], topicKeys: [], alert: 0, read: 0, starred: 0, words: [], updated: 0, published: 10, firstSeen: 10 } as const;
    const mk = (src: string, p: Partial<LegacyItem> & { url: string; title: string }): LegacyItem => ({ ...base, sourceId: src, ...p, id: p.id ?? legacyId(src, p) }) as LegacyItem;
    const withGuid = mk('s-a', { guid: 'g-1', url: 'http://x.test/1', title: 'With a guid', read: 1 });
    const withUrl = mk('s-a', { url: 'http://x.test/2', title: 'With a link', starred: 1, topics: ['t1'], alert: 1 });
    const titled = mk('s-b', { url: '', title: 'Only a title', read: 1, starred: 1 });
    // Left behind by the old split identity: one article under two records (a guid-less item that
    // was written over a guid item found on its URL). One is read, the other starred.
    const dupA = mk('s-a', { url: 'http://x.test/live', title: 'Live page', read: 1, firstSeen: 5 });
    const dupB = mk('s-a', { id: 's-a:zzz', url: 'http://x.test/live', title: 'Live page, updated', starred: 1, updated: 20 });

    const v3 = await openOld('upgrade-ids', 3);
    for (const it of [withGuid, withUrl, titled, dupA, dupB]) await v3.put('items', it);
    await v3.put('notified', { itemId: withUrl.id, at: 7 });
    v3.close();

    const db = await openNewsDb('upgrade-ids');
    const items = await allItems(db);
    // (The guid is not stored since version 13: the ids are checked against the originals.)
    expect(items.map((it) => it.id).sort()).toEqual([withGuid, withUrl, titled, dupA].map((o) => itemIdFor(o.sourceId, o)).sort());
    expect(await readItem(db, itemIdFor('s-a', withGuid))).toMatchObject({ title: 'With a guid', read: 1, starred: 0 });
    expect(await getItemWithTopics(db, itemIdFor('s-a', withUrl))).toMatchObject({ read: 0, starred: 1, topics: ['t1'], alert: 1 });
    expect(await readItem(db, itemIdFor('s-b', titled))).toMatchObject({ read: 1, starred: 1 });
    // The duplicates are one item now: the newest text, read and starred both kept, the first sighting.
    expect(await readItem(db, itemIdFor('s-a', dupA))).toMatchObject({ title: 'Live page, updated', read: 1, starred: 1, firstSeen: 5 });
    // Already notified stays notified (a notification never repeats).
    expect(await db.get('notified', itemIdFor('s-a', withUrl))).toEqual({ itemId: itemIdFor('s-a', withUrl), at: 7 });
    expect(await db.get('notified', withUrl.id)).toBeUndefined();
    await expectCountersExact(db, { all: 4 });
    expect(await db.get('counters', 't:t1')).toMatchObject({ total: 1, unreadAlerts: 1 });
    db.close();
  });

  it('version 9 takes the search keys out of the items and queues them for the index', async () => {
    const v4 = await openOld('upgrade-4', 8);
    const old = { id: 's:2', sourceId: 's', title: 'Storm over the harbour', url: 'http://x.test/2', summaryHtml: '', contentHtml: '', published: 5, firstSeen: 5, updated: 0, categories: [], breaking: 0, topics: [], topicKeys: [], alert: 0, read: 0, starred: 0, words: ['storm 0000000005', 'harbour 0000000005'] };
    await v4.put('items', old as never);
    v4.close();
    const v9 = await openOld('upgrade-4', 9);
    const it = await v9.get('items', 's:2');
    expect(it).not.toHaveProperty('words');
    expect(it).not.toHaveProperty('topicKeys');
    expect(await v9.getAllKeys('searchQueue')).toEqual([[5, 's:2']]);
    v9.close();
    // Indexed and found today (under its short id since version 12).
    const db = await openNewsDb('upgrade-4');
    expect([...db.transaction('items').store.indexNames].sort()).toEqual(['byBreaking', 'byId', 'bySource', 'byStarred', 'byState']);
    await indexQueued(db);
    expect((await searchItems(db, 'harb')).items.map((i) => i.id)).toEqual([shortItemId('s:2')]);
    db.close();
  });

  it('version 10 keeps only starred and breaking items in the Starred and Breaking indexes', async () => {
    const v9 = await openOld('upgrade-9', 9);
    const mk = (id: string, o: Record<string, unknown>) => ({ id, sourceId: 's', title: id, url: `http://x.test/${id}`, summaryHtml: '', contentHtml: '', published: 7, firstSeen: 7, updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0, ...o });
    for (const it of [mk('plain', {}), mk('starred', { starred: 1 }), mk('breaking', { breaking: 1, read: 1 })]) await v9.put('items', it as never);
    v9.close();
    const v10 = await openOld('upgrade-9', 10);
    expect(await v10.getAllKeysFromIndex('items', 'byStarred')).toEqual(['starred']);
    expect(await v10.getAllKeysFromIndex('items', 'byBreaking')).toEqual(['breaking']);
    expect(await v10.get('items', 'starred')).toMatchObject({ starred: 1, starredAt: 7 });
    expect(await v10.get('items', 'plain')).not.toHaveProperty('starredAt');
    v10.close();
    const db = await openNewsDb('upgrade-9');
    const idsIn = async (index: 'byStarred' | 'byBreaking') => (await db.getAllFromIndex('items', index)).map((r) => r.id);
    expect(await idsIn('byStarred')).toEqual(['starred']);
    expect(await idsIn('byBreaking')).toEqual(['breaking']);
    expect(await readItem(db, 'starred')).toMatchObject({ starred: 1 });
    const counts = await badgeCounts(db, 7 + 60_000, 30);
    expect(counts.unreadBreaking).toBe(0);
    expect((await loadBreaking(db, 7 + 60_000, 30)).map((i) => i.id)).toEqual(['breaking']);
    db.close();
  });

  it('version 11 moves topic tags out of the items into their own store, keeping counts, the topic filter and chips', async () => {
    // A database as Newsbar 0.7.0 (schema 10) left it: topics and their "topicId time" keys inside
    // every item (byTopicTime over them), counters kept by its writer.
    const v10 = await openOld('upgrade-10', 10);
    expect([...v10.transaction('items').store.indexNames]).toContain('byTopicTime');
    const mk = (n: number, topics: string[], o: Record<string, unknown> = {}) => {
      const it = { id: `s:${n}`, sourceId: 's', title: `Item ${n}`, url: `http://x.test/${n}`, summaryHtml: '', contentHtml: '', published: 1000 + n, firstSeen: 1000 + n, updated: 0, categories: [], breaking: 0, sourceBreaking: 0, topics, alert: 0, read: 0, starred: 0, ...o };
      return legacyTopicKeys(it).length ? { ...it, topicKeys: legacyTopicKeys(it) } : it;
    };
    const old = [
      ...Array.from({ length: 60 }, (_, n) => mk(n, n % 2 ? ['storm'] : ['storm', 'rail'], { read: n % 3 === 0 ? 1 : 0 })),
      mk(60, [], { starred: 1, starredAt: 1060 }),
      mk(61, ['alerting'], { alert: 1 }),
    ];
    const tally = new Tallier();
    for (const it of old) {
      await v10.put('items', it as never);
      tally.add(it as Item);
    }
    for (const c of tally.result()) await v10.put('counters', c);
    const countersBefore = await v10.getAll('counters');
    expect(await v10.countFromIndex('items', 'byTopicTime' as never)).toBe(60 + 30 + 1);
    v10.close();

    const v11 = await openOld('upgrade-10', 11);
    expect(v11.version).toBe(11);
    expect([...v11.transaction('items').store.indexNames]).not.toContain('byTopicTime');
    // Every item keeps everything but its topics and topic keys.
    for (const it of await v11.getAll('items')) {
      expect(it).not.toHaveProperty('topics');
      expect(it).not.toHaveProperty('topicKeys');
    }
    expect(await v11.get('items', 's:60')).toMatchObject({ starred: 1, starredAt: 1060 });
    // One tag record per tagged item; one topic filter entry per (topic, item).
    expect(await v11.count('tags')).toBe(61);
    expect(await v11.countFromIndex('tags', 'byTopicTime')).toBe(60 + 30 + 1);
    expect(await v11.get('tags', 's:0')).toEqual({ id: 's:0', keys: [['storm', 1000], ['rail', 1000]] });
    expect(await v11.get('tags', 's:60')).toBeUndefined();
    // The counters count the same.
    expect(await v11.getAll('counters')).toEqual(countersBefore);
    v11.close();
    // Today (short ids since 12, records since 13): exactly what the tags say, the filter and chips.
    const db = await openNewsDb('upgrade-10');
    const short = (n: number) => shortItemId(`s:${n}`);
    expect(await db.getAll('counters')).toEqual(countersBefore);
    await expectCountersExact(db, { all: 62 });
    // The topic filter lists the topic's items newest first, page by page, with their chips.
    const first = await loadPage(db, { kind: 'topic', id: 'rail' }, undefined, 20);
    expect(first.items.map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, k) => short(58 - 2 * k)));
    expect(first.items[0].topics?.sort()).toEqual(['rail', 'storm']);
    const second = await loadPage(db, { kind: 'topic', id: 'rail' }, first.next, 20);
    expect(second.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, k) => short(18 - 2 * k)));
    expect(second.next).toBeUndefined();
    expect(await getItemWithTopics(db, short(61))).toMatchObject({ topics: ['alerting'], alert: 1 });
    // Re-matching after the upgrade finds the tags in place: nothing to write.
    const topic = (id: string, query: string, notify = false) => ({ id, name: id, query, sourceIds: [], notify, breaking: false, createdAt: 0 });
    const items = await db.getAll('items');
    const topics = [topic('storm', 'item'), topic('rail', 'item'), topic('alerting', 'item', true), topic('nothing', 'zzz')];
    const r = await rematchStored(db, topics, { topicIds: ['nothing'], pause: async () => {} });
    expect(r).toEqual({ scanned: 62, updated: 0, rewritten: 0 });
    expect(await db.getAll('items')).toEqual(items);
    db.close();
  });

  it('version 12 gives every item its short id, and moves everything that names an item with it', async () => {
    const source: Source = { id: 's-1x2y', name: 'Wire', url: 'http://x.test/feed', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' };
    const parsed: ParsedItem[] = Array.from({ length: 6 }, (_, i) => ({
      guid: i % 3 === 2 ? undefined : `g-${i}`, title: `Harbour storm report number ${i}`, url: `http://x.test/${i}`, summaryHtml: `<p>Storm ${i}</p>`, contentHtml: '', published: 1000 + i, categories: [], breaking: false,
    }));
    const old = parsed.map((p, i): LegacyItem => ({
      id: legacyItemIdFor(source.id, p), sourceId: source.id, guid: p.guid, title: p.title, url: p.url, summaryHtml: p.summaryHtml, contentHtml: '', published: p.published!, firstSeen: p.published!, updated: 0,
      categories: [], breaking: 0, topics: [], alert: i === 1 ? 1 : 0, read: i === 0 ? 1 : 0, starred: i === 3 ? 1 : 0, ...(i === 3 ? { starredAt: p.published } : {}),
    }));
    const counters = [
      { key: 'all', total: 6, unread: 5, starred: 1, unreadAlerts: 1 },
      { key: `s:${source.id}`, total: 6, unread: 5, starred: 1, unreadAlerts: 1 },
      { key: 't:storm', total: 1, unread: 1, starred: 0, unreadAlerts: 1 },
    ];

    // A real database as version 11 left it: items, counters, a topic tag, notified ids and story keys,
    // a pending alert, a reader copy, three items in search segments and three still queued.
    const v10 = await openOld('upgrade-11', 11);
    await v10.put('sources', source);
    for (const it of old) await v10.put('items', it);
    for (const c of counters) await v10.put('counters', c);
    // Three items in a segment, as version 11's indexer wrote it (today's reads today's records).
    const built = legacySegment(old.slice(0, 3));
    await v10.put('searchSegments', { seg: 1, n: 3, maxT: built.t[0]!, minT: built.t[built.t.length - 1]! });
    await v10.put('searchDocs', { seg: 1, ids: built.ids, t: built.t, words: [...built.postings.keys()] } as never);
    for (const [w, p] of built.postings) await v10.put('searchPostings', p, [w, built.t[0]!, 1]);
    for (const it of old.slice(3)) await v10.put('searchQueue', 1, [it.published, it.id]);
    await v10.put('notified', { itemId: old[1].id, at: 7 });
    await v10.put('notified', { itemId: 'link:http://x.test/1', at: 7 });
    await v10.put('notified', { itemId: 'title:abc', at: 7 });
    await v10.put('notified', { itemId: 's-gone:g-5x', at: 8 }); // its item already removed by retention
    await v10.put('pendingAlerts', { itemId: old[1].id, at: 9 });
    await v10.put('tags', { id: old[1].id, keys: [['storm', old[1].published]] });
    const article = { url: old[0].url, title: old[0].title, byline: null, published: null, leadImage: null, html: '<p>Text</p>', text: 'Text', siteName: null, lang: null, dir: null };
    await v10.put('reader', { itemId: old[0].id, readAt: 11, article } as never);
    v10.close();

    const v12 = await openOld('upgrade-11', 12);
    const ids = parsed.map((p) => itemIdFor(source.id, p));
    const items = await v12.getAll('items');
    expect(items.map((it) => it.id).sort()).toEqual([...ids].sort());
    for (const it of items) expect(it.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    // Every field but the id is as it was.
    for (const [i, it] of old.entries()) expect(await v12.get('items', ids[i])).toEqual({ ...it, id: ids[i] });
    expect(await v12.getAllKeysFromIndex('items', 'byStarred')).toEqual([ids[3]]);
    expect(await v12.getAllKeysFromIndex('items', 'bySource', IDBKeyRange.bound([source.id, 0], [source.id, Infinity]))).toEqual([...ids]);
    expect(await v12.getAll('counters')).toEqual(counters);

    expect(await v12.get('notified', ids[1])).toEqual({ itemId: ids[1], at: 7 });
    expect(await v12.get('notified', 'link:http://x.test/1')).toEqual({ itemId: 'link:http://x.test/1', at: 7 });
    expect(await v12.get('notified', 'title:abc')).toEqual({ itemId: 'title:abc', at: 7 });
    expect(await v12.get('notified', shortItemId('s-gone:g-5x'))).toEqual({ itemId: shortItemId('s-gone:g-5x'), at: 8 });
    expect(await v12.count('notified')).toBe(4);
    expect(await v12.getAll('pendingAlerts')).toEqual([{ itemId: ids[1], at: 9 }]);
    expect(await v12.getAll('reader')).toEqual([{ itemId: ids[0], readAt: 11, article }]);
    expect(await v12.getAll('tags')).toEqual([{ id: ids[1], keys: [['storm', 1001]] }]);
    expect(await v12.getAllKeysFromIndex('tags', 'byTopicTime', IDBKeyRange.bound(['storm', 0], ['storm', Infinity]))).toEqual([ids[1]]);
    expect(await v12.count('tags')).toBe(1);

    // The search index: the segment's items and the queue both name the new ids.
    v12.close();
    const db = await openNewsDb('upgrade-11');
    expect(await db.getAllKeys('searchQueue')).toEqual(old.slice(3).map((it, i) => [it.published, ids[3 + i]]));
    expect((await segmentIds(db)).sort()).toEqual(ids.slice(0, 3).sort());
    const found = async () => (await searchItems(db, 'harbour storm')).items.map((i) => i.id).sort();
    expect(await found()).toEqual([...ids].sort());
    expect(await indexQueued(db)).toBe(3);
    expect(await found()).toEqual([...ids].sort());

    // The next poll of the same feed finds every item: nothing new, read and starred kept.
    const result = await storePoll(db, source, parsed, 5000, DEFAULT_SETTINGS);
    expect(result.newIds).toEqual([]);
    expect(await db.count('items')).toBe(6);
    expect(await readItem(db, ids[0])).toMatchObject({ read: 1 });
    await expectCountersExact(db, { all: 6 });
    db.close();
  });

  it('version 13 stores items as compact records, losing nothing that is kept by item id', async () => {
    const a: Source = { id: 's-a', name: 'Wire', url: 'http://x.test/a', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' };
    const b: Source = { ...a, id: 's-b', name: 'Other wire', url: 'http://x.test/b' };
    const parsed: ParsedItem[] = Array.from({ length: 6 }, (_, i) => ({
      guid: `g-${i}`, title: `Harbour storm report number ${i}`, url: `http://x.test/story/${i}`, summaryHtml: i === 4 ? '' : `<p>Storm ${i}</p>`,
      contentHtml: i === 2 ? '<p>Full text</p>' : '', author: i === 1 ? 'Ana' : undefined, imageUrl: i === 3 ? 'http://x.test/i.png' : undefined,
      published: 1000 + i, categories: i === 0 ? ['World', 'Sea'] : [], breaking: i === 5,
    }));
    // As version 12 kept them: every field by name, defaults written, guid, starredAt / breakingAt.
    const old: LegacyItem[] = parsed.map((p, i) => ({
      id: itemIdFor(a.id, p), sourceId: a.id, guid: p.guid, title: p.title, url: p.url, summaryHtml: p.summaryHtml, contentHtml: p.contentHtml,
      ...(p.author ? { author: p.author } : {}), ...(p.imageUrl ? { imageUrl: p.imageUrl } : {}),
      published: p.published!, firstSeen: p.published! + (i === 3 ? 500 : 0), updated: i === 2 ? 3000 : 0, categories: p.categories,
      breaking: i === 5 ? 1 : 0, sourceBreaking: i === 5 ? 1 : 0, alert: i === 1 ? 1 : 0, read: i === 0 || i === 5 ? 1 : 0, starred: i === 3 ? 1 : 0,
      ...(i === 3 ? { starredAt: p.published } : {}), ...(i === 5 ? { breakingAt: p.published } : {}), ...(i === 4 ? { alsoFrom: ['s-c'] } : {}),
      topics: [],
    }));
    // An id that is not a 64-bit one (kept as a string key).
    const odd: LegacyItem = { ...old[0]!, id: 'odd-id', title: 'Odd one', url: 'http://x.test/odd', guid: undefined, read: 0, published: 900, firstSeen: 900 };
    const all = [...old, odd];
    const v12 = await openOld('upgrade-12', 12);
    await v12.put('sources', a);
    await v12.put('sources', b);
    for (const it of all) await v12.put('items', it);
    const tally = new Tallier();
    for (const it of all) tally.add({ ...it, topics: it.id === old[1]!.id ? ['storm'] : [] });
    for (const c of tally.result()) await v12.put('counters', c);
    await v12.put('tags', { id: old[1]!.id, keys: [['storm', old[1]!.published]] });
    await v12.put('notified', { itemId: old[2]!.id, at: 7 });
    await v12.put('pendingAlerts', { itemId: old[1]!.id, at: 9 });
    const article = { url: old[3]!.url, title: old[3]!.title, byline: null, published: null, leadImage: null, html: '<p>Text</p>', text: 'Text', siteName: null, lang: null, dir: null };
    await v12.put('reader', { itemId: old[3]!.id, readAt: 11, article } as never);
    const built = legacySegment(old.slice(0, 3));
    await v12.put('searchSegments', { seg: 1, n: 3, maxT: built.t[0]!, minT: built.t[built.t.length - 1]! });
    await v12.put('searchDocs', { seg: 1, ids: built.ids, t: built.t, words: [...built.postings.keys()] } as never);
    for (const [w, p] of built.postings) await v12.put('searchPostings', p, [w, built.t[0]!, 1]);
    for (const it of [...old.slice(3), odd]) await v12.put('searchQueue', 1, [it.published, it.id]);
    v12.close();

    const v13 = await openNewsDb('upgrade-12', 13) as unknown as IDBPDatabase<Schema13>;
    expect(v13.version).toBe(13);
    // Keys: 8 bytes for the 64-bit ids, the odd id as it was; the record holds short fields only.
    const keys = await v13.getAllKeys('items');
    expect(keys.filter((k) => typeof k === 'string')).toEqual(['odd-id']);
    expect(keys.filter((k) => typeof k !== 'string').map((k) => (k as ArrayBuffer).byteLength)).toEqual([8, 8, 8, 8, 8, 8]);
    const raw = (await v13.get('items', itemKey(old[0]!.id)))!;
    expect(Object.keys(raw).sort()).toEqual(['h', 'id', 'l', 'p', 's', 't', 'u']);
    // The indexes list what they are read for.
    const idsOf = (ks: IDBValidKey[]) => ks.map(idOfKey).sort();
    expect(idsOf(await v13.getAllKeysFromIndex('items', 'byUnread'))).toEqual([old[1]!.id, old[2]!.id, old[3]!.id, old[4]!.id, 'odd-id'].sort());
    expect(idsOf(await v13.getAllKeysFromIndex('items', 'byStarred'))).toEqual([old[3]!.id]);
    expect(idsOf(await v13.getAllKeysFromIndex('items', 'byBreaking'))).toEqual([old[5]!.id]);
    expect(idsOf(await v13.getAllKeysFromIndex('items', 'bySource', sourceItemsRange(a.id, 0)))).toEqual(all.map((it) => it.id).sort());
    v13.close();

    // Then on to today's schema: everything below reads through today's code.
    const db = await openNewsDb('upgrade-12');
    // Every item reads back as it was, but for what is no longer kept (guid, the derived index times, categories).
    const strip = ({ guid: _g, starredAt: _s, breakingAt: _b, topics: _t, ...it }: LegacyItem) => ({ sourceBreaking: 0, ...it, categories: [] });
    const stored = await allItems(db);
    expect(stored.sort((x, y) => x.published - y.published)).toEqual([odd, ...old].map(strip));
    // Pages, counts and the filters read the same.
    expect((await loadPage(db, { kind: 'unread' })).items.map((i) => i.id)).toEqual([old[4]!.id, old[3]!.id, old[2]!.id, old[1]!.id, 'odd-id']);
    expect((await loadPage(db, { kind: 'starred' })).items.map((i) => i.id)).toEqual([old[3]!.id]);
    expect((await loadPage(db, { kind: 'topic', id: 'storm' })).items.map((i) => i.id)).toEqual([old[1]!.id]);
    expect((await loadBreaking(db, 1005 + 60_000, 30)).map((i) => i.id)).toEqual([old[5]!.id]);
    await expectCountersExact(db, { all: 7 });
    // Search: the segment's items and the queued ones.
    const found = async () => (await searchItems(db, 'harbour storm')).items.map((i) => i.id).sort();
    expect(await found()).toEqual(old.map((it) => it.id).sort());
    expect(await indexQueued(db)).toBe(4);
    expect(await found()).toEqual(old.map((it) => it.id).sort());
    // What is kept by item id still finds its item.
    expect(await getItemWithTopics(db, old[1]!.id)).toMatchObject({ topics: ['storm'], alert: 1, author: 'Ana' });
    expect(await db.get('notified', old[2]!.id)).toEqual({ itemId: old[2]!.id, at: 7 });
    const alerted = await takePendingAlerts(db, 20, (items) => ({ handled: items.map((i) => i.id), result: items.map((i) => i.id) }));
    expect(alerted).toEqual([old[1]!.id]);
    expect(await sweepCopies(db)).toBe(0);
    expect(await db.count('reader')).toBe(1);
    // The next poll finds every item (nothing new, read and starred kept); another source's copy of a
    // story joins its row through the link's hash.
    const again = await storePoll(db, a, parsed, 5000, DEFAULT_SETTINGS);
    expect(again.newIds).toEqual([]);
    const fromB = await storePoll(db, b, [{ ...parsed[2]!, guid: 'b-2' }], 5000, DEFAULT_SETTINGS);
    expect(fromB.newIds).toEqual([]);
    expect(await readItem(db, old[2]!.id)).toMatchObject({ alsoFrom: ['s-b'], read: 0 });
    expect(await readItem(db, old[0]!.id)).toMatchObject({ read: 1 });
    expect(await db.count('items')).toBe(7);
    await expectCountersExact(db, { all: 7 });
    db.close();
  });
  it('version 14 keys items by a sequence number, keeping every item, its state and all that names it', async () => {
    const a: Source = { id: 's-a', name: 'Wire', url: 'http://x.test/a', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' };
    const b: Source = { ...a, id: 's-b', name: 'Other wire', url: 'http://x.test/b' };
    // Twelve items, four of them at one time (ties in every index), one with categories.
    const parsed: ParsedItem[] = Array.from({ length: 12 }, (_, i) => ({
      guid: `g-${i}`, title: `Harbour storm report number ${i}`, url: `http://x.test/story/${i}`, summaryHtml: `<p>Storm ${i}</p>`, contentHtml: '',
      published: i < 4 ? 5000 : 1000 + i, categories: i === 0 ? ['World', 'Sea'] : [], breaking: i === 5,
    }));
    const items: Item[] = parsed.map((p, i) => ({
      id: itemIdFor(a.id, p), sourceId: a.id, title: p.title, url: p.url, summaryHtml: p.summaryHtml, contentHtml: '', published: p.published!, firstSeen: p.published!,
      updated: 0, categories: p.categories, breaking: i === 5 ? 1 : 0, sourceBreaking: i === 5 ? 1 : 0, alert: i === 1 ? 1 : 0, read: i % 3 === 0 ? 1 : 0, starred: i === 7 ? 1 : 0,
      ...(i === 6 ? { alsoFrom: ['s-b'] } : {}),
    }));
    const odd: Item = { ...items[8]!, id: 'odd-id', title: 'Odd one', url: 'http://x.test/odd', published: 900, firstSeen: 900, read: 0, starred: 0 };
    const all = [...items, odd];
    // A real database as version 13 left it: records by 0.10.0's codec (the 8-byte id as the key, categories as 'g').
    const v13 = await openNewsDb('upgrade-13', 13) as unknown as IDBPDatabase<Schema13>;
    await v13.put('sources', a);
    await v13.put('sources', b);
    for (const it of all) await v13.put('items', { ...record15(it), ...(it.categories.length ? { g: it.categories } : {}) } as ItemRecord);
    const tally = new Tallier();
    for (const it of all) tally.add({ ...it, topics: it.id === items[1]!.id || it.id === items[2]!.id ? ['storm'] : [] });
    for (const c of tally.result()) await v13.put('counters', c);
    for (const i of [1, 2]) await v13.put('tags', { id: items[i]!.id, keys: [['storm', items[i]!.published]] });
    await v13.put('notified', { itemId: items[2]!.id, at: 7 });
    await v13.put('pendingAlerts', { itemId: items[1]!.id, at: 9 });
    const article = { url: items[7]!.url, title: items[7]!.title, byline: null, published: null, leadImage: null, html: '<p>Text</p>', text: 'Text', siteName: null, lang: null, dir: null };
    await v13.put('reader', { itemId: items[7]!.id, readAt: 11, article } as never);
    const built = legacySegment(items.slice(0, 6));
    await v13.put('searchSegments', { seg: 1, n: 6, maxT: built.t[0]!, minT: built.t[built.t.length - 1]! });
    await v13.put('searchDocs', { seg: 1, ids: packIds(built.ids), t: Float64Array.from(built.t), words: [...built.postings.keys()] } as never);
    for (const [w, p] of built.postings) await v13.put('searchPostings', p, [w, built.t[0]!, 1]);
    await v13.put('searchQueue', [...items.slice(6), odd].map((it) => it.id), [1, 'q']);
    v13.close();

    const db = await openNewsDb('upgrade-13');
    expect(db.version).toBe(DB_VERSION);
    // Every item reads back as it was, but for its categories.
    const byTime = (x: Item, y: Item) => x.published - y.published || (x.id < y.id ? -1 : 1);
    expect((await allItems(db)).sort(byTime)).toEqual([...all].sort(byTime).map((it) => ({ ...it, categories: [] })));
    // Keys 1..13, oldest first (ties in the ids' order); the id once in the record and in byId.
    const records = await db.getAll('items');
    expect(records.map((r) => r.k)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(records.map((r) => idOfKey(r.id!))).toEqual([...all].sort((x, y) => x.published - y.published || indexedDB.cmp(itemKey(x.id), itemKey(y.id))).map((it) => it.id));
    expect(records.some((r) => 'g' in r)).toBe(false);
    for (const r of records) expect(await db.getKeyFromIndex('items', 'byId', r.id!)).toBe(r.k);
    const idsIn = async (index: 'byState' | 'byStarred' | 'byBreaking', range?: IDBKeyRange) => (await db.getAllFromIndex('items', index, range)).map((r) => idOfKey(r.id!)).sort();
    // Every item by time once: the unread under [0, time] in byState, the read under [1, time].
    expect(await idsIn('byState', IDBKeyRange.bound([0, -Infinity], [0, Infinity]))).toEqual(all.filter((it) => it.read === 0).map((it) => it.id).sort());
    expect(await idsIn('byState', IDBKeyRange.bound([1, -Infinity], [1, Infinity]))).toEqual(all.filter((it) => it.read === 1).map((it) => it.id).sort());
    expect(await idsIn('byStarred')).toEqual([items[7]!.id]);
    expect(await idsIn('byBreaking')).toEqual([items[5]!.id]);
    // Pages of two walk every item once, newest first, the tied ones by the larger id first (as before).
    const walked: string[] = [];
    let page = await loadPage(db, { kind: 'all' }, undefined, 2);
    for (;;) {
      walked.push(...page.items.map((i) => i.id));
      if (!page.next) break;
      page = await loadPage(db, { kind: 'all' }, page.next, 2);
    }
    expect(walked).toEqual([...all].sort((x, y) => y.published - x.published || (x.id < y.id ? 1 : -1)).map((it) => it.id));
    expect((await loadPage(db, { kind: 'source', id: a.id })).items).toHaveLength(13);
    expect((await loadPage(db, { kind: 'topic', id: 'storm' })).items.map((i) => i.id).sort()).toEqual([items[1]!.id, items[2]!.id].sort());
    expect((await loadBreaking(db, 1005 + 60_000, 30)).map((i) => i.id)).toEqual([items[5]!.id]);
    await expectCountersExact(db, { all: 13 });
    // Search: the segment's items and the queued ones.
    const found = async () => (await searchItems(db, 'harbour storm')).items.map((i) => i.id).sort();
    expect(await found()).toEqual(items.map((it) => it.id).sort());
    await indexQueued(db);
    expect(await found()).toEqual(items.map((it) => it.id).sort());
    // What is kept by item id still finds its item.
    expect(await getItemWithTopics(db, items[1]!.id)).toMatchObject({ topics: ['storm'], alert: 1 });
    expect(await db.get('notified', items[2]!.id)).toEqual({ itemId: items[2]!.id, at: 7 });
    expect(await takePendingAlerts(db, 20, (got) => ({ handled: got.map((i) => i.id), result: got.map((i) => i.id) }))).toEqual([items[1]!.id]);
    expect(await sweepCopies(db)).toBe(0);
    // The next poll finds every item (nothing new; read and starred kept); another source's copy of a
    // story joins its row; new items take the next numbers.
    expect((await storePoll(db, a, parsed, 9000, DEFAULT_SETTINGS)).newIds).toEqual([]);
    expect((await storePoll(db, b, [{ ...parsed[4]!, guid: 'b-4' }], 9000, DEFAULT_SETTINGS)).newIds).toEqual([]);
    expect(await readItem(db, items[4]!.id)).toMatchObject({ alsoFrom: ['s-b'], read: 0 });
    const more = await storePoll(db, b, [{ ...parsed[9]!, guid: 'b-new', url: 'http://x.test/b-new', title: 'A new harbour story' }], 9000, DEFAULT_SETTINGS);
    expect(more.newIds).toHaveLength(1);
    // A new item goes by its store key and keeps no id in its record.
    expect(more.newIds).toEqual([idOfStoreKey(14)]);
    expect(await db.get('items', 14)).not.toHaveProperty('id');
    expect(await db.countFromIndex('items', 'byId')).toBe(13);
    // Read and star writes replace the records in place.
    await markRead(db, [items[1]!.id, odd.id], true);
    expect(await toggleStar(db, items[2]!.id)).toBe(true);
    expect(await readItem(db, odd.id)).toMatchObject({ read: 1 });
    expect(await readItem(db, items[2]!.id)).toMatchObject({ starred: 1 });
    expect(await db.count('items')).toBe(14);
    await expectCountersExact(db, { all: 14 });
    // Retention deletes by the store's key.
    await storePoll(db, a, [], 9000, { ...DEFAULT_SETTINGS, maxItemsPerSource: 5 });
    expect((await loadPage(db, { kind: 'source', id: a.id })).items.map((i) => i.id)).toEqual(expect.arrayContaining([items[7]!.id, items[2]!.id]));
    await expectCountersExact(db);
    db.close();
  });
  it('version 15 names the search segments\' items by store key, keeping every search answer', async () => {
    // A real database as version 14 left it: items under sequence numbers, a segment naming them by id.
    const items: Item[] = Array.from({ length: 8 }, (_, i) => ({
      id: itemIdFor('s-a', { guid: `g-${i}`, title: '', url: '' }),
      sourceId: 's-a', title: i % 2 ? `Harbour storm ${i}` : `Harbour strike ${i}`, url: `http://x.test/${i}`, summaryHtml: `<p>Tide ${i}</p>`, contentHtml: '',
      published: 1_700_000_000_000 + i * 61_000 + (i === 3 ? 7 : 0), firstSeen: 0, updated: 0, categories: [], breaking: 0, sourceBreaking: 0, alert: 0, read: 0, starred: 0,
    }));
    const v14 = await openNewsDb('upgrade-14', 14);
    for (const it of items) await v14.put('items', record15({ ...it, firstSeen: it.published }));
    const built = legacySegment(items);
    await v14.put('searchSegments', { seg: 1, n: 8, maxT: built.t[0]!, minT: built.t[7]! });
    await v14.put('searchDocs', { seg: 1, ids: packIds(built.ids), t: Float64Array.from(built.t), words: [...built.postings.keys()] } as never);
    for (const [w, p] of built.postings) await v14.put('searchPostings', p, [w, built.t[0]!, 1]);
    // An item deleted after the segment was built (retention): the segment still names it.
    const gone = items[5]!;
    await v14.delete('items', (await v14.getKeyFromIndex('items', 'byId', itemKey(gone.id)))!);
    v14.close();

    const db = await openNewsDb('upgrade-14', 15);
    expect(db.version).toBe(15);
    const [docs] = await db.getAll('searchDocs');
    const { keys, t } = decodeDocs(docs!);
    // The same items in the same places (the postings name them by place), the deleted one as 0.
    const keyOf = async (id: string) => ((await db.getKeyFromIndex('items', 'byId', itemKey(id))) as number | undefined) ?? 0;
    expect(keys).toEqual(await Promise.all(built.ids.map(keyOf)));
    expect(keys[built.ids.indexOf(gone.id)]).toBe(0);
    expect(Array.from(t)).toEqual(built.t);
    expect(docs!.words).toBe('\n' + [...built.postings.keys()].sort().join('\n'));
    // Searches answer as a scan of the items would, with whole words and a prefix.
    const live = items.filter((it) => it !== gone);
    const expectFound = async (q: string, match: (it: Item) => boolean) =>
      expect((await searchItems(db, q)).items.map((i) => i.id)).toEqual(live.filter(match).sort((x, y) => y.published - x.published).map((it) => it.id));
    await expectFound('harbour storm', (it) => it.title.includes('storm'));
    await expectFound('harbour st', () => true);
    await expectFound('tide', () => true);
    // A clean-up rebuilds the segment from the live items, by key.
    await db.delete('items', (await keyOf(items[0]!.id)) as number);
    await db.delete('items', (await keyOf(items[1]!.id)) as number);
    await db.put('counters', { key: 'all', total: 5, unread: 5, starred: 0, unreadAlerts: 0 });
    await db.put('searchSegments', { seg: 1, n: 300, maxT: built.t[0]!, minT: built.t[7]! }); // looks mostly deleted
    await indexQueued(db);
    expect((await segmentIds(db)).sort()).toEqual(live.slice(2).map((it) => it.id).sort());
    await expectFound('harbour', (it) => it !== items[0] && it !== items[1]);
    db.close();
  });
});
