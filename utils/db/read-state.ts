// Read and starred state, written by the sidebar. Each call is one transaction, so a closed panel
// never leaves half a "mark all read" behind.
import type { NewsDb } from './schema';
import type { Flag } from '../model';
import type { Filter } from './queries';
import { ItemWriter } from './item-writes';
import { topicRange } from './topic-keys';

/** Sets read (1) or unread (0) on the given items; returns how many changed. */
export async function markRead(db: NewsDb, ids: string[], read: boolean): Promise<number> {
  const flag: Flag = read ? 1 : 0;
  const tx = db.transaction(['items', 'counters'], 'readwrite');
  const items = tx.objectStore('items');
  const writer = new ItemWriter(items);
  const found = await Promise.all(ids.map((id) => items.get(id)));
  const changed = found.filter((it) => it && it.read !== flag);
  await Promise.all(changed.map((it) => writer.put(it, { ...it!, read: flag })));
  await writer.counts.flush(tx.objectStore('counters'));
  await tx.done;
  return changed.length;
}

/** Flips the star of one item; returns the new state (undefined if the item is gone). */
export async function toggleStar(db: NewsDb, id: string): Promise<boolean | undefined> {
  const tx = db.transaction(['items', 'counters'], 'readwrite');
  const items = tx.objectStore('items');
  const it = await items.get(id);
  if (!it) {
    await tx.done;
    return undefined;
  }
  const starred: Flag = it.starred ? 0 : 1;
  const writer = new ItemWriter(items);
  await writer.put(it, { ...it, starred });
  await writer.counts.flush(tx.objectStore('counters'));
  await tx.done;
  return starred === 1;
}

/** Marks every unread item of a filter read, optionally only those published up to `until`; returns how many. */
export async function markAllRead(db: NewsDb, filter: Filter, until = Infinity): Promise<number> {
  const tx = db.transaction(['items', 'counters'], 'readwrite');
  const s = tx.objectStore('items');
  const writer = new ItemWriter(s);
  // Walk the narrowest index that holds the filter's unread items.
  let cursor =
    filter.kind === 'source'
      ? await s.index('bySource').openCursor(IDBKeyRange.bound([filter.id, -Infinity], [filter.id, until]))
      : filter.kind === 'topic'
        ? await s.index('byTopicTime').openCursor(topicRange(filter.id, until))
        : filter.kind === 'starred'
          ? await s.index('byStarred').openCursor(IDBKeyRange.bound([1, -Infinity], [1, until]))
          : await s.index('byRead').openCursor(IDBKeyRange.bound([0, -Infinity], [0, until]));
  let n = 0;
  while (cursor) {
    const it = cursor.value;
    if (it.read === 0 && it.published <= until) {
      await writer.put(it, { ...it, read: 1 });
      n++;
    }
    cursor = await cursor.continue();
  }
  await writer.counts.flush(tx.objectStore('counters'));
  await tx.done;
  return n;
}
