// Topic alerts in the background. Placeholder with the final signatures; the topic-alerts work fills it in.
export async function onItemsStored(_newItemIds: string[]): Promise<void> {}
export async function rematchTopics(_topicIds?: string[]): Promise<void> {}
export function registerAlertListeners(): void {}
