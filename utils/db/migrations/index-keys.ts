// Fields kept only for indexes in schemas 10 to 12: starredAt / breakingAt for the Starred and
// Breaking indexes (the migration to schema 10 derives them; schema 13's records: item-record.ts).
import type { LegacyItem } from './migrate-item-ids';

/**
 * The item with its time under starredAt / breakingAt only when it is starred / breaking: a field
 * left out puts no entry in its index, so the Starred and Breaking indexes hold only the few items
 * they list, not every item.
 */
export function withIndexKeys(it: LegacyItem): LegacyItem {
  const next: LegacyItem = { ...it };
  if (it.starred === 1) next.starredAt = it.published;
  else delete next.starredAt;
  if (it.breaking === 1) next.breakingAt = it.published;
  else delete next.breakingAt;
  return next;
}
