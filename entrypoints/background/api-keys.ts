// API keys stay in storage.local: never synced, never logged.
const keyOf = (sourceId: string) => `apiKey:${sourceId}`;

export async function getApiKey(sourceId: string): Promise<string | undefined> {
  const k = keyOf(sourceId);
  return (await browser.storage.local.get(k))[k] as string | undefined;
}

export async function setApiKey(sourceId: string, key: string): Promise<void> {
  await browser.storage.local.set({ [keyOf(sourceId)]: key });
}
