// The breaking ticker's items (those of the configured window) and the clock relative times follow.
import { createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Item, Settings } from '@/utils/model';
import { loadBreaking } from '@/utils/db/queries';
import type { SidebarEnv } from '../sidebar-env';
import { patchList } from './patch';

export const TickerModel = createModel((env: SidebarEnv, settings: ReadonlySignal<Settings>) => {
  const breaking = signal<Item[]>([]);
  const now = signal(env.now());

  return {
    breaking,
    now,
    async refreshTicker() {
      const db = await env.db();
      now.value = env.now();
      breaking.value = await loadBreaking(db, now.value, settings.value.breakingWindowMin);
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
