// Search over titles and summaries within the current filter, answering as the user types.
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item } from '@/utils/model';
import type { Filter } from '@/utils/db/queries';
import { searchItems } from '@/utils/db/search';
import type { SidebarEnv } from '../sidebar-env';
import { patchList } from './patch';

/** Search shows the newest matches; more words narrow it down. */
const SEARCH_LIMIT = 50;

export const SearchModel = createModel((env: SidebarEnv, filter: ReadonlySignal<Filter>) => {
  const query = signal('');
  const results = signal<{ items: Item[]; complete: boolean } | null>(null);
  const searching = computed(() => query.value.trim() !== '');
  let searchSeq = 0;

  return {
    query,
    results,
    searching,
    async search(q: string) {
      query.value = q;
      const seq = ++searchSeq;
      if (!q.trim()) {
        results.value = null;
        return;
      }
      const t0 = performance.now();
      const r = await searchItems(await env.db(), q, { filter: filter.value, limit: SEARCH_LIMIT });
      if (seq !== searchSeq) return;
      // How long the query took, without rendering (read by the end-to-end speed check).
      performance.measure?.('newsbar:search', { start: t0 });
      results.value = r;
    },
    patch(ids: Set<string>, p: Partial<Item>) {
      if (results.value) results.value = { ...results.value, items: patchList(results.value.items, ids, p) };
    },
  };
});

export type Search = InstanceType<typeof SearchModel>;
