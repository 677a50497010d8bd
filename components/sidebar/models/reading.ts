// Reading: open, read/unread, star and "mark all read". Each change shows at once wherever the item is
// (list, search results, ticker), is written to the database, and the background is told.
import { batch, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import { markAllRead, markRead, setStar, toggleStar } from '@/utils/db/read-state';
import { isRefusalSoon } from '@/utils/db/quota';
import type { NewsDb } from '@/utils/db/schema';
import type { UserAction } from '@/utils/db/kept-actions';
import type { Storage } from './storage';
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
  storage: Storage;
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

export const ReadingModel = createModel((env: SidebarEnv, { list, search, ticker, counts, status, storage, visible }: ReadingDeps) => {
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

  /**
   * Writes an action; when the database refuses it for lack of space, keeps it (storage.local) to be
   * written as soon as there is room, and tells the worker. While actions are kept, new ones are kept
   * behind them, so they are written in the order they were made. Resolves whether it was kept.
   */
  async function write(action: UserAction, direct: (db: NewsDb) => Promise<void>): Promise<'written' | 'kept'> {
    if (storage.kept.value.length === 0) {
      // The connection the write goes through: the browser may close it for lack of room (isRefusal).
      const db = await env.db();
      try {
        await direct(db);
        return 'written';
      } catch (e) {
        if (!(await isRefusalSoon(e, db))) throw e;
      }
    }
    await storage.keep(action);
    notifyChanged();
    return 'kept';
  }

  /**
   * Shows a change at once and writes it; if it can be neither written nor kept, the rows go back to
   * what the store holds (a row never shows a state that is neither stored nor kept) and the failure is shown.
   */
  async function change(ids: string[], p: Partial<Item>, action: UserAction, direct: (db: NewsDb) => Promise<void>): Promise<'written' | 'kept' | undefined> {
    const before = new Map(ids.map((id) => [id, findItem(id)]));
    patch(new Set(ids), p);
    return run(async () => {
      try {
        return await write(action, direct);
      } catch (e) {
        batch(() => {
          for (const [id, it] of before) if (it) patch(new Set([id]), { read: it.read, starred: it.starred });
        });
        throw e;
      }
    });
  }

  async function setRead(ids: string[], read: boolean) {
    if (ids.length === 0) return;
    await change(ids, { read: read ? 1 : 0 }, { kind: 'read', ids, read }, async (db) => {
      const n = await markRead(db, ids, read);
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
      const done = async (starred: boolean | undefined) => {
        if (starred === undefined) return;
        notifyChanged();
        await counts.refreshCounts();
      };
      // A row not shown (a shortcut on a stale id) flips what the store has; it cannot be kept.
      if (!it) return void (await run(async () => done(await toggleStar(await env.db(), id))));
      const starred = !it.starred;
      await change([id], { starred: starred ? 1 : 0 }, { kind: 'star', id, starred }, async (db) => done((await setStar(db, id, starred)) ? starred : undefined));
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
      const shownIds = shown.filter((i) => i.published <= until && i.read === 0).map((i) => i.id);
      const filter = list.filter.value;
      const ids: string[] = [];
      const how = await change(shownIds, { read: 1 }, { kind: 'markAll', filter, until: until === Infinity ? null : until, ids: shownIds }, async (db) => {
        const n = await markAllRead(db, filter, until, ids);
        if (n > 0) {
          notifyChanged();
          await counts.refreshCounts();
        }
      });
      if (!how) return;
      // Kept for later: Undo takes back what the page showed read.
      offerUndo({ ids: how === 'kept' ? shownIds : ids, scope });
      await run(() => Promise.all([ticker.refreshTicker(), refreshUnreadView()]));
    },

    /** Undoes the last "Mark all read": those articles are unread again. */
    async undoMarkAll() {
      const m = lastMarked.value;
      offerUndo(null);
      if (!m) return;
      await setRead(m.ids, false);
      await run(() => Promise.all([ticker.refreshTicker(), refreshUnreadView()]));
    },
  };
});

export type Reading = InstanceType<typeof ReadingModel>;
