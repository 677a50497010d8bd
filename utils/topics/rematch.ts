// Applying topic matches to stored items: a compiled topic set (the per-item rule is
// utils/topic-matches.ts, shared with matching on arrival) and the re-match of everything stored after
// a topic is added or changed, in small transactions with a pause between them so the database and the
// worker never freeze.
import { fromRecord } from '../db/items/item-record';
import type { Item, Topic } from '../model';
import type { NewsDb } from '../db/schema';
import { applyMatches, type MatchedItem, type TopicSet } from '../topic-matches';
import { compileTopics, docOf } from './match';
import { writeItems } from '../db/items/item-writes';
import { mutesOfIds, topicsOfIds } from '../db/tags';
import type { MuteSet } from '../mutes/rules';

/** A topic list compiled once to match many items (a poll's, a re-grouping's), with the mute rules. */
export function topicSet(topics: readonly Topic[], mutes?: MuteSet): TopicSet {
  const matcher = compileTopics(topics);
  // No topics: no words to read from each item (tokenizing a poll's items is not free).
  const match = topics.length ? (item: Item) => matcher.match(docOf(item)) : () => [];
  return { topicsById: new Map(topics.map((t) => [t.id, t])), match, mutes: mutes?.size ? mutes : undefined };
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
