// The article list: the current filter, its loaded pages, which article is open or focused, and the
// new items waiting behind the "N new" pill.
import { batch, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import { loadPage, type Filter, type PageCursor } from '@/utils/db/queries';
import type { SidebarEnv } from '../sidebar-env';
import { patchList } from './patch';

/** Enough rows to fill the sidebar's first screen; the next page follows as the list scrolls. */
const FIRST_PAGE_SIZE = 12;

export function sameFilter(a: Filter, b: Filter): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : '') === ('id' in b ? b.id : '');
}

export const ListModel = createModel((env: SidebarEnv, showMuted?: ReadonlySignal<boolean>) => {
  const opts = () => ({ showMuted: !!showMuted?.value });
  const filter = signal<Filter>({ kind: 'all' });
  const items = signal<Item[]>([]);
  const next = signal<PageCursor | undefined>(undefined);
  const loading = signal(true);
  const loadingMore = signal(false);
  const openId = signal<string | null>(null);
  const focusId = signal<string | null>(null);
  const pendingNew = signal(0);
  /** The list is scrolled to its top: new items may be inserted without moving anything. */
  const atTop = signal(true);
  let listSeq = 0;
  /** The next page being read: asking again waits for it instead of reading it twice. */
  let inFlight: Promise<void> | null = null;

  return {
    filter, items, next, loading, loadingMore, openId, focusId, pendingNew, atTop,

    /** First page of the current filter; the list starts over. */
    async reloadList() {
      const seq = ++listSeq;
      loading.value = true;
      const db = await env.db();
      performance.mark?.('newsbar:db-open');
      // A short first page paints sooner; the list loads more as its end comes into view.
      const page = await loadPage(db, filter.value, undefined, FIRST_PAGE_SIZE, opts());
      performance.mark?.('newsbar:page-read');
      if (seq !== listSeq) return;
      batch(() => {
        items.value = page.items;
        next.value = page.next;
        loading.value = false;
        pendingNew.value = 0;
      });
    },

    /** The next page of the current filter (the one already on its way, if any); a reload meanwhile drops it. */
    loadNextPage(): Promise<void> {
      if (inFlight) return inFlight;
      if (!next.value) return Promise.resolve();
      // The filter and cursor of the page asked for: the filter may change while the database opens.
      const seq = listSeq;
      const f = filter.value;
      const after = next.value;
      loadingMore.value = true;
      inFlight = (async () => {
        try {
          const page = await loadPage(await env.db(), f, after, undefined, opts());
          if (seq !== listSeq) return;
          const seen = new Set(items.value.map((i) => i.id));
          items.value = [...items.value, ...page.items.filter((i) => !seen.has(i.id))];
          next.value = page.next;
        } finally {
          loadingMore.value = false;
          inFlight = null;
        }
      })();
      return inFlight;
    },

    /** Switches the filter and closes what was open. */
    chooseFilter(f: Filter) {
      filter.value = f;
      openId.value = null;
      focusId.value = null;
    },

    addPending(n: number) {
      pendingNew.value += n;
    },

    setAtTop(v: boolean) {
      if (atTop.value !== v) atTop.value = v;
    },

    patch(ids: Set<string>, p: Partial<Item>) {
      items.value = patchList(items.value, ids, p);
    },
  };
});

export type List = InstanceType<typeof ListModel>;
