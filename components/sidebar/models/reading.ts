// Reading: open, read/unread, star and "mark all read". Each change shows at once wherever the item is
// (list, search results, ticker), is written to the database, and the background is told.
import { batch, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import { markAllRead, markRead, toggleStar } from '@/utils/db/read-state';
import type { SidebarEnv } from '../sidebar-env';
import { t } from '@/utils/i18n';
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

/** How long "Undo" is offered after "Mark all read" (as after removing a source in the options). */
export const UNDO_MS = 8000;
const DAY = 24 * 60 * 60 * 1000;

/** Which articles "Mark all read" takes: all shown, or only those older than a day or a week. */
export type MarkScope = 'shown' | 'day' | 'week';

/** What the last "Mark all read" changed, while Undo is offered. */
export interface MarkedRead {
  ids: string[];
  scope: MarkScope;
}

export const ReadingModel = createModel((env: SidebarEnv, { list, search, ticker, counts, status, visible }: ReadingDeps) => {
  const run = status.run;
  const lastMarked = signal<MarkedRead | null>(null);
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  function offerUndo(m: MarkedRead | null) {
    clearTimeout(undoTimer);
    lastMarked.value = m && m.ids.length > 0 ? m : null;
    if (lastMarked.value) {
      undoTimer = setTimeout(() => (lastMarked.value = null), UNDO_MS);
      // Screen readers hear it through the one status line; the Undo button is in the bar.
      const n = lastMarked.value.ids.length;
      status.announce(n === 1 ? t('sb_marked_read_one') : t('sb_marked_read', n));
    }
  }

  /** After marking read in the Unread view, the rows just marked leave it (Undo brings them back). */
  async function refreshUnreadView() {
    if (list.filter.value.kind === 'unread' && !search.searching.value) await list.reloadList();
  }

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

    lastMarked,

    /**
     * Marks read what the current view holds: search results, or the whole filter up to its newest shown
     * item; with 'day' or 'week' only what was published before then. Asks nothing: Undo is offered.
     */
    async markAllShownRead(scope: MarkScope = 'shown') {
      const cutoff = scope === 'day' ? env.now() - DAY : scope === 'week' ? env.now() - 7 * DAY : Infinity;
      if (search.searching.value) {
        const ids = visible.value.filter((i) => i.read === 0 && i.published <= cutoff).map((i) => i.id);
        await setRead(ids, true);
        offerUndo({ ids, scope });
        return;
      }
      // Items newer than the list the user is looking at (waiting behind the "new" pill) stay unread.
      const shown = list.items.value;
      const newest = shown.reduce((m, i) => Math.max(m, i.published), -Infinity);
      if (newest === -Infinity) return;
      const until = Math.min(newest, cutoff);
      patch(new Set(shown.filter((i) => i.published <= until).map((i) => i.id)), { read: 1 });
      await run(async () => {
        const ids: string[] = [];
        const n = await markAllRead(await env.db(), list.filter.value, until, ids);
        if (n > 0) {
          notifyChanged();
          await counts.refreshCounts();
        }
        offerUndo({ ids, scope });
        await Promise.all([ticker.refreshTicker(), refreshUnreadView()]);
      });
    },

    /** Undoes the last "Mark all read": those articles are unread again. */
    async undoMarkAll() {
      const m = lastMarked.value;
      offerUndo(null);
      if (!m) return;
      patch(new Set(m.ids), { read: 0 });
      await run(async () => {
        const n = await markRead(await env.db(), m.ids, false);
        if (n > 0) {
          notifyChanged();
          await counts.refreshCounts();
        }
        await Promise.all([ticker.refreshTicker(), refreshUnreadView()]);
      });
    },
  };
});

export type Reading = InstanceType<typeof ReadingModel>;
