// What an item's topic matches make of it (its topics, alert and breaking flags): the one rule for
// matching on arrival (the poll's write in utils/db) and for re-matching stored items (utils/topics).
// Pure and below both, so the database takes a compiled topic set (utils/topics/rematch.ts topicSet)
// without importing the topics.
import type { Flag, Item, Topic } from './model';
import type { MuteSet } from './mutes/rules';

/**
 * `breaking` mixes two causes: the source (a live feed, a breaking marker) and breaking topics.
 * `sourceBreaking` remembers the first, so dropping a topic can clear only what the topic set.
 */
export type MatchedItem = Item & { sourceBreaking?: Flag };

/** The source's own breaking flag; inferred once for items stored before it was recorded. */
function sourceBreakingOf(item: MatchedItem, topicsById: ReadonlyMap<string, Topic>): Flag {
  if (item.sourceBreaking !== undefined) return item.sourceBreaking;
  if (!item.breaking) return 0;
  // Breaking with no breaking topic among its matches: only the source can have set it.
  return (item.topics ?? []).some((id) => topicsById.get(id)?.breaking) ? 0 : 1;
}

/**
 * The item with its topics, alert and breaking flags recomputed, or undefined when nothing changed.
 * `matched`: ids of matching topics among `changed` (or among all topics when `changed` is absent);
 * with `changed`, the item's other (still existing) topics are kept as they are.
 */
export function applyMatches(
  item: MatchedItem,
  matched: readonly string[],
  topicsById: ReadonlyMap<string, Topic>,
  changed?: ReadonlySet<string>,
): MatchedItem | undefined {
  const before = item.topics ?? [];
  const kept = changed ? before.filter((id) => !changed.has(id) && topicsById.has(id)) : [];
  const topics = [...new Set([...kept, ...matched])];
  const sourceBreaking = sourceBreakingOf(item, topicsById);
  const breaking: Flag = sourceBreaking || topics.some((id) => topicsById.get(id)?.breaking) ? 1 : 0;
  const alert: Flag = topics.some((id) => topicsById.get(id)?.notify) ? 1 : 0;
  const same =
    topics.length === before.length &&
    topics.every((id) => before.includes(id)) &&
    breaking === item.breaking &&
    alert === item.alert &&
    // An inferred source flag alone is no reason to write: it is recorded with the next real change.
    (item.sourceBreaking === undefined || sourceBreaking === item.sourceBreaking);
  // The item record is rewritten only if a flag changed (or an older item records its source flag
  // once); new tags alone are written apart (item-writes.ts).
  return same ? undefined : { ...item, topics, alert, breaking, sourceBreaking };
}

/** A topic list ready to match many items (compiled once per poll), with the mute rules that hide items. */
export interface TopicSet {
  topicsById: ReadonlyMap<string, Topic>;
  match(item: Item): string[];
  /** The mute rules (utils/mutes/rules.ts); absent = none. */
  mutes?: MuteSet;
}

/**
 * The item with its topics, alert and breaking flags from every current topic. Its topics are always
 * given (a list, even an empty one), so writing it leaves exactly these tags.
 */
export function withTopics(item: MatchedItem, set: TopicSet): MatchedItem {
  return applyMatches(item, set.match(item), set.topicsById) ?? (item.topics ? item : { ...item, topics: [] });
}
