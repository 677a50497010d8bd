import type { Item } from '@/utils/model';

/** The list with the given items changed (the same array when none of them is in it). */
export function patchList(list: Item[], ids: Set<string>, patch: Partial<Item>): Item[] {
  return list.some((i) => ids.has(i.id)) ? list.map((i) => (ids.has(i.id) ? { ...i, ...patch } : i)) : list;
}
