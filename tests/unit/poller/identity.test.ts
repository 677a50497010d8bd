// @vitest-environment node
// One identity decides both an item's stored id and the dedupe: feeds whose items collide under one
// rule and not the other must store every article once, never flip, and keep the counters exact.
import { describe, expect, it } from 'vitest';
import { pollSource } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { identityHash, readIdentities } from '@/utils/db/items/identities';
import { expectCountersExact } from '../db/recount';
import { rss, pollerContext, httpDateMinutesAgo } from './helpers';
import { allItems } from '@/utils/db/items/item-reads';
import { storeKeyOfId } from '@/utils/db/items/item-ids';

const c = pollerContext();

const date = httpDateMinutesAgo;

/** One item's guid is another item's link; two link-less items differ only in punctuation. */
const COLLIDING = rss([
  { guid: 'http://example.test/story-1', title: 'Guid that looks like a link', link: 'http://example.test/guid-story', date: date(5) },
  { title: 'Link only', link: 'http://example.test/story-1', date: date(4) },
  { title: 'Bridge closed!', date: date(3) },
  { title: 'Bridge closed?', date: date(2) },
  { guid: 'plain-1', title: 'An ordinary story', date: date(1) },
]);

async function pollAgain(srcId: string) {
  // Every poll is a full one: the body does not change, but no 304 hides a re-store.
  c.clock.t += 60_000;
  return pollSource(c.deps(), (await getSource(c.db, srcId))!);
}

describe('one identity for the stored id and the dedupe', () => {
  it('stores an item whose guid equals another item\'s link next to it, and neither flips on later polls', async () => {
    c.srv.route('/collide.xml', { body: COLLIDING, conditional: false });
    const src = await c.add('/collide.xml');
    const first = await pollSource(c.deps(), src);
    expect(first).toMatchObject({ kind: 'stored' });
    const items = await allItems(c.db);
    // The two bridge titles are one identity (punctuation never makes a new item): the first one sent is kept.
    expect(items.map((i) => i.title).sort()).toEqual(['An ordinary story', 'Bridge closed!', 'Guid that looks like a link', 'Link only']);
    // The source's identity map names each item by its identity (the guid is not stored: its hash is in the map).
    const guids: Record<string, string> = { 'Guid that looks like a link': 'http://example.test/story-1', 'An ordinary story': 'plain-1' };
    const map = await readIdentities(c.db.transaction('identities').store, src.id);
    expect(map.size).toBe(4);
    for (const it of items) expect(map.find(identityHash(src.id, { ...it, guid: guids[it.title] }))).toBe(storeKeyOfId(it.id));
    const snapshot = JSON.stringify(items);
    for (let i = 0; i < 6; i++) {
      const out = await pollAgain(src.id);
      expect(out).toMatchObject({ kind: 'stored', newIds: [], updatedIds: [] });
      expect(JSON.stringify(await allItems(c.db))).toBe(snapshot);
    }
  });

  it('keeps every counter exact (equal to a full recount) over many polls of the colliding feed, with reads and stars between them', async () => {
    c.srv.route('/collide.xml', { body: COLLIDING, conditional: false });
    const src = await c.add('/collide.xml');
    await pollSource(c.deps(), src);
    await expectCountersExact(c.db, { all: 4 });
    for (let i = 0; i < 40; i++) {
      const out = await pollAgain(src.id);
      expect(out).toMatchObject({ kind: 'stored', newIds: [] });
      if (i === 10 || i === 25) {
        // The user reads one item and stars another: polls must keep that and count it right.
        const items = await allItems(c.db);
        const { writeItems } = await import('@/utils/db/items/item-writes');
        await writeItems(c.db, async (w) => {
          await w.put(items[i % items.length], { ...items[i % items.length], read: 1 });
          await w.put(items[(i + 1) % items.length], { ...items[(i + 1) % items.length], starred: 1 });
        });
      }
      await expectCountersExact(c.db, { all: 4 });
    }
    expect((await getSource(c.db, src.id))!.itemCount).toBe(4);
  });

  it('does not merge a guid-less item into an item with a guid that shares its link (live pages reuse one URL)', async () => {
    c.srv.route('/live.xml', {
      body: rss([
        { guid: 'update-1', title: 'First update', link: 'http://example.test/live', date: date(3) },
        { guid: 'update-2', title: 'Second update', link: 'http://example.test/live', date: date(2) },
        { title: 'The live page itself', link: 'http://example.test/live', date: date(1) },
      ]),
      conditional: false,
    });
    const src = await c.add('/live.xml');
    await pollSource(c.deps(), src);
    for (let i = 0; i < 4; i++) expect(await pollAgain(src.id)).toMatchObject({ newIds: [], updatedIds: [] });
    expect((await allItems(c.db)).map((i) => i.title).sort()).toEqual(['First update', 'Second update', 'The live page itself']);
    await expectCountersExact(c.db, { all: 3 });
  });
});
