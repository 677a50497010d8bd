// Topics live in browser.storage.sync (they follow the user), one key per topic so no key nears
// sync's ~8 KB per-item limit, plus an index key with the order.
import type { Topic } from '../model';
import type { StorageAreaLike } from '../settings';
import { TOPIC_IDS_KEY as INDEX, topicIdOfKey, topicKey as key } from '../storage-keys';
import { topicIdsItem } from '../storage/items';

export async function loadTopics(area: StorageAreaLike): Promise<Topic[]> {
  const ids = await topicIdsItem.get(area);
  if (ids.length === 0) return [];
  const got = await area.get(ids.map(key));
  return ids.map((id) => got[key(id)] as Topic | undefined).filter((t): t is Topic => !!t);
}

export async function saveTopic(area: StorageAreaLike, topic: Topic): Promise<void> {
  const ids = await topicIdsItem.get(area);
  await area.set({ [key(topic.id)]: topic, [INDEX]: ids.includes(topic.id) ? ids : [...ids, topic.id] });
}

export async function removeTopic(area: StorageAreaLike, id: string): Promise<void> {
  const ids = await topicIdsItem.get(area);
  await area.set({ [INDEX]: ids.filter((x) => x !== id) });
  await area.remove?.(key(id));
}

// --- additions for the options page, import and the background ---

/**
 * Which topics a storage.onChanged change set touches: changed topic keys plus topics added to or
 * removed from the index; null when no topic changed (other keys, or only a reorder).
 */
export function changedTopicIds(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): string[] | null {
  const ids = new Set(Object.keys(changes).map(topicIdOfKey).filter((id): id is string => id !== undefined));
  const idx = changes[INDEX];
  if (idx) {
    const before = new Set((idx.oldValue as string[] | undefined) ?? []);
    const after = new Set((idx.newValue as string[] | undefined) ?? []);
    for (const id of before) if (!after.has(id)) ids.add(id);
    for (const id of after) if (!before.has(id)) ids.add(id);
  }
  return ids.size > 0 ? [...ids] : null;
}

export function newTopicId(now = Date.now(), rand = Math.random): string {
  const r = () => Math.floor(rand() * 36 ** 5).toString(36).padStart(5, '0');
  return `t-${now.toString(36)}${r()}${r()}`;
}

/**
 * Replaces every topic (settings import) in one write, together with `extra` keys (the settings),
 * so a failed write leaves the old list intact.
 */
export async function replaceTopics(area: StorageAreaLike, topics: Topic[], extra: Record<string, unknown> = {}): Promise<void> {
  const oldIds = await topicIdsItem.get(area);
  const items: Record<string, unknown> = { ...extra, [INDEX]: topics.map((t) => t.id) };
  for (const t of topics) items[key(t.id)] = t;
  await area.set(items);
  const gone = oldIds.filter((id) => !topics.some((t) => t.id === id)).map(key);
  if (gone.length) await area.remove?.(gone);
}
