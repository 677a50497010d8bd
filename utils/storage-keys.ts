// Every key Newsbar keeps in browser.storage, in one place: what is stored where is read here, and no
// two files spell a key apart. (Sources, items and their poll state live in IndexedDB: utils/db/schema.ts.)
// The strings are stored on users' machines and in their synced storage: never change one without a
// migration that moves the old value.

// --- storage.sync: follows the user to every browser they sign in to ---

/** The settings (utils/settings.ts). */
export const SETTINGS_KEY = 'settings';
/** The topics' ids in the user's order (utils/topics/store.ts); each topic under its own key. */
export const TOPIC_IDS_KEY = 'topicIds';
const TOPIC_PREFIX = 'topic:';
/** One topic, under its own key so no key nears storage.sync's 8 KB per-item limit. */
export const topicKey = (topicId: string) => `${TOPIC_PREFIX}${topicId}`;
/** The topic id a topicKey holds; undefined for any other key. */
export const topicIdOfKey = (key: string): string | undefined => (key.startsWith(TOPIC_PREFIX) ? key.slice(TOPIC_PREFIX.length) : undefined);
/** The mute rules' ids in the user's order (utils/mutes/store.ts); each rule under its own key. */
export const MUTE_IDS_KEY = 'muteIds';
const MUTE_PREFIX = 'mute:';
/** One mute rule, under its own key (as a topic is). */
export const muteRuleKey = (ruleId: string) => `${MUTE_PREFIX}${ruleId}`;
/** The rule id a muteRuleKey holds; undefined for any other key. */
export const muteIdOfKey = (key: string): string | undefined => (key.startsWith(MUTE_PREFIX) ? key.slice(MUTE_PREFIX.length) : undefined);
/** The synced source list's note: how many chunks, when, from which device (utils/sync/source-list.ts). */
export const SOURCE_LIST_KEY = 'sourceList';
/** One chunk of the compressed synced source list. */
export const sourceListChunkKey = (i: number) => `${SOURCE_LIST_KEY}:${i}`;

/** Whether a storage.sync change touches what the pages show from it: the settings or the topics. */
export const touchesSettingsOrTopics = (keys: readonly string[]): boolean =>
  keys.some((k) => k === SETTINGS_KEY || k === TOPIC_IDS_KEY || topicIdOfKey(k) !== undefined || k === MUTE_IDS_KEY || muteIdOfKey(k) !== undefined);

// --- storage.local: this browser only ---

/** A source's API key: never synced, never exported, never logged. */
export const apiKeyKey = (sourceId: string) => `apiKey:${sourceId}`;
/** The connected feed server (utils/feed-server/account.ts): its address, the user, the sync's state. No secret. */
export const FEED_SERVER_KEY = 'feedServer';
/**
 * End-to-end, demo and benchmark builds only (mode e2e; the store's build never reads it): the origin
 * that topics' searches are asked at instead of the engines' (there is no internet there).
 */
export const SEARCH_BASE_KEY = 'searchBase';
/** The times of the search requests made in the last hour, across topics (the hourly cap, utils/search-feeds/politeness.ts). */
export const SEARCH_REQUESTS_KEY = 'searchRequests';
/** The feed server's API password and auth token: never synced, never exported, never logged, never shown again. */
export const FEED_SERVER_SECRET_KEY = 'feedServerSecret';
/** How the source list syncs, for the options page (written by entrypoints/background/source-sync.ts). */
export const SOURCE_LIST_STATUS_KEY = 'sourceListSync';
/** When this device last wrote or took the synced source list (ms); absent = never. */
export const SOURCE_LIST_STAMP_KEY = 'sourceListAt';
/** This device's random id, so it knows a synced source list it wrote itself. */
export const SYNC_DEVICE_KEY = 'syncDevice';
/** Notification id -> the item ids it is about (so reading them anywhere clears it). */
export const ALERT_NOTES_KEY = 'alertNotes';
/** What arrived while alerts were silent, for the one digest after (PendingDigest, utils/topics/notify.ts). */
export const ALERT_DIGEST_KEY = 'alertDigest';
/** The topic a clicked alert summary asks the sidebar to show: { id, at }. */
export const SIDEBAR_TOPIC_KEY = 'sidebarTopic';
/** The reader's preferences (text size). */
export const READER_PREFS_KEY = 'readerPrefs';

// The sidebar page's own view on this device, in its localStorage (read synchronously, so the first
// paint is already right; not synced: a narrow panel here may be a wide one elsewhere).
/** '1' while the list is compact (one line per article). */
export const SIDEBAR_COMPACT_KEY = 'newsbar.sidebar.compact';
/** '1' while the breaking ticker is collapsed to one line. */
export const TICKER_COLLAPSED_KEY = 'newsbar.sidebar.tickerCollapsed';
/** '1' while muted articles are shown (dimmed, with the rule that hides them). */
export const SIDEBAR_SHOW_MUTED_KEY = 'newsbar.sidebar.showMuted';
/** '1' while the folder list (folders and sources, above the articles) is open. */
export const FOLDERS_OPEN_KEY = 'newsbar.sidebar.foldersOpen';

// --- storage.local, written while the database is refused for lack of space (its quota is apart) ---

/** Whether the database has room (StorageState, utils/storage-state.ts), kept by the worker for the pages. */
export const STORAGE_STATE_KEY = 'storageState';
const KEPT_ACTION_PREFIX = 'keptAction:';
/** One user action (read, star, mark all read, a topic's re-match) the database refused, kept until it is written (utils/db/kept-actions.ts). */
export const keptActionKey = (seq: string) => `${KEPT_ACTION_PREFIX}${seq}`;
/** Is this one of the kept actions' keys? */
export const isKeptActionKey = (key: string): boolean => key.startsWith(KEPT_ACTION_PREFIX);
