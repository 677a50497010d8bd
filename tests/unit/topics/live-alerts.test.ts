// @vitest-environment node
// (node's fetch and AbortSignal for the poller against the real local server)
// Topic alerts match a followed live page's updates like any item: an update about a topic notifies,
// once, through the same queue and drain as feed items; an edited update does not notify again.
import { beforeEach, describe, expect, it } from 'vitest';
import { getItemsWithTopics } from '@/utils/db/tags';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followLivePage } from '@/utils/poller/follow-live';
import { pollSource } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { topicSet } from '@/utils/topics/rematch';
import { saveTopic } from '@/utils/topics/store';
import type { Topic } from '@/utils/model';
import { fakeWorkerAlerts, shownNotifications as shown } from './alerts-env';
import { pollerContext } from '../poller/helpers';
import { liveBlogHtml, type PageUpdate } from '../../../scripts/news-server/live-pages';
import { allItems } from '@/utils/db/items/item-reads';

const MIN = 60_000;
const topic: Topic = { id: 'flood', name: 'Floods', query: 'flood', sourceIds: [], notify: true, breaking: false, createdAt: 0 };

const c = pollerContext();
const updates: PageUpdate[] = [];
let drainAlerts: () => Promise<void>;
const deps = () => c.deps({ topics: topicSet([topic]) });

beforeEach(async () => {
  ({ drainAlerts } = fakeWorkerAlerts({ db: c.db, now: () => c.clock.t }));
  await saveTopic(fakeBrowser.storage.sync, topic);
  updates.length = 0;
  c.srv.route('/live/river', {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: () => liveBlogHtml({ url: c.srv.url('/live/river'), title: 'River live', updates }),
  });
});

describe('topic alerts on a followed live page', () => {
  it('an update about the topic notifies once; an edit to it and updates about other things do not', async () => {
    updates.unshift({ id: 'u1', headline: 'Water levels steady', html: '<p>No change overnight.</p>', at: c.clock.t - 20 * MIN });
    updates.unshift({ id: 'u2', headline: 'Flood warning for the lower valley', html: '<p>Residents told to prepare.</p>', at: c.clock.t - 5 * MIN });
    const out = await followLivePage(deps(), c.srv.url('/live/river'), 'River live');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const db = c.db;
    const stored = (await getItemsWithTopics(db, (await allItems(db)).map((it) => it.id))).map((it) => it!);
    const flood = stored.find((i) => i.title.startsWith('Flood warning'))!;
    expect(flood).toMatchObject({ topics: ['flood'], alert: 1, breaking: 1 });
    expect(stored.find((i) => i.title.startsWith('Water'))).toMatchObject({ topics: [], alert: 0 });

    await drainAlerts();
    expect(await shown()).toEqual([`nb-item:${flood.id}`]);
    await fakeBrowser.notifications.clear(`nb-item:${flood.id}`);

    // The page edits the flood update and adds one about something else: nothing new to notify.
    updates[0] = { ...updates[0], html: '<p>Residents told to prepare. Sandbags at the school.</p>' };
    updates.unshift({ id: 'u3', headline: 'Bridge inspection finished', html: '<p>The bridge is safe.</p>', at: c.clock.t + MIN });
    c.clock.t += 2 * MIN;
    expect((await pollSource(deps(), (await getSource(db, out.source.id))!)).kind).toBe('stored');
    await drainAlerts();
    expect(await shown()).toEqual([]);
    expect(await db.getAll('pendingAlerts')).toEqual([]);

    // A second update about the topic notifies, by itself.
    updates.unshift({ id: 'u4', headline: 'Flood barrier goes up in town', html: '<p>Crews worked through the night.</p>', at: c.clock.t + MIN });
    c.clock.t += 2 * MIN;
    await pollSource(deps(), (await getSource(db, out.source.id))!);
    await drainAlerts();
    const barrier = (await allItems(db)).find((i) => i.title.startsWith('Flood barrier'))!;
    expect(await shown()).toEqual([`nb-item:${barrier.id}`]);
  });
});
