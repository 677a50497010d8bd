// "Not the same story": the user takes a report out of a story. It becomes a row of its own with its
// own topics, never joins that story again (the record keeps it in `apart`), and the story's row is
// matched again without it, all in one transaction. The worker's grouper is made again afterwards.
import type { NewsDb } from '../schema';
import type { Item } from '../../model';
import { writeItems } from '../items/item-writes';
import { getItem } from '../items/item-reads';
import { forgetGrouper } from './story-grouper';
import { topicsOfRecord } from '../tags';
import { withTopics, type TopicSet } from '../../topic-matches';

/** Takes the item out of its story; false when it is in none (or gone). */
export async function splitFromStory(db: NewsDb, itemId: string, topics: TopicSet): Promise<boolean> {
  const out = await writeItems(db, async (writer, tx) => {
    const items = tx.objectStore('items');
    const tagged = async (it: Item): Promise<Item> => ({ ...it, topics: topicsOfRecord(await tx.objectStore('tags').get(it.id)) });
    const found = await getItem(items, itemId);
    if (!found || found.story === undefined) return false;
    const story = found.story;
    const others = (await writer.stories.reportsOf(story)).filter((r) => r.id !== itemId);
    await writer.stories.leave(found, true);
    // As it is now (leave may have written it), then a plain row with its own matches.
    const it = await tagged((await getItem(items, itemId))!);
    const row = withTopics({ ...it, folded: 0 }, topics);
    delete row.story;
    delete row.folded;
    await writer.put(it, row);
    // The row left carries what its story's remaining reports match (or, a story no more, what it
    // matches itself), no longer the one taken out.
    const still = await writer.stories.reportsOf(story);
    const rows = (await Promise.all(others.map((r) => getItem(items, r.id)))).filter((r): r is Item => !!r && r.folded !== 1);
    for (const row of rows) {
      const matched = new Set<string>();
      for (const r of still.length ? still : [row]) for (const t of topics.match(r)) matched.add(t);
      const before = await tagged(row);
      const next = withTopics(before, { topicsById: topics.topicsById, match: () => [...matched] });
      if (next !== before) await writer.put(before, next);
    }
    return true;
  });
  forgetGrouper(db);
  return out;
}
