// What the user does with an alert notification, through the listeners the worker registers (the
// fake browser's events fire them): "Mark read" and "Snooze 1 h" buttons, a click on an item or on
// a summary, and a notification cleared when its items are read anywhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import type { Item, Topic } from '@/utils/model';
import { loadSettings } from '@/utils/settings';
import { saveTopic } from '@/utils/topics/store';
import { fakeWorkerAlerts, shownNotifications as shown, storeTitles } from './alerts-env';
import { shortItemId } from '@/utils/normalize/ids';
import { ALERT_DIGEST_KEY, ALERT_NOTES_KEY, SIDEBAR_TOPIC_KEY } from '@/utils/storage-keys';
import { markRead } from '@/utils/db/read-state';
import { screen, waitFor } from '@testing-library/preact';
import { renderSidebar } from '../sidebar/render';
import { item, source } from '../sidebar/fixtures';
import { readItem } from '@/utils/db/items/item-reads';
import { toRecord } from '@/utils/db/items/item-record';
import type { Message } from '@/utils/messages';

const NOW = Date.now();
const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: `Topic ${id}`, query, sourceIds: [], notify: true, breaking: false, createdAt: NOW - 3600_000, ...extra,
});

const store = (...titles: string[]) => storeTitles(titles, { now: NOW, url: (title) => `https://x.example/${encodeURIComponent(title)}` });
const readFlags = async (ids: string[]) => {
  const db = await getDb();
  return Promise.all(ids.map(async (id) => (await readItem(db, id))!.read));
};
const notes = async () => ((await fakeBrowser.storage.local.get(ALERT_NOTES_KEY))[ALERT_NOTES_KEY] ?? {}) as Record<string, string[]>;

/** What Chrome's side panel does when a click opens it (unset: it refuses). */
const sidePanel: { open?: (o: { windowId: number }) => Promise<void> } = {};
let sent: Message[];
let badge: { updates: number };
let onItemsStored: (ids: string[]) => Promise<void>;
let clearReadNotifications: () => Promise<void>;
let renameLegacyItemIds: () => Promise<void>;

beforeEach(async () => {
  resetDbForTests();
  delete sidePanel.open;
  const w = fakeWorkerAlerts({ sidePanel: { open: (o) => (sidePanel.open ? sidePanel.open(o) : Promise.reject(new Error('no side panel'))) } });
  ({ onItemsStored, clearReadNotifications, renameLegacyItemIds, told: sent, badge } = w);
  const db = await getDb();
  await db.put('sources', { ...(await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' })), id: 's-1' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('notification buttons', () => {
  it('"Mark read" on an item: the item is read, its notification goes, pages and the badge follow', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store('Storm warning tonight', 'Storm surge expected');
    await onItemsStored(ids);
    const [first, second] = ids.map((id) => `nb-item:${id}`);
    expect(await shown()).toEqual([first, second].sort());
    const notified = (await fakeBrowser.notifications.getAll()) as Record<string, { buttons?: Array<{ title: string }> }>;
    expect(notified[first].buttons?.map((b) => b.title)).toEqual(['Mark read', 'Snooze 1 h']);
    expect(badge.updates).toBe(0);

    await fakeBrowser.notifications.onButtonClicked.trigger(first, 0);
    await vi.waitFor(async () => expect(await shown()).toEqual([second]));
    expect(await readFlags(ids)).toEqual([1, 0]);
    expect(Object.keys(await notes())).toEqual([second]);
    expect(sent).toContainEqual({ type: 'itemsChanged' });
    expect(badge.updates).toBeGreaterThan(0);
  });

  it('"Mark read" on a summary: all its items are read, and it goes', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm', { name: 'Storms' }));
    const ids = await store(...Array.from({ length: 7 }, (_, i) => `Storm ${i}`));
    await onItemsStored(ids);
    const [summary] = await shown();
    expect(summary).toMatch(/^nb-topic:a:/);
    await fakeBrowser.notifications.onButtonClicked.trigger(summary, 0);
    await vi.waitFor(async () => expect(await shown()).toEqual([]));
    expect(await readFlags(ids)).toEqual(ids.map(() => 1));
    expect(await notes()).toEqual({});
  });

  it('"Snooze 1 h": alerts snoozed for an hour, the notification goes, its items stay unread', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store('Storm warning tonight');
    await onItemsStored(ids);
    const before = Date.now();
    await fakeBrowser.notifications.onButtonClicked.trigger(`nb-item:${ids[0]}`, 1);
    await vi.waitFor(async () => expect(await shown()).toEqual([]));
    const { snoozeUntil } = await loadSettings(fakeBrowser.storage.sync);
    expect(snoozeUntil).toBeGreaterThanOrEqual(before + 3600_000);
    expect(snoozeUntil).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(await readFlags(ids)).toEqual([0]);
    expect(await notes()).toEqual({});
    // Snoozed: the next matches are held, not shown.
    const more = await store('Storm again at dawn');
    await onItemsStored(more);
    expect(await shown()).toEqual([]);
  });
});

describe('notification clicks', () => {
  it('an item: its article opens in a tab and counts as read', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store('Storm warning tonight');
    await onItemsStored(ids);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`nb-item:${ids[0]}`);
    await vi.waitFor(async () => expect(await readFlags(ids)).toEqual([1]));
    expect(create).toHaveBeenCalledWith({ url: 'https://x.example/Storm%20warning%20tonight', active: true });
    expect(await shown()).toEqual([]);
    expect(await notes()).toEqual({});
  });

  it('a notification shown before schema 12 (long item ids) still opens and marks its item after the update', async () => {
    const legacy = 's-1:g-3k9f0a';
    const id = shortItemId(legacy);
    const db = await getDb();
    const it: Item = {
      id, sourceId: 's-1', title: 'Storm warning tonight', url: 'https://x.example/storm', summaryHtml: '', contentHtml: '', published: NOW - 60_000,
      firstSeen: NOW, updated: 0, categories: [], breaking: 0, topics: [], alert: 1, read: 0, starred: 0,
    };
    await db.put('items', toRecord(it));
    const note = `nb-item:${legacy}`;
    await fakeBrowser.notifications.create(note, { type: 'basic', iconUrl: '', title: 'Storms', message: 'Storm warning tonight' });
    await fakeBrowser.storage.local.set({
      [ALERT_NOTES_KEY]: { [note]: [legacy] },
      [ALERT_DIGEST_KEY]: { count: 1, entries: [{ itemId: legacy, topicId: 'a', headline: 'Storm warning tonight', published: 1 }] },
    });
    await renameLegacyItemIds();
    expect(await notes()).toEqual({ [note]: [id] });
    expect((await fakeBrowser.storage.local.get(ALERT_DIGEST_KEY))[ALERT_DIGEST_KEY]).toMatchObject({ count: 1, entries: [{ itemId: id }] });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(note);
    await vi.waitFor(async () => expect(await readFlags([id])).toEqual([1]), { timeout: 5000 });
    expect(create).toHaveBeenCalledWith({ url: 'https://x.example/storm', active: true });
    await vi.waitFor(async () => expect(await notes()).toEqual({}), { timeout: 5000 });
  });

  it('a summary opens the sidebar on its topic: the side panel where there is one, open sidebars told', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('storms', 'storm', { name: 'Storms' }));
    const ids = await store(...Array.from({ length: 6 }, (_, i) => `Storm ${i}`));
    await onItemsStored(ids);
    const [summary] = await shown();
    const win = await fakeBrowser.windows.create({});
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue(win);
    const open = vi.fn(async (_: { windowId: number }) => {});
    sidePanel.open = open;
    await fakeBrowser.notifications.onClicked.trigger(summary);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith({ windowId: win.id }));
    // A sidebar that opens now reads the topic; one already open is told.
    expect((await fakeBrowser.storage.local.get(SIDEBAR_TOPIC_KEY))[SIDEBAR_TOPIC_KEY]).toMatchObject({ id: 'storms' });
    expect(sent).toContainEqual({ type: 'showTopic', topicId: 'storms' });
    expect(await shown()).toEqual([]);
    // The click only shows them: still unread.
    expect(await readFlags(ids)).toEqual(ids.map(() => 0));
  });

  it('a summary where no sidebar may open from a click: the sidebar page in a tab, on that topic', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('storms', 'storm', { name: 'Storms' }));
    await onItemsStored(await store(...Array.from({ length: 6 }, (_, i) => `Storm ${i}`)));
    const [summary] = await shown();
    sidePanel.open = async () => { throw new Error('needs a user gesture'); };
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue(await fakeBrowser.windows.create({}));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(summary);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(String(create.mock.calls[0][0].url)).toMatch(/\/sidepanel\.html\?topic=storms$/);
  });
});

describe('cleared when read anywhere', () => {
  it('a summary goes once all its items are read, not before', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store(...Array.from({ length: 6 }, (_, i) => `Storm ${i}`));
    await onItemsStored(ids);
    const [summary] = await shown();
    await markRead(await getDb(), ids.slice(0, 5), true);
    await clearReadNotifications();
    expect(await shown()).toEqual([summary]);
    await markRead(await getDb(), ids.slice(5), true);
    await clearReadNotifications();
    expect(await shown()).toEqual([]);
    expect(await notes()).toEqual({});
  });

  it('closing a notification forgets it', async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('a', 'storm'));
    const ids = await store('Storm warning tonight');
    await onItemsStored(ids);
    await fakeBrowser.notifications.onClosed.trigger(`nb-item:${ids[0]}`, true);
    await vi.waitFor(async () => expect(await notes()).toEqual({}));
  });
});

describe('the sidebar a summary opens', () => {
  it('an open sidebar told to show the topic lists only that topic\'s articles', { timeout: 20_000 }, async () => {
    await saveTopic(fakeBrowser.storage.sync, topic('storms', 'storm', { name: 'Storms' }));
    const h = await renderSidebar(
      [item({ id: 'a', title: 'Storm at sea', topics: ['storms'] }), item({ id: 'b', title: 'Calm day' })],
      [source({ id: 's1', name: 'Wire' })],
    );
    await waitFor(() => expect(h.container.querySelectorAll('.list > li')).toHaveLength(2));
    h.emit({ type: 'showTopic', topicId: 'storms' });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Storms' })).toBeTruthy());
    await waitFor(() => expect([...h.container.querySelectorAll('.list .title-btn')].map((b) => b.textContent)).toEqual(['Storm at sea']));
  });
});
