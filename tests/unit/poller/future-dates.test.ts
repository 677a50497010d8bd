// @vitest-environment node
// Items dated in the future (a source's clock ahead of ours) are shown at the time they were fetched.
import { describe, expect, it } from 'vitest';
import { pollSource } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { rss, pollerContext } from './helpers';
import { allItems } from '@/utils/db/items/item-reads';

const c = pollerContext();

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toUTCString();

describe('future-dated items', () => {
  it('are clamped to the time they were fetched, and stay there on later polls', async () => {
    const fetched = c.clock.t;
    const claimed = fetched + 30 * HOUR; // "in a day", within what a date may plausibly be ahead
    c.srv.route('/skew.xml', { body: rss([{ guid: 's1', title: 'Ahead of time', date: at(claimed) }, { guid: 's2', title: 'On time', date: at(fetched - HOUR) }]) });
    const src = await c.add('/skew.xml');
    await pollSource(c.deps(), src);
    const byTitle = async (t: string) => (await allItems(c.db)).find((i) => i.title === t)!;
    expect((await byTitle('Ahead of time')).published).toBe(fetched);
    expect((await byTitle('On time')).published).toBe(fetched - HOUR);

    // An hour later the item's text changes, its date is still ahead: it must not move up.
    c.clock.t += HOUR;
    c.srv.route('/skew.xml', { body: rss([{ guid: 's1', title: 'Ahead of time, updated', date: at(claimed) }]) });
    const out = await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect(out).toMatchObject({ kind: 'stored', updatedIds: [expect.any(String)] });
    expect((await allItems(c.db)).find((i) => i.title.startsWith('Ahead of time'))).toMatchObject({ title: 'Ahead of time, updated', published: fetched });

    // Two days later the claimed time has passed; another update still keeps it where it was put.
    c.clock.t += 48 * HOUR;
    c.srv.route('/skew.xml', { body: rss([{ guid: 's1', title: 'Ahead of time, updated again', date: at(claimed) }]) });
    await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect((await allItems(c.db)).find((i) => i.title.startsWith('Ahead of time'))).toMatchObject({ title: 'Ahead of time, updated again', published: fetched });
  });

  it('an update that dates the item earlier is taken', async () => {
    const fetched = c.clock.t;
    c.srv.route('/re.xml', { body: rss([{ guid: 'r1', title: 'Story', date: at(fetched - HOUR) }]) });
    const src = await c.add('/re.xml');
    await pollSource(c.deps(), src);
    c.clock.t += HOUR;
    c.srv.route('/re.xml', { body: rss([{ guid: 'r1', title: 'Story, corrected', date: at(fetched - 3 * HOUR) }]) });
    await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect((await allItems(c.db))[0].published).toBe(fetched - 3 * HOUR);
  });
});
