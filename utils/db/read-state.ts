// Read and starred state, written by the sidebar. Each call is one transaction, so a closed panel
// never leaves half a "mark all read" behind.
import type { NewsDb } from './schema';
import type { Flag, Item } from '../model';
import type { Filter, ItemIndex } from './queries';
import { writeItems, type ItemWriter } from './items/item-writes';
import { matchesFilter, rangeOf } from './queries';
import { fromRecord } from './items/item-record';
import { getItem, getItems } from './items/item-reads';
import { ALL_SOURCES, queueForServer } from '../feed-server/records';

/**
 * The items and every other report of their stories (one read state per story: reading its row reads
 * them all), each once, and the stories' "new reports" cleared.
 */
async function withTheirStories(writer: ItemWriter, found: ReadonlyArray<Item | undefined>): Promise<Item[]> {
  const out = new Map<string, Item>();
  const stories = new Set<string>();
  for (const it of found) {
    if (!it) continue;
    out.set(it.id, it);
    if (it.story !== undefined) stories.add(it.story);
  }
  for (const story of stories) {
    for (const it of await writer.stories.reportsOf(story)) if (!out.has(it.id)) out.set(it.id, it);
    await writer.stories.seen(story);
  }
  return [...out.values()];
}

/** Sets read (1) or unread (0) on the given items (and the other reports of their stories); returns how many rows changed. */
export async function markRead(db: NewsDb, ids: string[], read: boolean): Promise<number> {
  const flag: Flag = read ? 1 : 0;
  return writeItems(db, async (writer, tx) => {
    const found = await withTheirStories(writer, await getItems(tx.objectStore('items'), ids));
    const changed = found.filter((it) => it.read !== flag);
    await Promise.all(changed.map((it) => writer.put(it, { ...it, read: flag })));
    // A feed server's items: the change waits in the same transaction to be sent (utils/feed-server/).
    await queueForServer(tx, changed, 'read', () => read);
    return changed.filter((it) => it.folded !== 1).length;
  });
}

/** Flips the star of one item; returns the new state (undefined if the item is gone). */
export async function toggleStar(db: NewsDb, id: string): Promise<boolean | undefined> {
  return writeItems(db, async (writer, tx) => {
    const it = await getItem(tx.objectStore('items'), id);
    if (!it) return undefined;
    const starred: Flag = it.starred ? 0 : 1;
    await writer.put(it, { ...it, starred });
    await queueForServer(tx, [it], 'starred', () => starred === 1);
    return starred === 1;
  });
}

/** Sets the star of one item (as a kept action replays it: the state wanted, not a flip); false if the item is gone. */
export async function setStar(db: NewsDb, id: string, starred: boolean): Promise<boolean> {
  return writeItems(db, async (writer, tx) => {
    const it = await getItem(tx.objectStore('items'), id);
    if (!it) return false;
    const flag: Flag = starred ? 1 : 0;
    if (it.starred !== flag) {
      await writer.put(it, { ...it, starred: flag });
      await queueForServer(tx, [it], 'starred', () => starred);
    }
    return true;
  });
}

/**
 * Marks every unread item of a filter read, optionally only those published up to `until`; returns how
 * many. `changed` (if given) receives their ids, so the sidebar can offer Undo.
 */
export async function markAllRead(db: NewsDb, filter: Filter, until = Infinity, changed?: string[]): Promise<number> {
  return writeItems(db, async (writer, tx) => {
    // Walk the narrowest index that holds the filter's unread items ('all': the unread ones; a folder:
    // each of its sources', folded reports included, as its list shows them).
    const plan = rangeOf(filter.kind === 'all' ? { kind: 'unread' } : filter, until);
    if (plan.index === 'tags') {
      // A topic: its tags name exactly its items.
      const ids = await tx.objectStore('tags').index('byTopicTime').getAllKeys(plan.range);
      const found = await getItems(tx.objectStore('items'), ids);
      const unread = found.filter((it): it is Item => !!it && it.read === 0 && it.published <= until);
      const all = (await withTheirStories(writer, unread)).filter((it) => it.read === 0);
      await Promise.all(all.map((it) => writer.put(it, { ...it, read: 1 })));
      await queueForServer(tx, all, 'read', () => true);
      changed?.push(...unread.map((it) => it.id));
      return unread.length;
    }
    let n = 0;
    const written: Item[] = [];
    const stories: Item[] = [];
    const done = new Set<string>();
    for (const part of plan.parts ?? [plan]) {
      let cursor = await tx.objectStore('items').index(part.index as ItemIndex).openCursor(part.range);
      while (cursor) {
        const it = fromRecord(cursor.value);
        if (it.read === 0 && it.published <= until && matchesFilter(filter, it)) {
          await writer.put(it, { ...it, read: 1 });
          written.push(it);
          changed?.push(it.id);
          done.add(it.id);
          if (it.story !== undefined) stories.push(it);
          n++;
        }
        cursor = await cursor.continue();
      }
    }
    // The other reports of the stories read (folded: not in the walk above).
    const rest = await withTheirStories(writer, stories);
    const others = rest.filter((it) => it.read === 0 && !done.has(it.id));
    await Promise.all(others.map((it) => writer.put(it, { ...it, read: 1 })));
    // A source, a folder or everything: the feed server's own call (utils/feed-server/records.ts), which
    // then sets unread again what stays unread here (newer than `until`).
    const whole = filter.kind === 'source' ? [filter.id] : filter.kind === 'folder' ? filter.sourceIds : filter.kind === 'all' || filter.kind === 'unread' ? [ALL_SOURCES] : [];
    await queueForServer(tx, [...written, ...others], 'read', () => true, Date.now(), whole);
    return n;
  });
}
