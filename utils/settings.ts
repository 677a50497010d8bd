// Settings live in browser.storage.sync (they follow the user); the storage area is passed in
// so the logic runs under tests unchanged.
import type { Settings } from './model';
import { settingsItem } from './storage/items';

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
}

/** The stored settings, each checked by the one table (utils/settings-spec.ts): a value it refuses reads as its default. */
export function loadSettings(area: StorageAreaLike): Promise<Settings> {
  return settingsItem.get(area);
}

export async function saveSettings(area: StorageAreaLike, patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...patch };
  await settingsItem.set(area, next);
  return next;
}
