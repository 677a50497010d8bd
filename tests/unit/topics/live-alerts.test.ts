// @vitest-environment node
// (node's fetch and AbortSignal for the poller against the real local server)
// Topic alerts match a followed live page's updates like any item: an update about a topic notifies,
// once, through the same queue and drain as feed items; an edited update does not notify again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getItemsWithTopics } from '@/utils/db/tags';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { followLivePage } from '@/utils/poller/follow-live';
import { parseSourceBody } from '@/utils/sources/parse-body';
import { pollSource, type PollDeps } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { topicSet } from '@/utils/topics/rematch';
import { saveTopic } from '@/utils/topics/store';
import type { Topic } from '@/utils/model';
import { drainAlerts } from '@/entrypoints/background/alerts';
import { startNewsServer, type NewsServer } from '../../../scripts/news-server/server';
import { liveBlogHtml, type PageUpdate } from '../../../scripts/news-server/live-pages';
import { allItems } from '@/utils/db/items/item-reads';

const MIN = 60_000;
const topic: Topic = { id: 'flood', name: 'Floods', query: 'flood', sourceIds: [], notify: true, breaking: false, createdAt: 0 };

let srv: NewsServer;
const clock = { t: Date.now() };
const updates: PageUpdate[] = [];

async function deps(): Promise<PollDeps> {
  return {
    db: await getDb(),
    fetch: globalThis.fetch,
    now: () => clock.t,
    random: () => 0.5,
    settings: { retentionDays: 30, maxItemsPerSource: 500 },
    timeoutMs: 2000,
    parse: parseSourceBody,
    topics: topicSet([topic]),
  };
}
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll()).sort();

beforeEach(async () => {
  resetDbForTests();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  await saveTopic(fakeBrowser.storage.sync, topic);
  updates.length = 0;
  srv = await startNewsServer();
  srv.route('/live/river', {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: () => liveBlogHtml({ url: srv.url('/live/river'), title: 'River live', updates }),
  });
});

afterEach(async () => {
  await srv.close();
});

describe('topic alerts on a followed live page', () => {
  it('an update about the topic notifies once; an edit to it and updates about other things do not', async () => {
    updates.unshift({ id: 'u1', headline: 'Water levels steady', html: '<p>No change overnight.</p>', at: clock.t - 20 * MIN });
    updates.unshift({ id: 'u2', headline: 'Flood warning for the lower valley', html: '<p>Residents told to prepare.</p>', at: clock.t - 5 * MIN });
    const out = await followLivePage(await deps(), srv.url('/live/river'), 'River live');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const db = await getDb();
    const stored = (await getItemsWithTopics(db, (await allItems(db)).map((it) => it.id))).map((it) => it!);
    const flood = stored.find((i) => i.title.startsWith('Flood warning'))!;
    expect(flood).toMatchObject({ topics: ['flood'], alert: 1, breaking: 1 });
    expect(stored.find((i) => i.title.startsWith('Water'))).toMatchObject({ topics: [], alert: 0 });

    await drainAlerts();
    expect(await shown()).toEqual([`nb-item:${flood.id}`]);
    await fakeBrowser.notifications.clear(`nb-item:${flood.id}`);

    // The page edits the flood update and adds one about something else: nothing new to notify.
    updates[0] = { ...updates[0], html: '<p>Residents told to prepare. Sandbags at the school.</p>' };
    updates.unshift({ id: 'u3', headline: 'Bridge inspection finished', html: '<p>The bridge is safe.</p>', at: clock.t + MIN });
    clock.t += 2 * MIN;
    expect((await pollSource(await deps(), (await getSource(db, out.source.id))!)).kind).toBe('stored');
    await drainAlerts();
    expect(await shown()).toEqual([]);
    expect(await db.getAll('pendingAlerts')).toEqual([]);

    // A second update about the topic notifies, by itself.
    updates.unshift({ id: 'u4', headline: 'Flood barrier goes up in town', html: '<p>Crews worked through the night.</p>', at: clock.t + MIN });
    clock.t += 2 * MIN;
    await pollSource(await deps(), (await getSource(db, out.source.id))!);
    await drainAlerts();
    const barrier = (await allItems(db)).find((i) => i.title.startsWith('Flood barrier'))!;
    expect(await shown()).toEqual([`nb-item:${barrier.id}`]);
  });
});
