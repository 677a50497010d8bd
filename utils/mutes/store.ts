// Mute rules live in browser.storage.sync beside the topics (they follow the user): one key per rule
// and an index key with their order, as topics are kept (utils/topics/store.ts).
import type { MuteRule } from '../model';
import type { StorageAreaLike } from '../settings';
import { MUTE_IDS_KEY as INDEX, muteIdOfKey, muteRuleKey as key } from '../storage-keys';
import { muteIdsItem } from '../storage/items';

async function ids(area: StorageAreaLike): Promise<string[]> {
  return muteIdsItem.get(area);
}

export async function loadMuteRules(area: StorageAreaLike): Promise<MuteRule[]> {
  const list = await ids(area);
  if (list.length === 0) return [];
  const got = await area.get(list.map(key));
  return list.map((id) => got[key(id)] as MuteRule | undefined).filter((r): r is MuteRule => !!r);
}

export async function saveMuteRule(area: StorageAreaLike, rule: MuteRule): Promise<void> {
  const list = await ids(area);
  await area.set({ [key(rule.id)]: rule, [INDEX]: list.includes(rule.id) ? list : [...list, rule.id] });
}

export async function removeMuteRule(area: StorageAreaLike, id: string): Promise<void> {
  await area.set({ [INDEX]: (await ids(area)).filter((x) => x !== id) });
  await area.remove?.(key(id));
}

/** The rule writes of a whole list (settings import), to be set in one write with the rest. */
export async function muteRuleWrites(area: StorageAreaLike, rules: readonly MuteRule[]): Promise<{ set: Record<string, unknown>; gone: string[] }> {
  const old = await ids(area);
  const set: Record<string, unknown> = { [INDEX]: rules.map((r) => r.id) };
  for (const r of rules) set[key(r.id)] = r;
  return { set, gone: old.filter((id) => !rules.some((r) => r.id === id)).map(key) };
}

/** Did a storage.sync change touch the mute rules? */
export function mutesChanged(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k === INDEX || muteIdOfKey(k) !== undefined);
}
