// Whether the database has room (the worker's state, or actions kept for later), and "Keep fewer
// articles", which makes room.
import { signal } from '@preact/signals';
import { storageStateOf } from '@/utils/storage-state';
import { storageStateItem } from '@/utils/storage/items';
import { keptActions } from '@/utils/db/kept-actions';
import { removeOlderThan } from '@/utils/db/cleanup';
import type { OptionsEnv } from '../options-env';

export function createStorageModel(env: OptionsEnv, reloadSources: () => Promise<void>) {
  /** The database has no room (the worker's state, or actions kept for later): the page says so. */
  const storageFull = signal(false);

  async function reload(): Promise<void> {
    try {
      const [state, kept] = await Promise.all([storageStateItem.get(env.local), keptActions(env.local)]);
      storageFull.value = state.full || kept.length > 0;
    } catch {
      // A disk with no room at all: Chromium refuses storage.local too.
    }
    // The worker's own state (storage.local may hold an old one when it refused the new): by message.
    void env.send({ type: 'storageStateWanted' });
  }

  /**
   * "Keep fewer articles": removes the unstarred articles older than `days` now, and says how much
   * room the browser reports freed (undefined when it does not say, or has not given it back yet).
   */
  async function removeOlder(days: number): Promise<{ removed: number; freed?: number }> {
    const before = await env.estimate?.().catch(() => undefined);
    const removed = await removeOlderThan(await env.db(), env.now() - days * 86_400_000);
    const after = removed ? await env.estimate?.().catch(() => undefined) : undefined;
    const freed = before?.usage !== undefined && after?.usage !== undefined && after.usage < before.usage ? before.usage - after.usage : undefined;
    if (removed) {
      await reloadSources();
      // Write, then message: the badge and open sidebars follow; with room again, the worker retries at once.
      await env.send({ type: 'itemsChanged' });
    }
    return { removed, freed };
  }

  return { storageFull, reload, removeOlder, told: (state: unknown) => void (storageFull.value = storageStateOf(state).full) };
}
