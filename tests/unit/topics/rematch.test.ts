import { describe, expect, it } from 'vitest';
import type { Item, Topic } from '@/utils/model';
import { topicTagRange } from '@/utils/db/tags';
import { openNewsDb } from '@/utils/db/open';
import { applyMatches, type MatchedItem } from '@/utils/topic-matches';
import { rematchStored } from '@/utils/topics/rematch';
import { readItem } from '@/utils/db/items/item-reads';
import { toRecord } from '@/utils/db/items/item-record';

const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: id, query, sourceIds: [], notify: false, breaking: false, createdAt: 0, ...extra,
});

function item(id: string, title: string, extra: Partial<MatchedItem> = {}): MatchedItem {
  return {
    id, sourceId: 's1', title, url: `https://x.example/${id}`, summaryHtml: '<p>summary</p>', contentHtml: '',
    published: 1, firstSeen: 1, updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0,
    ...extra,
  };
}

describe('applyMatches', () => {
  const topics = new Map([topic('n', 'x', { notify: true }), topic('b', 'y', { breaking: true }), topic('p', 'z')].map((t) => [t.id, t]));

  it('sets topics, alert and breaking from the matching topics', () => {
    expect(applyMatches(item('1', 't'), ['n', 'b'], topics)).toMatchObject({ topics: ['n', 'b'], alert: 1, breaking: 1, sourceBreaking: 0 });
  });

  it('gives undefined when nothing changes', () => {
    const it1 = applyMatches(item('1', 't'), ['p'], topics)!;
    expect(applyMatches(it1, ['p'], topics)).toBeUndefined();
  });

  it('keeps a breaking flag the source set', () => {
    const srcBreaking = item('1', 't', { breaking: 1 });
    const tagged = applyMatches(srcBreaking, ['b'], topics)!;
    expect(tagged).toMatchObject({ breaking: 1, sourceBreaking: 1 });
    expect(applyMatches(tagged, [], topics)).toMatchObject({ topics: [], breaking: 1 });
  });

  it('clears a breaking flag only a topic set', () => {
    const tagged = applyMatches(item('1', 't'), ['b'], topics)!;
    expect(applyMatches(tagged, [], topics)).toMatchObject({ breaking: 0, alert: 0, topics: [] });
  });

  it('infers the source flag for older items: breaking with a breaking topic counts as the topic', () => {
    const legacy = item('1', 't', { breaking: 1, topics: ['b'] });
    expect(applyMatches(legacy, [], topics)).toMatchObject({ breaking: 0, sourceBreaking: 0 });
  });

  it('with changed topics, keeps the others and drops removed ones', () => {
    const it1 = item('1', 't', { topics: ['n', 'p', 'gone'], alert: 1 });
    expect(applyMatches(it1, [], topics, new Set(['p', 'gone']))).toMatchObject({ topics: ['n'], alert: 1 });
  });
});

describe('rematchStored', () => {
  it('re-matches everything in chunks, pausing between them', async () => {
    const db = await openNewsDb('rematch-test');
    const tx = db.transaction('items', 'readwrite');
    for (let i = 0; i < 1000; i++) void tx.store.put(toRecord(item(`i${String(i).padStart(4, '0')}`, i % 10 === 0 ? `Storm ${i}` : `Calm ${i}`) as Item));
    await tx.done;
    let pauses = 0;
    const r = await rematchStored(db, [topic('s', 'storm', { notify: true })], { chunkSize: 300, pause: async () => void pauses++ });
    // The topic notifies: the items it matches change their alert flag, so they are rewritten.
    expect(r).toEqual({ scanned: 1000, updated: 100, rewritten: 100 });
    expect(pauses).toBe(3);
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(100);
    expect((await db.get('counters', 't:s'))?.total).toBe(100);
    expect((await db.get('counters', 'all'))?.unreadAlerts).toBe(100);

    // the topic changes its query: only its membership moves
    const r2 = await rematchStored(db, [topic('s', 'calm', { notify: true })], { topicIds: ['s'], pause: async () => {} });
    expect(r2.updated).toBe(1000);
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(900);
    expect((await db.get('counters', 't:s'))?.unread).toBe(900);

    // the topic is removed
    await rematchStored(db, [], { topicIds: ['s'], pause: async () => {} });
    expect(await db.countFromIndex('tags', 'byTopicTime', topicTagRange('s'))).toBe(0);
    expect(await db.get('counters', 't:s')).toBeUndefined();
    expect((await db.get('counters', 'all'))?.unreadAlerts).toBe(0);
    db.close();
  }, 30_000); // 1,000 items through fake-indexeddb: 5–8 s on a busy 2-core machine

  it('does not hold the database: other transactions run between chunks', async () => {
    const db = await openNewsDb('rematch-test-2');
    const tx = db.transaction('items', 'readwrite');
    for (let i = 0; i < 900; i++) void tx.store.put(toRecord(item(`i${i}`, `Storm ${i}`) as Item));
    await tx.done;
    const order: string[] = [];
    const run = rematchStored(db, [topic('s', 'storm')], {
      chunkSize: 300,
      pause: async () => {
        order.push('pause');
        await new Promise((r) => setTimeout(r, 0));
      },
    });
    const other = readItem(db, 'i5').then(() => order.push('read'));
    await Promise.all([run, other]);
    expect(order.indexOf('read')).toBeLessThan(order.length - 1);
    db.close();
  }, 30_000);
});

describe('previewTopic', () => {
  it('finds matches through the word index, newest first, capped for display', async () => {
    const { previewTopic } = await import('@/utils/topics/preview');
    const { writeItems } = await import('@/utils/db/items/item-writes');
    const { indexQueued } = await import('@/utils/db/search/search-index');
    const db = await openNewsDb('preview-test');
    const put = (i: number) => {
      const title = i % 2 ? `Storm warning ${i}` : `Elections in Zürich ${i}`;
      return (w: import('@/utils/db/items/item-writes').ItemWriter) => w.put(undefined, item(`i${i}`, title, { published: i }) as Item);
    };
    // Some indexed, the newest still queued: the preview finds both.
    await writeItems(db, async (w) => { for (let i = 0; i < 50; i++) await put(i)(w); });
    await indexQueued(db, { batch: 16 });
    await writeItems(db, async (w) => { for (let i = 50; i < 60; i++) await put(i)(w); });
    const p = await previewTopic(db, { query: 'storm -"warning 1"', sourceIds: [] }, 5);
    expect(p.total).toBe(29);
    expect(p.items.map((x) => x.id)).toEqual(['i59', 'i57', 'i55', 'i53', 'i51']);
    expect((await previewTopic(db, { query: 'elect* zurich', sourceIds: [] })).total).toBe(30);
    expect((await previewTopic(db, { query: 'storm', sourceIds: ['other'] })).total).toBe(0);
    expect((await previewTopic(db, { query: '"broken', sourceIds: [] })).total).toBe(0);
    db.close();
  });
});
