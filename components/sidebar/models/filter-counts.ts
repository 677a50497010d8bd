// The counts shown on the filters (all, unread, starred, each topic and source), read from the counters.
import { createModel, signal } from '@preact/signals';
import { loadCounts, type Counts } from '@/utils/db/queries';
import type { SidebarEnv } from '../sidebar-env';
import type { Preferences } from './preferences';

export const FilterCountsModel = createModel((env: SidebarEnv, prefs: Pick<Preferences, 'sources' | 'topics'>) => {
  const counts = signal<Counts | null>(null);
  // One count at a time: requests that arrive meanwhile are folded into one more run.
  let counting: Promise<void> | null = null;
  let countAgain = false;

  return {
    counts,
    refreshCounts(): Promise<void> {
      if (counting) {
        countAgain = true;
        return counting;
      }
      counting = (async () => {
        do {
          countAgain = false;
          const c = await loadCounts(await env.db(), prefs.sources.value.map((s) => s.id), prefs.topics.value.map((t) => t.id));
          if (!countAgain) counts.value = c;
        } while (countAgain);
      })().finally(() => (counting = null));
      return counting;
    },
  };
});

export type FilterCounts = InstanceType<typeof FilterCountsModel>;
