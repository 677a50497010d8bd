// Topic matching happens in the poll's own transaction, and alerts wait in a durable queue written in
// that transaction: a worker killed at any point after the store leaves nothing unmatched, and the
// next wake notifies what was pending, once.
import { beforeEach, describe, expect, it } from 'vitest';
import { getItemWithTopics, getItemsWithTopics } from '@/utils/db/tags';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { topicSet } from '@/utils/topics/rematch';
import type { ParsedItem, Source, Topic } from '@/utils/model';
import { saveTopic } from '@/utils/topics/store';
import { fakeWorkerAlerts } from './alerts-env';
import { badgeCounts } from '@/utils/db/badge-counts';
import { badgeFor } from '@/utils/badge';
import { loadSettings } from '@/utils/settings';
import { expectCountersExact } from '../db/recount';

const NOW = Date.now();
const SETTINGS = { retentionDays: 30, maxItemsPerSource: 500 };
const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: `Topic ${id}`, query, sourceIds: [], notify: true, breaking: false, createdAt: NOW - 3600_000, ...extra,
});
const parsed = (guid: string, title: string): ParsedItem => ({
  guid, title, url: `https://wire.example/${guid}`, summaryHtml: '', contentHtml: '', categories: [], breaking: false, published: NOW - 60_000,
});

let source: Source;
let drainAlerts: () => Promise<void>;
/** What the toolbar badge shows now, from the stored counts (entrypoints/background/badge.ts sets it). */
async function badgeText(): Promise<string> {
  const settings = await loadSettings(fakeBrowser.storage.sync);
  return badgeFor(settings.badgeMode, await badgeCounts(await getDb(), Date.now(), settings.breakingWindowMin, settings.countArticles)).text;
}
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

beforeEach(async () => {
  resetDbForTests();
  ({ drainAlerts } = fakeWorkerAlerts());
  source = await addSource(await getDb(), { name: 'Wire', url: 'https://wire.example/rss' });
});

describe('matching in the store transaction', () => {
  it('stores items already matched: topics, alert, breaking and the topic counters, with their alerts queued', async () => {
    const topics = [topic('a', 'storm'), topic('b', 'storm', { notify: false, breaking: true }), topic('c', 'calm', { notify: false })];
    const db = await getDb();
    const out = await storePoll(db, source, [parsed('1', 'Storm warning'), parsed('2', 'Calm day'), parsed('3', 'Nothing')], NOW, SETTINGS, {}, topicSet(topics));
    const [storm, calm, none] = await getItemsWithTopics(db, out.newIds);
    expect(storm).toMatchObject({ topics: ['a', 'b'], alert: 1, breaking: 1 });
    expect(calm).toMatchObject({ topics: ['c'], alert: 0, breaking: 0 });
    expect(none).toMatchObject({ topics: [], alert: 0 });
    expect(await db.get('counters', 't:a')).toMatchObject({ total: 1, unreadAlerts: 1 });
    expect(await db.get('counters', 't:c')).toMatchObject({ total: 1, unreadAlerts: 0 });
    await expectCountersExact(db, { all: 3 });
    // Only the item that alerts waits to be notified.
    expect((await db.getAll('pendingAlerts')).map((p) => p.itemId)).toEqual([storm!.id]);
  });

  it('re-matches an item whose text changed, in the same transaction', async () => {
    const topics = topicSet([topic('a', 'storm')]);
    const db = await getDb();
    const [id] = (await storePoll(db, source, [parsed('1', 'Calm day')], NOW, SETTINGS, {}, topics)).newIds;
    expect(await getItemWithTopics(db, id)).toMatchObject({ topics: [], alert: 0 });
    await storePoll(db, source, [parsed('1', 'Storm on a calm day')], NOW + 1, SETTINGS, {}, topics);
    expect(await getItemWithTopics(db, id)).toMatchObject({ topics: ['a'], alert: 1 });
    expect((await db.getAll('pendingAlerts')).map((p) => p.itemId)).toEqual([id]);
    await expectCountersExact(db, { all: 1 });
  });
});

describe('a worker killed after the store', () => {
  it('the next wake notifies what was pending, exactly once, and the badge is right', async () => {
    const topics = [topic('a', 'storm')];
    await saveTopic(fakeBrowser.storage.sync, topics[0]);
    const db = await getDb();
    // The poll stored its items, then the worker died: no drain, no badge update.
    const { newIds } = await storePoll(db, source, [parsed('1', 'Storm warning'), parsed('2', 'Calm day')], NOW, SETTINGS, {}, topicSet(topics));
    expect(await shown()).toEqual([]);

    // A new worker: fresh memory and a fresh connection; its wake drains the alerts, then sets the badge.
    resetDbForTests();
    ({ drainAlerts } = fakeWorkerAlerts());
    await drainAlerts();
    expect(await shown()).toEqual([`nb-item:${newIds[0]}`]);
    expect(await badgeText()).toBe('2');
    expect(await (await getDb()).getAll('pendingAlerts')).toEqual([]);
    expect(await (await getDb()).get('notified', newIds[0])).toBeTruthy();

    // Woken again (or two drains at once): nothing repeats.
    await fakeBrowser.notifications.clear(`nb-item:${newIds[0]}`);
    await Promise.all([drainAlerts(), drainAlerts(), fakeWorkerAlerts().drainAlerts()]);
    expect(await shown()).toEqual([]);
  });

  it('an item already notified is never notified again, even when queued again by an update', async () => {
    const topics = [topic('a', 'storm')];
    await saveTopic(fakeBrowser.storage.sync, topics[0]);
    const db = await getDb();
    const { newIds } = await storePoll(db, source, [parsed('1', 'Storm warning')], NOW, SETTINGS, {}, topicSet(topics));
    await drainAlerts();
    expect(await shown()).toEqual([`nb-item:${newIds[0]}`]);
    await fakeBrowser.notifications.clear(`nb-item:${newIds[0]}`);
    await storePoll(db, source, [parsed('1', 'Storm warning, updated')], NOW + 1, SETTINGS, {}, topicSet(topics));
    await drainAlerts();
    expect(await shown()).toEqual([]);
    expect(await db.getAll('pendingAlerts')).toEqual([]);
  });
});
