import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Topic } from '@/utils/model';
import { openNewsDb } from '@/utils/db/open';
import { addSource, listSources } from '@/utils/db/sources';
import { loadSettings, saveSettings } from '@/utils/settings';
import { loadTopics, saveTopic } from '@/utils/topics/store';
import { applySettingsFile, exportSettings, readSettingsFile, SettingsFileError } from '@/utils/settings-io';
import { loadMuteRules, saveMuteRule } from '@/utils/mutes/store';
import type { MuteRule } from '@/utils/model';

const topic: Topic = { id: 't-1', name: 'Storms', query: 'storm OR flood', sourceIds: [], notify: true, breaking: false, createdAt: 5 };

describe('settings export/import', () => {
  it('round-trips settings, topics and sources, without API keys', async () => {
    const db = await openNewsDb('sio-1');
    const src = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss', intervalMin: 15 });
    await fakeBrowser.storage.local.set({ [`apiKey:${src.id}`]: 'secret-key-123' });
    const settings = { ...DEFAULT_SETTINGS, badgeMode: 'alerts' as const, quietStart: '22:00', quietEnd: '07:00', snoozeUntil: 99, loadRemoteImages: false };
    const text = exportSettings(settings, [topic], await listSources(db));
    expect(text).not.toContain('secret-key-123');

    const file = readSettingsFile(text);
    expect(file.settings).toEqual({ ...settings, snoozeUntil: 0 });
    expect(file.topics).toEqual([topic]);
    expect(file.sources).toEqual([{ name: 'Wire', url: 'https://wire.example/rss', kind: 'feed', intervalMin: 15, breaking: false, enabled: true }]);

    const db2 = await openNewsDb('sio-2');
    await saveTopic(fakeBrowser.storage.sync, { ...topic, id: 't-old', name: 'Old' });
    const r = await applySettingsFile(db2, fakeBrowser.storage.sync, file);
    expect(r.added).toHaveLength(1);
    expect((await listSources(db2))[0]).toMatchObject({ id: src.id, intervalMin: 15 });
    expect(await loadTopics(fakeBrowser.storage.sync)).toEqual([topic]);
    expect(await fakeBrowser.storage.sync.get('topic:t-old')).toEqual({});
    expect((await loadSettings(fakeBrowser.storage.sync)).badgeMode).toBe('alerts');
    expect((await loadSettings(fakeBrowser.storage.sync)).loadRemoteImages).toBe(false);
    db.close();
    db2.close();
  });

  it.each([
    ['{', 'notJson', ''],
    ['{"format":"other"}', 'notNewsbar', ''],
    ['{"format":"newsbar-settings","version":99}', 'newerVersion', 'version'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[{"id":"a","name":"x","query":"\\"open","notify":true,"breaking":false}],"sources":[]}', 'badField', 'topics[0].query'],
    ['{"format":"newsbar-settings","version":1,"settings":{"badgeMode":"loud"},"topics":[],"sources":[]}', 'badField', 'settings.badgeMode'],
    ['{"format":"newsbar-settings","version":1,"settings":{"quietStart":"25:00"},"topics":[],"sources":[]}', 'badField', 'settings.quietStart'],
    ['{"format":"newsbar-settings","version":1,"settings":{"loadRemoteImages":"no"},"topics":[],"sources":[]}', 'badField', 'settings.loadRemoteImages'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[{"name":"x","url":"file:///etc/passwd"}]}', 'badField', 'sources[0].url'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[{"id":"a","name":"x","query":"a","notify":true,"breaking":false},{"id":"a","name":"y","query":"b","notify":true,"breaking":false}],"sources":[]}', 'badField', 'topics[1].id'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[],"mutes":[{"id":"m-1","query":"OR"}]}', 'badField', 'mutes[0].query'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[],"mutes":[{"id":"t-1","query":"x"}]}', 'badField', 'mutes[0].id'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[],"mutes":[{"id":"m-1","query":"x","folders":"News"}]}', 'badField', 'mutes[0].folders'],
    ['{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[],"mutes":{}}', 'badField', 'mutes'],
  ])('refuses %s', (text, code, where) => {
    let err: unknown;
    try {
      readSettingsFile(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SettingsFileError);
    expect(err).toMatchObject({ code, where });
  });

  it('round-trips a followed live page (a file holding one was refused whole)', async () => {
    const db = await openNewsDb('sio-live');
    await addSource(db, { name: 'Storm live', url: 'https://news.example/live/storm', kind: 'live' });
    const file = readSettingsFile(exportSettings(DEFAULT_SETTINGS, [], await listSources(db)));
    expect(file.sources).toEqual([{ name: 'Storm live', url: 'https://news.example/live/storm', kind: 'live', intervalMin: 2, breaking: true, enabled: true }]);
    const db2 = await openNewsDb('sio-live-2');
    await applySettingsFile(db2, fakeBrowser.storage.sync, file);
    expect((await listSources(db2))[0]).toMatchObject({ kind: 'live', live: { state: 'live' }, breaking: true, intervalMin: 2 });
    db.close();
    db2.close();
  });

  it('round-trips mute rules; a file without them keeps the rules there are', async () => {
    const rule: MuteRule = { id: 'm-1', query: 'title:horoscope', sourceIds: [], folders: ['Lifestyle'], createdAt: 7 };
    const db = await openNewsDb('sio-mutes');
    const file = readSettingsFile(exportSettings(DEFAULT_SETTINGS, [], [], 0, [rule]));
    expect(file.mutes).toEqual([rule]);
    await saveMuteRule(fakeBrowser.storage.sync, { ...rule, id: 'm-old', query: 'old' });
    await applySettingsFile(db, fakeBrowser.storage.sync, file);
    expect(await loadMuteRules(fakeBrowser.storage.sync)).toEqual([rule]);
    expect(await fakeBrowser.storage.sync.get('mute:m-old')).toEqual({});
    const older = readSettingsFile('{"format":"newsbar-settings","version":1,"settings":{},"topics":[],"sources":[]}');
    expect(older.mutes).toBeUndefined();
    await applySettingsFile(db, fakeBrowser.storage.sync, older);
    expect(await loadMuteRules(fakeBrowser.storage.sync)).toEqual([rule]);
    db.close();
  });

  it('a refused file changes nothing', async () => {
    await saveSettings(fakeBrowser.storage.sync, { badgeMode: 'breaking' });
    expect(() => readSettingsFile('{"format":"newsbar-settings","version":1,"settings":{"retentionDays":0},"topics":[],"sources":[]}')).toThrow(/retentionDays/);
    expect((await loadSettings(fakeBrowser.storage.sync)).badgeMode).toBe('breaking');
  });
});
