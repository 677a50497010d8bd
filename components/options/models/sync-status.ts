// How the source list syncs (written by the worker: entrypoints/background/source-sync.ts).
import { signal } from '@preact/signals';
import { sourceListStatusItem, type SourceListStatus } from '@/utils/storage/items';
import type { OptionsEnv } from '../options-env';

export function createSyncStatusModel(env: OptionsEnv) {
  const syncStatus = signal<SourceListStatus | null>(null);
  async function reload(): Promise<void> {
    syncStatus.value = await sourceListStatusItem.get(env.local);
  }
  return { syncStatus, reload };
}
