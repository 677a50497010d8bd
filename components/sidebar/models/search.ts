// Search over titles and summaries within the current filter, answering as the user types.
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import type { Filter } from '@/utils/db/queries';
import { searchItems, type SearchResult } from '@/utils/db/search/search-items';
import type { SidebarEnv } from '../sidebar-env';
import { patchList } from './patch';
import { afterPaint } from '../first-rows';

/** Search shows the newest matches; more words narrow it down. */
const SEARCH_LIMIT = 50;

export interface SearchAnswer extends SearchResult {
  /** The query answered (the box may already hold the next one). */
  query: string;
  /** False while only the first rows are known: the count is not yet. */
  counted: boolean;
}

/** `firstRows`: how many rows fill the panel now; they are shown before the rest of the answer is read. */
export const SearchModel = createModel((env: SidebarEnv, filter: ReadonlySignal<Filter>, firstRows: () => number, showMuted?: ReadonlySignal<boolean>) => {
  const query = signal('');
  const results = signal<SearchAnswer | null>(null);
  const searching = computed(() => query.value.trim() !== '');
  let searchSeq = 0;

  return {
    query,
    results,
    searching,
    async search(q: string) {
      const seq = ++searchSeq;
      if (!q.trim()) {
        query.value = q;
        results.value = null;
        return;
      }
      const t0 = performance.now();
      const db = await env.db();
      if (seq !== searchSeq) return; // a newer search sets the query
      const rows = Math.min(firstRows(), SEARCH_LIMIT);
      // The first screenful is read and shown first; the whole answer (the count, the rows below) is
      // read once that has been painted, so its reads do not hold up the paint.
      const asked = searchItems(db, q, { filter: filter.value, limit: rows, showMuted: !!showMuted?.value });
      // Set once the first requests are on their way: the panel then renders the query (taking down
      // the rows shown before, which can take longer than those requests) while they are answered.
      query.value = q;
      const head = await asked;
      if (seq !== searchSeq) return;
      // How long the query took to the results shown, without rendering (read by the sidebar benchmark).
      performance.measure?.('newsbar:search', { start: t0 });
      if (head.items.length < rows || rows === SEARCH_LIMIT) {
        results.value = { query: q, ...head, counted: true };
        return;
      }
      results.value = { query: q, items: head.items, complete: false, counted: false };
      await afterPaint();
      if (seq !== searchSeq) return;
      const all = await searchItems(db, q, { filter: filter.value, limit: SEARCH_LIMIT, showMuted: !!showMuted?.value });
      if (seq !== searchSeq) return;
      performance.measure?.('newsbar:search-all', { start: t0 });
      results.value = { query: q, ...all, counted: true };
    },
    patch(ids: Set<string>, p: Partial<Item>) {
      if (results.value) results.value = { ...results.value, items: patchList(results.value.items, ids, p) };
    },
  };
});

export type Search = InstanceType<typeof SearchModel>;
