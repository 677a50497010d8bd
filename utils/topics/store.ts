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

// --- additions for the options page, import and the background ---

export const TOPIC_INDEX_KEY = INDEX;

/** Does a storage.onChanged change set touch topics? Gives the changed topic ids (all = undefined). */
export function changedTopicIds(changes: Record<string, unknown>): string[] | undefined | null {
  const keys = Object.keys(changes);
  const ids = keys.filter((k) => k.startsWith('topic:')).map((k) => k.slice('topic:'.length));
  if (ids.length > 0) return ids;
  return keys.includes(INDEX) ? undefined : null; // index only: a removal or a reorder
}

export function newTopicId(now = Date.now(), rand = Math.random): string {
  return `t-${now.toString(36)}${Math.floor(rand() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/**
 * Replaces every topic (settings import) in one write, together with `extra` keys (the settings),
 * so a failed write leaves the old list intact.
 */
export async function replaceTopics(area: StorageAreaLike, topics: Topic[], extra: Record<string, unknown> = {}): Promise<void> {
  const oldIds = ((await area.get(INDEX))[INDEX] as string[] | undefined) ?? [];
  const items: Record<string, unknown> = { ...extra, [INDEX]: topics.map((t) => t.id) };
  for (const t of topics) items[key(t.id)] = t;
  await area.set(items);
  const gone = oldIds.filter((id) => !topics.some((t) => t.id === id)).map(key);
  if (gone.length) await area.remove?.(gone);
}
