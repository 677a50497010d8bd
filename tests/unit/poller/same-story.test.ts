// @vitest-environment node
// Two feeds carrying the same stories (same links, their own guids): one row per story that names
// both sources, the counters exact, and nothing new on later polls of either feed.
import { describe, expect, it } from 'vitest';
import { pollSource } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { expectCountersExact } from '../db/recount';
import { rss, pollerContext, httpDateMinutesAgo } from './helpers';
import { allItems } from '@/utils/db/items/item-reads';

const c = pollerContext();

const date = httpDateMinutesAgo;
const feed = (prefix: string) =>
  rss(Array.from({ length: 30 }, (_, i) => ({ guid: `${prefix}-${i}`, title: `Story number ${i} of the day`, link: `http://example.test/story-${i}`, date: date(i + 1) })));

describe('the same story from two sources', () => {
  it('is one row naming both sources; later polls add nothing', async () => {
    c.srv.route('/a.xml', { body: feed('a'), conditional: false });
    c.srv.route('/b.xml', { body: feed('b'), conditional: false });
    const a = await c.add('/a.xml');
    const b = await c.add('/b.xml');
    const first = await pollSource(c.deps(), (await getSource(c.db, a.id))!);
    expect(first).toMatchObject({ kind: 'stored' });
    const second = await pollSource(c.deps(), (await getSource(c.db, b.id))!);
    expect(second.kind === 'stored' && second.newIds).toEqual([]);
    const items = await allItems(c.db);
    expect(items).toHaveLength(30);
    expect(items.every((it) => it.sourceId === a.id && it.alsoFrom?.join() === b.id)).toBe(true);
    await expectCountersExact(c.db, { all: 30 });
    c.clock.t += 60_000;
    const again = await pollSource(c.deps(), (await getSource(c.db, b.id))!);
    expect(again.kind === 'stored' && again.newIds).toEqual([]);
    expect(await c.db.count('items')).toBe(30);
  });

  it('a live source\'s updates are never joined to another source\'s item', async () => {
    c.srv.route('/a.xml', { body: feed('a'), conditional: false });
    c.srv.route('/live.xml', { body: feed('live'), conditional: false });
    const a = await c.add('/a.xml');
    const live = await c.add('/live.xml', { breaking: true });
    await pollSource(c.deps(), (await getSource(c.db, a.id))!);
    await pollSource(c.deps(), (await getSource(c.db, live.id))!);
    expect(await c.db.count('items')).toBe(60);
  });
});
