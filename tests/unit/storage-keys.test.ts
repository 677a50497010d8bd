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
