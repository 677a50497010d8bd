// API keys stay in storage.local: never synced, never logged (one accessor: utils/storage/items.ts).
import { apiKeyItem } from '@/utils/storage/items';

export async function getApiKey(sourceId: string): Promise<string | undefined> {
  return (await apiKeyItem(browser.storage.local).get(sourceId)) || undefined;
}

export function setApiKey(sourceId: string, key: string): Promise<void> {
  return apiKeyItem(browser.storage.local).set(sourceId, key);
}
