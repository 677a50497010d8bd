// Whether the database has room (the worker's state, in storage.local) and the user's actions kept
// while it had none (utils/db/kept-actions.ts): the rows show them, the line says why.
import { computed, createModel, signal } from '@preact/signals';
import type { Item } from '@/utils/model';
import type { SidebarEnv } from '../sidebar-env';
import { keepAction, keptActions, keptOverlay, type KeptAction, type UserAction } from '@/utils/db/kept-actions';
import { ROOMY, storageStateOf, type StorageState } from '@/utils/storage-state';
import { storageStateItem } from '@/utils/storage/items';

export const StorageModel = createModel((env: SidebarEnv) => {
  const state = signal<StorageState>(ROOMY);
  const kept = signal<KeptAction[]>([]);
  const overlay = computed(() => keptOverlay(kept.value));

  /** Reads the state and the kept actions again; returns the actions written since (gone from the list). */
  async function refresh(): Promise<KeptAction[]> {
    let got: StorageState;
    let now: KeptAction[];
    try {
      [got, now] = await Promise.all([storageStateItem.get(env.local), keptActions(env.local)]);
    } catch {
      // A disk with no room at all: Chromium refuses storage.local too. The worker says by message.
      void env.send({ type: 'storageStateWanted' });
      return [];
    }
    const gone = kept.value.filter((a) => !now.some((b) => b.key === a.key));
    state.value = got;
    kept.value = now;
    return gone;
  }

  return {
    state,
    kept,
    /** The line shows: the worker says so, or an action of this page waits for room. */
    full: computed(() => state.value.full || kept.value.length > 0),
    overlay,
    refresh,
    /** The worker's state, by message (storage.local may refuse to be read on a full disk). */
    told(s: StorageState) {
      state.value = storageStateOf(s);
    },
    /** Keeps an action the database refused (throws if even storage.local refuses it). */
    async keep(action: UserAction) {
      await keepAction(env.local, action, env.now());
      await refresh();
    },
    /** Rows as the store will have them once the kept actions are written. */
    apply(items: Item[]): Item[] {
      const o = overlay.value;
      if (o.size === 0) return items;
      return items.map((it) => {
        const p = o.get(it.id);
        return p ? { ...it, ...p } : it;
      });
    },
  };
});

export type Storage = InstanceType<typeof StorageModel>;
