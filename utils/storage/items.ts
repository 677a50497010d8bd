// Each browser.storage key (utils/storage-keys.ts) read and written in one place, typed: a value that
// is not what the key holds (an older build's, a hand edit) reads as the key's fallback, never as a cast.
import type { StorageAreaLike } from '../settings';
import { apiKeyKey, SEARCH_BASE_KEY, SOURCE_LIST_STAMP_KEY, SOURCE_LIST_STATUS_KEY, STORAGE_STATE_KEY, SYNC_DEVICE_KEY } from '../storage-keys';
import { ROOMY, storageStateOf, type StorageState } from '../storage-state';

export interface StorageItem<T> {
  readonly key: string;
  get(area: Pick<StorageAreaLike, 'get'>): Promise<T>;
  set(area: Pick<StorageAreaLike, 'set'>, value: T): Promise<void>;
}

/** A key's accessor: `check` gives the value when it is one the key holds, else undefined (then `fallback`). */
export function storageItem<T>(key: string, check: (v: unknown) => T | undefined, fallback: T): StorageItem<T> {
  return {
    key,
    async get(area) {
      return check((await area.get(key))[key]) ?? fallback;
    },
    set: (area, value) => area.set({ [key]: value }),
  };
}

export const isString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const isNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const isRecord = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** A source's API key in storage.local: never synced, never exported, never logged. */
export function apiKeyItem(area: StorageAreaLike) {
  const item = (id: string) => storageItem(apiKeyKey(id), isString, '');
  return {
    get: (sourceId: string): Promise<string> => item(sourceId).get(area),
    set: (sourceId: string, key: string): Promise<void> => item(sourceId).set(area, key),
    remove: async (sourceId: string): Promise<void> => void (await area.remove?.(apiKeyKey(sourceId))),
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
