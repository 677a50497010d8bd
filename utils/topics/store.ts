// Topics live in browser.storage.sync (they follow the user), one key per topic so no key nears
// sync's ~8 KB per-item limit, plus an index key with the order.
import type { Topic } from '../model';
import type { StorageAreaLike } from '../settings';

const INDEX = 'topicIds';
const key = (id: string) => `topic:${id}`;

export async function loadTopics(area: StorageAreaLike): Promise<Topic[]> {
  const ids = ((await area.get(INDEX))[INDEX] as string[] | undefined) ?? [];
  if (ids.length === 0) return [];
  const got = await area.get(ids.map(key));
  return ids.map((id) => got[key(id)] as Topic | undefined).filter((t): t is Topic => !!t);
}

export async function saveTopic(area: StorageAreaLike, topic: Topic): Promise<void> {
  const ids = ((await area.get(INDEX))[INDEX] as string[] | undefined) ?? [];
  await area.set({ [key(topic.id)]: topic, [INDEX]: ids.includes(topic.id) ? ids : [...ids, topic.id] });
}

export async function removeTopic(area: StorageAreaLike, id: string): Promise<void> {
  const ids = ((await area.get(INDEX))[INDEX] as string[] | undefined) ?? [];
  await area.set({ [INDEX]: ids.filter((x) => x !== id) });
  await area.remove?.(key(id));
}
