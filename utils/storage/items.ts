// Each browser.storage key (utils/storage-keys.ts) read and written in one place, typed: a value that
// is not what the key holds (an older build's, a hand edit) reads as the key's fallback, never as a cast.
import type { StorageAreaLike } from '../settings';
import type { Settings } from '../model';
import type { PendingDigest } from '../topics/notify';
import {
  ALERT_DIGEST_KEY, ALERT_NOTES_KEY, apiKeyKey, MUTE_IDS_KEY, READER_PREFS_KEY, SEARCH_BASE_KEY, SEARCH_REQUESTS_KEY, SETTINGS_KEY,
  SIDEBAR_TOPIC_KEY, SOURCE_LIST_STAMP_KEY, SOURCE_LIST_STATUS_KEY, STORAGE_STATE_KEY, SYNC_DEVICE_KEY, TOPIC_IDS_KEY,
} from '../storage-keys';
import { ROOMY, storageStateOf, type StorageState } from '../storage-state';
import { defaultSettings, settingsOf } from '../settings-spec';

export interface StorageItem<T> {
  readonly key: string;
  get(area: Pick<StorageAreaLike, 'get'>): Promise<T>;
  set(area: Pick<StorageAreaLike, 'set'>, value: T): Promise<void>;
  remove(area: Pick<StorageAreaLike, 'remove'>): Promise<void>;
}

/** A key's accessor: `check` gives the value when it is one the key holds, else undefined (then `fallback`). */
export function storageItem<T>(key: string, check: (v: unknown) => T | undefined, fallback: T): StorageItem<T> {
  return {
    key,
    async get(area) {
      // A copy: a caller changing what it read never changes the next one's fallback.
      return check((await area.get(key))[key]) ?? structuredClone(fallback);
    },
    set: (area, value) => area.set({ [key]: value }),
    remove: async (area) => void (await area.remove?.(key)),
  };
}

const isString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const isRecord = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const isStrings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const isNumbers = (v: unknown): number[] | undefined => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : undefined);

// --- storage.sync ---

/** The settings, each value checked by the one table (utils/settings-spec.ts). */
export const settingsItem = storageItem<Settings>(SETTINGS_KEY, settingsOf, defaultSettings());
/** The topics' ids in the user's order (utils/topics/store.ts). */
export const topicIdsItem = storageItem<string[]>(TOPIC_IDS_KEY, isStrings, []);
/** The mute rules' ids in the user's order (utils/mutes/store.ts). */
export const muteIdsItem = storageItem<string[]>(MUTE_IDS_KEY, isStrings, []);

// --- storage.local ---

/** A source's API key in storage.local: never synced, never exported, never logged. */
export function apiKeyItem(area: StorageAreaLike) {
  const item = (id: string) => storageItem(apiKeyKey(id), isString, '');
  return {
    get: (sourceId: string): Promise<string> => item(sourceId).get(area),
    set: (sourceId: string, key: string): Promise<void> => item(sourceId).set(area, key),
    remove: (sourceId: string): Promise<void> => item(sourceId).remove(area),
  };
}

/** How the source list syncs, for the options page (written by entrypoints/background/source-sync.ts). */
export interface SourceListStatus {
  bytes: number;
  budget: number;
  tooLarge: boolean;
  count?: number;
  at?: number;
}

const isStatus = (v: unknown): SourceListStatus | null | undefined => {
  const o = isRecord(v);
  return o && typeof o.bytes === 'number' && typeof o.budget === 'number' ? { bytes: o.bytes, budget: o.budget, tooLarge: !!o.tooLarge, ...(typeof o.count === 'number' && { count: o.count }), ...(typeof o.at === 'number' && { at: o.at }) } : undefined;
};

export const sourceListStatusItem = storageItem<SourceListStatus | null>(SOURCE_LIST_STATUS_KEY, isStatus, null);
/** When this device last wrote or took the synced source list (ms); 0 = never. */
export const sourceListStampItem = storageItem(SOURCE_LIST_STAMP_KEY, isNumber, 0);
/** This device's random id ('' until it has one). */
export const syncDeviceItem = storageItem(SYNC_DEVICE_KEY, isString, '');
/** Whether the database has room, as the worker last wrote it (utils/storage-state.ts). */
export const storageStateItem = storageItem<StorageState>(STORAGE_STATE_KEY, storageStateOf, ROOMY);
/** End-to-end and demo builds only: where topics' searches are asked instead of the engines ('' = the engines). */
export const searchBaseItem = storageItem(SEARCH_BASE_KEY, isString, '');
/** The search requests' times of the last hour, across topics (utils/search-feeds/politeness.ts). */
export const searchRequestsItem = storageItem<number[]>(SEARCH_REQUESTS_KEY, isNumbers, []);

/** Notification id -> the item ids it is about. */
export const alertNotesItem = storageItem<Record<string, string[]>>(ALERT_NOTES_KEY, (v) => {
  const o = isRecord(v);
  return o && Object.fromEntries(Object.entries(o).map(([id, ids]) => [id, isStrings(ids) ?? []]));
}, {});

/** What arrived while alerts were silent, for the one digest after; undefined when nothing waits. */
export const alertDigestItem = storageItem<PendingDigest | undefined>(ALERT_DIGEST_KEY, (v) => {
  const o = isRecord(v);
  return o && typeof o.count === 'number' && Array.isArray(o.entries) ? (o as unknown as PendingDigest) : undefined;
}, undefined);

/** The topic a clicked alert summary asks the sidebar to show, and when. */
export const sidebarTopicItem = storageItem<{ id: string; at: number } | undefined>(SIDEBAR_TOPIC_KEY, (v) => {
  const o = isRecord(v);
  return o && typeof o.id === 'string' && typeof o.at === 'number' ? { id: o.id, at: o.at } : undefined;
}, undefined);

/** The reader's text size: 0 small, 1 normal, 2 large. */
export const readerPrefsItem = storageItem<{ fontStep: 0 | 1 | 2 }>(READER_PREFS_KEY, (v) => {
  const step = isRecord(v)?.fontStep;
  return step === 0 || step === 1 || step === 2 ? { fontStep: step } : undefined;
}, { fontStep: 1 });
