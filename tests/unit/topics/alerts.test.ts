import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getItemWithTopics } from '@/utils/db/tags';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import type { Topic } from '@/utils/model';
import { saveSettings } from '@/utils/settings';
import { saveTopic } from '@/utils/topics/store';
import { fakeWorkerAlerts, shownNotifications as shown, storeTitles } from './alerts-env';
import { markRead } from '@/utils/db/read-state';

const NOW = Date.now();
const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: `Topic ${id}`, query, sourceIds: [], notify: true, breaking: false, createdAt: NOW - 3600_000, ...extra,
});

const store = (...titles: string[]) => storeTitles(titles, { now: NOW });
let onItemsStored: (ids: string[]) => Promise<void>;
let rematchTopics: (ids?: string[]) => Promise<void>;
let clearReadNotifications: () => Promise<void>;
let sendDigestIfDue: () => Promise<void>;

describe('background alerts', () => {
  beforeEach(async () => {
    resetDbForTests();
    ({ onItemsStored, rematchTopics, clearReadNotifications, sendDigestIfDue } = fakeWorkerAlerts());
    const db = await getDb();
    await db.put('sources', { ...(await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' })), id: 's-1' });
  });

  it('matches new items, flags them and notifies once', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    await saveTopic(fakeBrowser.storage.sync, topic('b', 'storm', { notify: false, breaking: true }));
    const ids = await store('Storm warning', 'Calm day');
    await onItemsStored(ids);
    const db = await getDb();
    expect(await getItemWithTopics(db, ids[0])).toMatchObject({ topics: ['a', 'b'], alert: 1, breaking: 1 });
    expect(await getItemWithTopics(db, ids[1])).toMatchObject({ topics: [], alert: 0, breaking: 0 });
    expect(await shown()).toEqual([`nb-item:${ids[0]}`]);
    const n = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
    expect(n[`nb-item:${ids[0]}`]).toMatchObject({ title: 'Topic a', message: 'Storm warning — Wire' });
    expect(await db.get('notified', ids[0])).toBeTruthy();

    await fakeBrowser.notifications.clear(`nb-item:${ids[0]}`);
    await onItemsStored(ids);
    expect(await shown()).toEqual([]);
  });

  it('a busy poll gives one summary', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm', { name: 'Storms' }));
    const ids = await store(...Array.from({ length: 7 }, (_, i) => `Storm ${i}`));
    await onItemsStored(ids);
    const all = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
    expect(Object.values(all).map((x) => x.title)).toEqual(['7 new alerts: Storms']);
    expect(Object.values(all)[0].message.split('\n')).toHaveLength(3);
  });

  it('reading the items anywhere clears their notification', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store('Storm warning tonight', 'Storm surge expected');
    await onItemsStored(ids);
    expect((await shown()).sort()).toEqual(ids.map((id) => `nb-item:${id}`).sort());
    await markRead(await getDb(), [ids[0]], true);
    await clearReadNotifications();
    expect(await shown()).toEqual([`nb-item:${ids[1]}`]);
  });

  it('snoozed: nothing shown then; one digest once alerts are on again', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm', { name: 'Storms' }));
    await saveSettings(fakeBrowser.storage.sync, { snoozeUntil: NOW + 3600_000 });
    await onItemsStored(await store('Storm one arrives', 'Storm two arrives'));
    await sendDigestIfDue();
    expect(await shown()).toEqual([]);
    await saveSettings(fakeBrowser.storage.sync, { snoozeUntil: 0 });
    await sendDigestIfDue();
    const all = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string }>;
    expect(Object.values(all).map((x) => x.title)).toEqual(['While alerts were off: 2 new in Storms']);
    await sendDigestIfDue();
    expect(Object.keys(all)).toHaveLength(1);
  });

  it('snoozed: nothing shown, and the same items never pop later', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    await saveSettings(fakeBrowser.storage.sync, { snoozeUntil: NOW + 3600_000 });
    const ids = await store('Storm');
    await onItemsStored(ids);
    expect(await shown()).toEqual([]);
    await saveSettings(fakeBrowser.storage.sync, { snoozeUntil: 0 });
    await onItemsStored(ids);
    expect(await shown()).toEqual([]);
  });

  it('re-matches stored items when a topic is added, once per change', async () => {
    const ids = await store('Storm', 'Flood');
    await saveTopic(fakeBrowser.storage.sync, topic('f', 'flood', { createdAt: NOW }));
    await rematchTopics(['f']);
    const db = await getDb();
    expect(await getItemWithTopics(db, ids[1])).toMatchObject({ topics: ['f'], alert: 1 });
    expect(await shown()).toEqual([]); // re-matching never notifies
    const spy = vi.spyOn(db, 'transaction');
    await rematchTopics(['f']);
    expect(spy).not.toHaveBeenCalled();
  });
});
