// Reading: open, read/unread, star and "mark all read". Each change shows at once wherever the item is
// (list, search results, ticker), is written to the database, and the background is told.
import { batch, createModel, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import { markAllRead, markRead, toggleStar } from '@/utils/db/read-state';
import type { SidebarEnv } from '../sidebar-env';
import type { List } from './list';
import type { Search } from './search';
import type { Ticker } from './ticker';
import type { FilterCounts } from './filter-counts';
import type { Status } from './status';

export interface ReadingDeps {
  list: List;
  search: Search;
  ticker: Ticker;
  counts: FilterCounts;
  status: Status;
  /** What the list shows now: the search results or the filter's pages. */
  visible: ReadonlySignal<Item[]>;
}

export const ReadingModel = createModel((env: SidebarEnv, { list, search, ticker, counts, status, visible }: ReadingDeps) => {
  const run = status.run;

  function patch(ids: Set<string>, p: Partial<Item>) {
    batch(() => {
      list.patch(ids, p);
      ticker.patch(ids, p);
      search.patch(ids, p);
    });
  }

  function notifyChanged() {
    void env.send({ type: 'itemsChanged' });
  }

  function findItem(id: string): Item | undefined {
    return visible.value.find((i) => i.id === id) ?? ticker.breaking.value.find((i) => i.id === id);
  }

  async function setRead(ids: string[], read: boolean) {
    if (ids.length === 0) return;
    patch(new Set(ids), { read: read ? 1 : 0 });
    await run(async () => {
      const n = await markRead(await env.db(), ids, read);
      if (n > 0) {
        notifyChanged();
        await counts.refreshCounts();
      }
    });
  }

  return {
    setRead,

    async toggleRead(id: string) {
      const it = findItem(id);
      if (it) await setRead([id], it.read === 0);
    },

    /** Opens (and marks read) or closes an item in place. */
    async toggleOpen(id: string) {
      const opening = list.openId.value !== id;
      batch(() => {
        list.openId.value = opening ? id : null;
        list.focusId.value = id;
      });
      const it = findItem(id);
      if (opening && it && it.read === 0) await setRead([id], true);
    },

    async star(id: string) {
      const it = findItem(id);
      if (it) patch(new Set([id]), { starred: it.starred ? 0 : 1 });
      await run(async () => {
        const starred = await toggleStar(await env.db(), id);
        if (starred === undefined) return;
        notifyChanged();
        await counts.refreshCounts();
      });
    },

    /** Marks read what the current view holds: search results, or the whole filter up to its newest shown item. */
    async markAllShownRead() {
      if (search.searching.value) return setRead(visible.value.filter((i) => i.read === 0).map((i) => i.id), true);
      // Items newer than the list the user is looking at (waiting behind the "new" pill) stay unread.
      const shown = list.items.value;
      const newest = shown.reduce((m, i) => Math.max(m, i.published), -Infinity);
      if (newest === -Infinity) return;
      patch(new Set(shown.map((i) => i.id)), { read: 1 });
      await run(async () => {
        const n = await markAllRead(await env.db(), list.filter.value, newest);
        if (n > 0) {
          notifyChanged();
          await counts.refreshCounts();
        }
        await ticker.refreshTicker();
      });
    },
  };
});

export type Reading = InstanceType<typeof ReadingModel>;
