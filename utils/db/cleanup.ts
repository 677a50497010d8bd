// "Keep fewer articles": removes the unstarred articles older than a time, through the one item
// writer (counters, tags, stories and search follow), a few hundred per transaction so the pages'
// reads never wait long and a stopped worker or closed page leaves whole steps. The same removal
// trims early when the browser's storage runs short (entrypoints/background/storage-watch.ts).
import type { NewsDb } from './schema';
import { writeItems } from './items/item-writes';
import { fromRecord } from './items/item-record';
import { sourceItemsRange } from './items/item-reads';
import { listSources } from './sources';

/** Deletions per transaction. */
const CHUNK = 400;

/**
 * Removes every unstarred item published and first seen before `cutoff` (ms), as retention does;
 * returns how many. Deleting only frees what was stored: it needs no room itself beyond the counters.
 */
export async function removeOlderThan(db: NewsDb, cutoff: number): Promise<number> {
  let removed = 0;
  for (const s of await listSources(db)) {
    // bySource is ['s', 'p'] and lists every item (folded reports too): the source's old end.
    const keys = await db.getAllKeysFromIndex('items', 'bySource', sourceItemsRange(s.id, -Infinity, cutoff));
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      removed += await writeItems(db, async (writer, tx) => {
        const items = tx.objectStore('items');
        const records = await Promise.all(chunk.map((k) => items.get(k)));
        let n = 0;
        for (const r of records) {
          if (!r) continue;
          const it = fromRecord(r);
          if (it.starred || Math.max(it.published, it.firstSeen) >= cutoff) continue;
          await writer.delete(it);
          n++;
        }
        return n;
      });
    }
  }
  return removed;
}
