import { describe, expect, it } from 'vitest';
import { DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { foldTitle, hashString, itemIdFor } from '@/utils/normalize/ids';
import type { Item } from '@/utils/model';
import { expectCountersExact } from './recount';
import { indexQueued } from '@/utils/db/search-index';
import { searchItems } from '@/utils/db/search';
import { badgeCounts } from '@/utils/db/badge-counts';
import { loadBreaking } from '@/utils/db/queries';

describe('schema migrations', () => {
  it('upgrading from version 1 keeps every item, source and read state, and adds search keys and counters', async () => {
    const v1 = await openNewsDb('upgrade', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['items', 'sources']);
    const old = { id: 's:1', sourceId: 's', title: 'Zürich votes on the new tram line', url: 'http://x.test/1', summaryHtml: '<p>A <b>close</b> result</p>', contentHtml: '', published: 1, firstSeen: 1, updated: 0, categories: [], breaking: 0, read: 1, starred: 1 };
    await v1.put('items', old as never);
    await v1.put('sources', { id: 's', name: 'S', url: 'http://x.test/feed', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' });
    v1.close();

    const db = await openNewsDb('upgrade');
    expect(db.version).toBe(DB_VERSION);
    const id = itemIdFor('s', old);
    expect(await db.get('items', 's:1')).toBeUndefined();
    const it = await db.get('items', id);
    expect(it).toMatchObject({ read: 1, starred: 1, title: old.title, topics: [], alert: 0 });
    expect(it).not.toHaveProperty('words');
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
    const mk = (src: string, p: Partial<Item> & { url: string; title: string }): Item => ({ ...base, sourceId: src, ...p, id: p.id ?? legacyId(src, p) }) as Item;
    const withGuid = mk('s-a', { guid: 'g-1', url: 'http://x.test/1', title: 'With a guid', read: 1 });
    const withUrl = mk('s-a', { url: 'http://x.test/2', title: 'With a link', starred: 1, topics: ['t1'], alert: 1 });
    const titled = mk('s-b', { url: '', title: 'Only a title', read: 1, starred: 1 });
    // Left behind by the old split identity: one article under two records (a guid-less item that
    // was written over a guid item found on its URL). One is read, the other starred.
    const dupA = mk('s-a', { url: 'http://x.test/live', title: 'Live page', read: 1, firstSeen: 5 });
    const dupB = mk('s-a', { id: 's-a:zzz', url: 'http://x.test/live', title: 'Live page, updated', starred: 1, updated: 20 });

    const v3 = await openNewsDb('upgrade-ids', 3);
    for (const it of [withGuid, withUrl, titled, dupA, dupB]) await v3.put('items', it);
    await v3.put('notified', { itemId: withUrl.id, at: 7 });
    v3.close();

    const db = await openNewsDb('upgrade-ids');
    const items = await db.getAll('items');
    for (const it of items) expect(it.id).toBe(itemIdFor(it.sourceId, it));
    expect(items).toHaveLength(4);
    expect(await db.get('items', itemIdFor('s-a', withGuid))).toMatchObject({ title: 'With a guid', read: 1, starred: 0 });
    expect(await db.get('items', itemIdFor('s-a', withUrl))).toMatchObject({ read: 0, starred: 1, topics: ['t1'], alert: 1 });
    expect(await db.get('items', itemIdFor('s-b', titled))).toMatchObject({ read: 1, starred: 1 });
    // The duplicates are one item now: the newest text, read and starred both kept, the first sighting.
    expect(await db.get('items', itemIdFor('s-a', dupA))).toMatchObject({ title: 'Live page, updated', read: 1, starred: 1, firstSeen: 5 });
    // Already notified stays notified (a notification never repeats).
    expect(await db.get('notified', itemIdFor('s-a', withUrl))).toEqual({ itemId: itemIdFor('s-a', withUrl), at: 7 });
    expect(await db.get('notified', withUrl.id)).toBeUndefined();
    await expectCountersExact(db, { all: 4 });
    expect(await db.get('counters', 't:t1')).toMatchObject({ total: 1, unreadAlerts: 1 });
    db.close();
  });

  it('version 9 takes the search keys out of the items and queues them for the index', async () => {
    const v4 = await openNewsDb('upgrade-4', 8);
    const old = { id: 's:2', sourceId: 's', title: 'Storm over the harbour', url: 'http://x.test/2', summaryHtml: '', contentHtml: '', published: 5, firstSeen: 5, updated: 0, categories: [], breaking: 0, topics: [], topicKeys: [], alert: 0, read: 0, starred: 0, words: ['storm 0000000005', 'harbour 0000000005'] };
    await v4.put('items', old as never);
    v4.close();
    const db = await openNewsDb('upgrade-4');
    expect([...db.transaction('items').store.indexNames].sort()).toEqual(['byBreaking', 'byLink', 'byPublished', 'byRead', 'bySource', 'byStarred', 'byTopicTime']);
    const it = await db.get('items', 's:2');
    expect(it).not.toHaveProperty('words');
    expect(it).not.toHaveProperty('topicKeys');
    await indexQueued(db);
    expect((await searchItems(db, 'harb')).items.map((i) => i.id)).toEqual(['s:2']);
    db.close();
  });

  it('version 10 keeps only starred and breaking items in the Starred and Breaking indexes', async () => {
    const v9 = await openNewsDb('upgrade-9', 9);
    const mk = (id: string, o: Record<string, unknown>) => ({ id, sourceId: 's', title: id, url: `http://x.test/${id}`, summaryHtml: '', contentHtml: '', published: 7, firstSeen: 7, updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0, ...o });
    for (const it of [mk('plain', {}), mk('starred', { starred: 1 }), mk('breaking', { breaking: 1, read: 1 })]) await v9.put('items', it as never);
    v9.close();
    const db = await openNewsDb('upgrade-9');
    expect(await db.getAllKeysFromIndex('items', 'byStarred')).toEqual(['starred']);
    expect(await db.getAllKeysFromIndex('items', 'byBreaking')).toEqual(['breaking']);
    expect(await db.get('items', 'starred')).toMatchObject({ starred: 1, starredAt: 7 });
    expect(await db.get('items', 'plain')).not.toHaveProperty('starredAt');
    const counts = await badgeCounts(db, 7 + 60_000, 30);
    expect(counts.unreadBreaking).toBe(0);
    expect((await loadBreaking(db, 7 + 60_000, 30)).map((i) => i.id)).toEqual(['breaking']);
    db.close();
  });
});
