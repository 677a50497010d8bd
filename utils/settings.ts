// Settings live in browser.storage.sync (they follow the user); the storage area is passed in
// so the logic runs under tests unchanged.
import { DEFAULT_SETTINGS, type Settings } from './model';
import { SETTINGS_KEY as KEY } from './storage-keys';

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
}

export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  const got = (await area.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(got ?? {}) };
}

export async function saveSettings(area: StorageAreaLike, patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...patch };
  await area.set({ [KEY]: next });
  return next;
}
