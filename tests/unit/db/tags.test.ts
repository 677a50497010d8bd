// Topic tags in a store of their own: tagging and un-tagging write only tag records (never an item),
// deleting an item deletes its tags, and tags are written in the item's transaction (all or nothing).
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import { addSource, removeSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { writeItems } from '@/utils/db/items/item-writes';
import { markAllRead } from '@/utils/db/read-state';
import { searchItems } from '@/utils/db/search/search-items';
import { getItemWithTopics, topicTagRange } from '@/utils/db/tags';
import { rematchStored, topicSet } from '@/utils/topics/rematch';
import type { Item, ParsedItem, Source, Topic } from '@/utils/model';
import { expectCountersExact } from './recount';
import { allItems } from '@/utils/db/items/item-reads';

const NOW = Date.now();
const MIN = 60_000;
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500 };
const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: id, query, sourceIds: [], notify: false, breaking: false, createdAt: 0, ...extra,
});
const parsed = (n: number, title: string, published = NOW - n * MIN): ParsedItem => ({
  guid: `g${n}`, title, url: `https://wire.example/${n}`, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published,
});

let db: NewsDb;
let source: Source;

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  source = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' });
});

/** Orphans: tags whose item is not stored. */
async function orphanTags(): Promise<number> {
  const ids = new Set((await allItems(db)).map((it) => it.id));
  return (await db.getAllKeys('tags')).filter((id) => !ids.has(id)).length;
}

describe('topic tags', () => {
  it('a re-match after a topic edit writes tags only: every item record stays as it was', async () => {
    const titles = Array.from({ length: 40 }, (_, n) => (n % 4 === 0 ? `Storm ${n}` : `Calm ${n}`));
    await storePoll(db, source, titles.map((t, n) => parsed(n, t)), NOW, SETTINGS, {}, topicSet([topic('a', 'calm')]));
    const before = await allItems(db);
    for (const it of before) expect(it).not.toHaveProperty('topics');

    // A new topic, then an edit of it: tags come and go, items are not touched.
    const added = await rematchStored(db, [topic('a', 'calm'), topic('s', 'storm')], { topicIds: ['s'], pause: async () => {} });
    expect(added).toEqual({ scanned: 40, updated: 10, rewritten: 0 });
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(10);
    const edited = await rematchStored(db, [topic('a', 'calm'), topic('s', 'calm')], { topicIds: ['s'], pause: async () => {} });
    expect(edited).toEqual({ scanned: 40, updated: 40, rewritten: 0 });
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(30);
    expect(await allItems(db)).toEqual(before);
    expect(await db.get('counters', 't:s')).toMatchObject({ total: 30, unread: 30 });
    await expectCountersExact(db, { all: 40 });

    // Removing the topic un-tags without writing items either.
    const removed = await rematchStored(db, [topic('a', 'calm')], { topicIds: ['s'], pause: async () => {} });
    expect(removed.rewritten).toBe(0);
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(0);
    expect(await db.get('counters', 't:s')).toBeUndefined();
    expect(await allItems(db)).toEqual(before);
    expect(await getItemWithTopics(db, before[1].id)).toMatchObject({ topics: ['a'] });
  });

  it('retention deletes the tags of the items it removes, and the counters follow', async () => {
    const set = topicSet([topic('s', 'storm')]);
    await storePoll(db, source, Array.from({ length: 10 }, (_, n) => parsed(n, `Storm ${n}`)), NOW, SETTINGS, {}, set);
    expect(await db.count('tags')).toBe(10);
    // Five newer items over a cap of 8: the seven oldest go, with their tags.
    await storePoll(db, source, Array.from({ length: 5 }, (_, n) => parsed(100 + n, `Storm later ${n}`, NOW + n * MIN)), NOW + 10 * MIN, { ...SETTINGS, maxItemsPerSource: 8 }, {}, set);
    expect(await db.count('items')).toBe(8);
    expect(await db.count('tags')).toBe(8);
    expect(await orphanTags()).toBe(0);
    expect(await db.get('counters', 't:s')).toMatchObject({ total: 8 });
    await expectCountersExact(db, { all: 8 });
  });

  it('removing a source deletes its items\' tags', async () => {
    await storePoll(db, source, [parsed(1, 'Storm one'), parsed(2, 'Storm two')], NOW, SETTINGS, {}, topicSet([topic('s', 'storm')]));
    await removeSource(db, source.id);
    expect(await db.count('tags')).toBe(0);
    expect(await db.get('counters', 't:s')).toBeUndefined();
    await expectCountersExact(db, { all: 0 });
  });

  it('an item whose date changes keeps its tags under the new time (the topic filter stays in order)', async () => {
    const set = topicSet([topic('s', 'storm')]);
    const [id] = (await storePoll(db, source, [parsed(1, 'Storm one', NOW - 10 * MIN)], NOW, SETTINGS, {}, set)).newIds;
    await storePoll(db, source, [{ ...parsed(1, 'Storm one, updated', NOW - 5 * MIN) }], NOW + MIN, SETTINGS, {}, set);
    expect(await db.getAll('tags')).toEqual([{ id, keys: [['s', NOW - 5 * MIN]] }]);
    expect(await db.getAllKeysFromIndex('tags', 'byTopicTime', topicTagRange('s', NOW - 6 * MIN))).toEqual([]);
  });

  it('a transaction that fails after writing an item leaves neither the item nor its tags (nor counts)', async () => {
    const it: Item = {
      id: 'x', sourceId: source.id, title: 'Storm', url: 'https://wire.example/x', summaryHtml: '', contentHtml: '', published: NOW, firstSeen: NOW,
      updated: 0, categories: [], breaking: 0, topics: ['s'], alert: 0, read: 0, starred: 0,
    };
    await expect(writeItems(db, async (w) => {
      await w.put(undefined, it);
      throw new Error('worker killed');
    })).rejects.toThrow('worker killed');
    expect(await db.count('items')).toBe(0);
    expect(await db.count('tags')).toBe(0);
    expect(await db.get('counters', 't:s')).toBeUndefined();

    // And a re-match chunk that fails leaves the tags as they were.
    await writeItems(db, (w) => w.put(undefined, it));
    await expect(writeItems(db, async (w) => {
      await w.put({ ...it }, { ...it, topics: ['t'] });
      throw new Error('worker killed');
    })).rejects.toThrow('worker killed');
    expect(await db.getAll('tags')).toEqual([{ id: 'x', keys: [['s', NOW]] }]);
    await expectCountersExact(db, { all: 1 });
  });

  it('marking a topic read and searching in a topic go through its tags', async () => {
    await storePoll(db, source, [parsed(1, 'Storm at sea'), parsed(2, 'Storm on land'), parsed(3, 'Calm at sea')], NOW, SETTINGS, {}, topicSet([topic('s', 'storm'), topic('c', 'calm')]));
    const sea = await searchItems(db, 'sea', { filter: { kind: 'topic', id: 's' } });
    expect(sea.items.map((i) => i.title)).toEqual(['Storm at sea']);
    expect(sea.items[0].topics).toEqual(['s']);
    expect(await markAllRead(db, { kind: 'topic', id: 's' })).toBe(2);
    expect(await db.get('counters', 't:s')).toMatchObject({ total: 2, unread: 0 });
    expect(await db.get('counters', 't:c')).toMatchObject({ total: 1, unread: 1 });
    await expectCountersExact(db, { all: 3 });
  });
});
