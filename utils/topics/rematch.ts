// Applying topic matches to stored items: the per-item rule (shared with matching on arrival) and
// the re-match of everything stored after a topic is added or changed, in small transactions with a
// pause between them so the database and the worker never freeze.
import { fromRecord } from '../db/item-record';
import type { Flag, Item, Topic } from '../model';
import type { NewsDb } from '../db/schema';
import { htmlToText } from '../normalize/text';
import { compileTopics, prepareDoc } from './match';
import { writeItems } from '../db/item-writes';
import { mutesOfIds, topicsOfIds } from '../db/tags';
import type { MuteSet } from '../mutes/rules';

/**
 * `breaking` mixes two causes: the source (a live feed, a breaking marker) and breaking topics.
 * `sourceBreaking` remembers the first, so dropping a topic can clear only what the topic set.
 */
export type MatchedItem = Item & { sourceBreaking?: Flag };

export function docOf(item: Item) {
  return prepareDoc({ title: item.title, text: htmlToText(item.summaryHtml ?? ''), sourceId: item.sourceId });
}

/** The source's own breaking flag; inferred once for items stored before it was recorded. */
export function sourceBreakingOf(item: MatchedItem, topicsById: ReadonlyMap<string, Topic>): Flag {
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

export function topicSet(topics: readonly Topic[], mutes?: MuteSet): TopicSet {
  const matcher = compileTopics(topics);
  return { topicsById: new Map(topics.map((t) => [t.id, t])), match: (item) => matcher.match(docOf(item)), mutes: mutes?.size ? mutes : undefined };
}

/**
 * The item with its topics, alert and breaking flags from every current topic. Its topics are always
 * given (a list, even an empty one), so writing it leaves exactly these tags.
 */
export function withTopics(item: MatchedItem, set: TopicSet): MatchedItem {
  return applyMatches(item, set.match(item), set.topicsById) ?? (item.topics ? item : { ...item, topics: [] });
}

export interface RematchOptions {
  /** Only these topics changed (added, edited or removed); absent = re-match every topic. */
  topicIds?: readonly string[];
  chunkSize?: number;
  /** Called between chunks; defaults to a macrotask so other work (and messages) can run. */
  pause?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Re-match stored items against `topics` (the full, current list). Returns how many items were
 * scanned, how many changed their matches (`updated`: their tags were written), and how many item
 * records had to be rewritten for it (`rewritten`: only when an alert or breaking flag changed).
 */
export async function rematchStored(db: NewsDb, topics: readonly Topic[], opts: RematchOptions = {}): Promise<{ scanned: number; updated: number; rewritten: number }> {
  const chunkSize = opts.chunkSize ?? 300;
  const pause = opts.pause ?? macrotask;
  const topicsById = new Map(topics.map((t) => [t.id, t]));
  const changed = opts.topicIds ? new Set(opts.topicIds) : undefined;
  const matcher = compileTopics(changed ? topics.filter((t) => changed.has(t.id)) : topics);
  let lastKey: number | undefined;
  let scanned = 0;
  let updated = 0;
  let rewritten = 0;
  for (;;) {
    const done = await writeItems(db, async (writer, tx) => {
      const range = lastKey === undefined ? undefined : IDBKeyRange.lowerBound(lastKey, true);
      // A chunk in one request, and its tags in another (read in this transaction, so exact).
      const records = await tx.objectStore('items').getAll(range, chunkSize);
      const items = records.map(fromRecord);
      const tagsOf = await topicsOfIds(tx, items.map((it) => it.id));
      // The items themselves (not copies) get their topics, so the writer knows their store keys.
      const chunk: MatchedItem[] = items.map((it) => Object.assign(it, { topics: tagsOf.get(it.id) ?? [] }));
      const writes: Promise<unknown>[] = [];
      for (const item of chunk) {
        // A story's row carries every report's topics; a folded report keeps none of its own.
        if (item.folded === 1) continue;
        const reports = item.story !== undefined ? await writer.stories.reportsOf(item.story) : [];
        // A muted report gives the row none of its topics (utils/mutes/story.ts).
        const muted = reports.length > 1 ? await mutesOfIds(tx, reports.map((r) => r.id)) : undefined;
        const matched = new Set(matcher.match(docOf(item)));
        for (const r of reports) if (r.id !== item.id && !muted?.get(r.id)?.length) for (const t of matcher.match(docOf(r))) matched.add(t);
        const next = applyMatches(item, [...matched], topicsById, changed);
        if (next) {
          writes.push(writer.put(item, next));
          updated++;
        }
      }
      await Promise.all(writes);
      rewritten += writer.itemsWritten;
      scanned += chunk.length;
      if (records.length) lastKey = records[records.length - 1]!.k;
      return chunk.length < chunkSize;
    });
    if (done) break;
    await pause();
  }
  return { scanned, updated, rewritten };
}
