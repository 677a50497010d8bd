// Fields kept only for indexes: starredAt / breakingAt for the Starred and Breaking indexes. (Topic
// tags are not in the item: see tags.ts.)
import type { Item } from '../model';

/**
 * The item with its time under starredAt / breakingAt only when it is starred / breaking: a field
 * left out puts no entry in its index, so the Starred and Breaking indexes hold only the few items
 * they list, not every item.
 */
export function withIndexKeys(it: Item): Item {
  const next: Item = { ...it };
  if (it.starred === 1) next.starredAt = it.published;
  else delete next.starredAt;
  if (it.breaking === 1) next.breakingAt = it.published;
  else delete next.breakingAt;
  return next;
}
