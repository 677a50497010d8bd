// Topics' searches as sources (utils/search-feeds/topic-source.ts plans them): added when a topic turns
// its search on, moved when its query, engine or edition changes, and when the search is turned off or
// the topic removed, its items go unless starred (or also reached through another source: "Also from"),
// and its source with them unless such items remain (then it stays, disabled, to name them).
import type { Item, Source, Topic } from '../model';
import { fromRecord } from './items/item-record';
import { sourceKeyOf } from './items/item-ids';
import { writeItems } from './items/item-writes';
import { rangeOf } from './queries';
import type { NewsDb } from './schema';
import { listSources } from './sources';
import { planSearchSources } from '../search-feeds/topic-source';
import { topicMatcher } from '../search-feeds/topic-search';

export interface SearchSourceChanges {
  added: number;
  updated: number;
  removed: number;
  /** Items of removed searches deleted. */
  itemsRemoved: number;
}

export async function followTopicSearches(db: NewsDb, topics: readonly Topic[], locale: string, now: number, base?: string): Promise<SearchSourceChanges> {
  const plan = planSearchSources(topics, await listSources(db), locale, now, base);
  const out: SearchSourceChanges = { added: plan.add.length, updated: plan.update.length, removed: plan.remove.length, itemsRemoved: 0 };
  if (!plan.add.length && !plan.update.length && !plan.remove.length) return out;
  // One transaction: the sources and the removed searches' items change together, or not at all.
  await writeItems(db, async (writer, tx) => {
    const sources = tx.objectStore('sources');
    for (const s of plan.add) await sources.put(s);
    for (const { id, patch } of plan.update) {
      const cur = await sources.get(id);
      if (cur) await sources.put({ ...cur, ...patch } as Source);
    }
    // Items a search found that no longer belong: all of a removed search's, those a changed query no longer matches.
    const drop = async (id: string, keep: (it: Item) => boolean): Promise<number> => {
      let kept = 0;
      let cur = await tx.objectStore('items').index('bySource').openCursor(rangeOf({ kind: 'source', id }).range);
      while (cur) {
        const it = fromRecord(cur.value);
        if (it.starred || it.alsoFrom?.length || keep(it)) kept++;
        else {
          await writer.delete(it);
          out.itemsRemoved++;
        }
        cur = await cur.continue();
      }
      return kept;
    };
    for (const { id, requery } of plan.update) {
      if (requery) await drop(id, topicMatcher(requery));
    }
    for (const id of plan.remove) {
      const kept = await drop(id, () => false);
      const src = await sources.get(id);
      if (kept && src) await sources.put({ ...src, enabled: false, etag: undefined, lastModified: undefined });
      else await Promise.all([sources.delete(id), tx.objectStore('identities').delete(sourceKeyOf(id))]);
    }
  });
  return out;
}
