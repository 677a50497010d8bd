// The breaking ticker's items (those of the configured window) and the clock relative times follow.
import { createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item, Settings } from '@/utils/model';
import { loadBreaking } from '@/utils/db/queries';
import type { SidebarEnv } from '../sidebar-env';
import { patchList } from './patch';

export const TickerModel = createModel((env: SidebarEnv, settings: ReadonlySignal<Settings>) => {
  const breaking = signal<Item[]>([]);
  const now = signal(env.now());
  /** Breaking updates already counted by countNew: a pill left waiting does not count them twice. */
  const counted = new Set<string>();

  return {
    breaking,
    now,
    async refreshTicker() {
      const db = await env.db();
      now.value = env.now();
      breaking.value = await loadBreaking(db, now.value, settings.value.breakingWindowMin);
    },
    /** How many breaking updates in the window are new since the ticker was shown or last counted (without showing them). */
    async countNew(): Promise<number> {
      const shown = new Set(breaking.value.map((i) => i.id));
      const fresh = await loadBreaking(await env.db(), env.now(), settings.value.breakingWindowMin);
      const unseen = fresh.filter((i) => !shown.has(i.id) && !counted.has(i.id));
      for (const i of unseen) counted.add(i.id);
      return unseen.length;
    },
    tick() {
      now.value = env.now();
    },
    patch(ids: Set<string>, p: Partial<Item>) {
      breaking.value = patchList(breaking.value, ids, p);
    },
  };
});

export type Ticker = InstanceType<typeof TickerModel>;
