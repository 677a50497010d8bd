// Each storage key's typed accessor (utils/storage/items.ts): what it reads back, what it refuses,
// and that no other file reads a key by hand (a cast where it is read).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertDigestItem, alertNotesItem, apiKeyItem, readerPrefsItem, searchRequestsItem, settingsItem, sidebarTopicItem, sourceListStatusItem, storageStateItem, topicIdsItem } from '@/utils/storage/items';
import { ALERT_NOTES_KEY, apiKeyKey, READER_PREFS_KEY, SETTINGS_KEY, SIDEBAR_TOPIC_KEY, SOURCE_LIST_STATUS_KEY, STORAGE_STATE_KEY, TOPIC_IDS_KEY } from '@/utils/storage-keys';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { ROOMY } from '@/utils/storage-state';

const local = fakeBrowser.storage.local;

describe('storage items', () => {
  it('read back what they wrote, under the pinned key', async () => {
    await apiKeyItem(local).set('s-1', 'secret');
    expect((await local.get(apiKeyKey('s-1')))[apiKeyKey('s-1')]).toBe('secret');
    expect(await apiKeyItem(local).get('s-1')).toBe('secret');
    await apiKeyItem(local).remove('s-1');
    expect(await apiKeyItem(local).get('s-1')).toBe('');
    await sidebarTopicItem.set(local, { id: 't-1', at: 5 });
    expect(await sidebarTopicItem.get(local)).toEqual({ id: 't-1', at: 5 });
    await searchRequestsItem.set(local, [1, 2]);
    expect(await searchRequestsItem.get(local)).toEqual([1, 2]);
  });

  it('read a value that is not what the key holds as the fallback, never as a cast', async () => {
    await local.set({ [READER_PREFS_KEY]: { fontStep: 7 }, [SIDEBAR_TOPIC_KEY]: 'x', [SOURCE_LIST_STATUS_KEY]: { bytes: '1' }, [STORAGE_STATE_KEY]: 3, [ALERT_NOTES_KEY]: { n1: ['a', 2] } });
    expect(await readerPrefsItem.get(local)).toEqual({ fontStep: 1 });
    expect(await sidebarTopicItem.get(local)).toBeUndefined();
    expect(await sourceListStatusItem.get(local)).toBeNull();
    expect(await storageStateItem.get(local)).toEqual(ROOMY);
    expect(await alertNotesItem.get(local)).toEqual({ n1: ['a'] });
    expect(await alertDigestItem.get(local)).toBeUndefined();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { retentionDays: 'forever' }, [TOPIC_IDS_KEY]: 'x' });
    expect(await settingsItem.get(fakeBrowser.storage.sync)).toEqual(DEFAULT_SETTINGS);
    expect(await topicIdsItem.get(fakeBrowser.storage.sync)).toEqual([]);
  });

  it('hand out a fresh fallback each time', async () => {
    const a = await alertNotesItem.get(local);
    a.changed = ['x'];
    expect(await alertNotesItem.get(local)).not.toHaveProperty('changed');
  });
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('each key is read in one place', () => {
  it('no file reads a storage key by hand (area.get(KEY))[KEY])', () => {
    const byHand = /\.get\(\s*([A-Za-z_]+(?:\([^)]*\))?)\s*\)\)\[\s*\1\s*\]/;
    const found = ['utils', 'components', 'entrypoints'].flatMap(filesUnder)
      .filter((f) => f !== path.join('utils', 'storage', 'items.ts') && byHand.test(fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
    expect(byHand.test('(await browser.storage.local.get(PREFS_KEY))[PREFS_KEY] as X')).toBe(true);
  });
});
