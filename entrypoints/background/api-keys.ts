// API keys stay in storage.local: never synced, never logged.
import { apiKeyKey as keyOf } from '@/utils/storage-keys';

export async function getApiKey(sourceId: string): Promise<string | undefined> {
  const k = keyOf(sourceId);
  return (await browser.storage.local.get(k))[k] as string | undefined;
}

export async function setApiKey(sourceId: string, key: string): Promise<void> {
  await browser.storage.local.set({ [keyOf(sourceId)]: key });
}
