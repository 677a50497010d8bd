import {
  ALERT_DIGEST_KEY, ALERT_NOTES_KEY, apiKeyKey, READER_PREFS_KEY, SETTINGS_KEY, SIDEBAR_TOPIC_KEY, SOURCE_LIST_KEY, SOURCE_LIST_STAMP_KEY,
  FOLDERS_OPEN_KEY, SIDEBAR_COMPACT_KEY, SOURCE_LIST_STATUS_KEY, sourceListChunkKey, SYNC_DEVICE_KEY, TICKER_COLLAPSED_KEY, TOPIC_IDS_KEY, topicIdOfKey, topicKey, touchesSettingsOrTopics,
  STORAGE_STATE_KEY, keptActionKey, isKeptActionKey, MUTE_IDS_KEY, muteRuleKey, muteIdOfKey, SIDEBAR_SHOW_MUTED_KEY, SEARCH_BASE_KEY, SEARCH_REQUESTS_KEY,
} from '@/utils/storage-keys';

// The keys are stored on users' machines and in their synced storage: a changed string would lose
// their settings, topics, API keys and synced sources on update. These pin them.
describe('storage keys', () => {
  it('keeps the stored strings', () => {
    expect([SETTINGS_KEY, TOPIC_IDS_KEY, topicKey('t-1'), SOURCE_LIST_KEY, sourceListChunkKey(2)]).toEqual([
      'settings', 'topicIds', 'topic:t-1', 'sourceList', 'sourceList:2',
    ]);
    expect([apiKeyKey('s1'), SOURCE_LIST_STATUS_KEY, SOURCE_LIST_STAMP_KEY, SYNC_DEVICE_KEY, ALERT_NOTES_KEY, ALERT_DIGEST_KEY, SIDEBAR_TOPIC_KEY, READER_PREFS_KEY]).toEqual([
      'apiKey:s1', 'sourceListSync', 'sourceListAt', 'syncDevice', 'alertNotes', 'alertDigest', 'sidebarTopic', 'readerPrefs',
    ]);
    expect([SIDEBAR_COMPACT_KEY, TICKER_COLLAPSED_KEY, FOLDERS_OPEN_KEY]).toEqual(['newsbar.sidebar.compact', 'newsbar.sidebar.tickerCollapsed', 'newsbar.sidebar.foldersOpen']);
    expect([STORAGE_STATE_KEY, keptActionKey('0001-a')]).toEqual(['storageState', 'keptAction:0001-a']);
    expect([MUTE_IDS_KEY, muteRuleKey('m-1'), SIDEBAR_SHOW_MUTED_KEY]).toEqual(['muteIds', 'mute:m-1', 'newsbar.sidebar.showMuted']);
    expect([SEARCH_BASE_KEY, SEARCH_REQUESTS_KEY]).toEqual(['searchBase', 'searchRequests']);
    expect(isKeptActionKey(keptActionKey('x'))).toBe(true);
    expect(isKeptActionKey(apiKeyKey('s1'))).toBe(false);
  });

  it('pins every key it exports: a new key fails here until its string is added', async () => {
    const all = await import('@/utils/storage-keys');
    const strings = Object.fromEntries(Object.entries(all).filter(([, v]) => typeof v === 'string'));
    expect(strings).toEqual({
      ALERT_DIGEST_KEY: 'alertDigest', ALERT_NOTES_KEY: 'alertNotes', FEED_SERVER_KEY: 'feedServer', FEED_SERVER_SECRET_KEY: 'feedServerSecret',
      FOLDERS_OPEN_KEY: 'newsbar.sidebar.foldersOpen', MUTE_IDS_KEY: 'muteIds', READER_PREFS_KEY: 'readerPrefs', SEARCH_BASE_KEY: 'searchBase',
      SEARCH_REQUESTS_KEY: 'searchRequests', SETTINGS_KEY: 'settings', SIDEBAR_COMPACT_KEY: 'newsbar.sidebar.compact',
      SIDEBAR_SHOW_MUTED_KEY: 'newsbar.sidebar.showMuted', SIDEBAR_TOPIC_KEY: 'sidebarTopic', SOURCE_LIST_KEY: 'sourceList',
      SOURCE_LIST_STAMP_KEY: 'sourceListAt', SOURCE_LIST_STATUS_KEY: 'sourceListSync', STORAGE_STATE_KEY: 'storageState',
      SYNC_DEVICE_KEY: 'syncDevice', TICKER_COLLAPSED_KEY: 'newsbar.sidebar.tickerCollapsed', TOPIC_IDS_KEY: 'topicIds',
    });
  });

  it('reads a topic id back from its key, and nothing from other keys', () => {
    expect(topicIdOfKey(topicKey('t-1:x'))).toBe('t-1:x');
    expect(topicIdOfKey(TOPIC_IDS_KEY)).toBeUndefined();
    expect(topicIdOfKey(SETTINGS_KEY)).toBeUndefined();
    expect(muteIdOfKey(muteRuleKey('m-1'))).toBe('m-1');
    expect(muteIdOfKey(MUTE_IDS_KEY)).toBeUndefined();
    expect(topicIdOfKey(muteRuleKey('m-1'))).toBeUndefined();
  });

  it('tells changes to settings or topics from other synced keys', () => {
    expect(touchesSettingsOrTopics([SETTINGS_KEY])).toBe(true);
    expect(touchesSettingsOrTopics([TOPIC_IDS_KEY])).toBe(true);
    expect(touchesSettingsOrTopics(['sourceList:0', topicKey('a')])).toBe(true);
    expect(touchesSettingsOrTopics([SOURCE_LIST_KEY, sourceListChunkKey(0)])).toBe(false);
    expect(touchesSettingsOrTopics([muteRuleKey('m-1')])).toBe(true);
    expect(touchesSettingsOrTopics([MUTE_IDS_KEY])).toBe(true);
    expect(touchesSettingsOrTopics([])).toBe(false);
  });
});
