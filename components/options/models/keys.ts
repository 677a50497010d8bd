// API keys of this browser's news API sources (storage.local only; shown back masked by the form).
import { apiKeyItem } from '@/utils/storage/items';
import type { OptionsEnv } from '../options-env';

export function createKeysModel(env: OptionsEnv) {
  const keys = apiKeyItem(env.local);
  return {
    getApiKey: (id: string): Promise<string> => keys.get(id),
    /** A new key: stored, then the source is polled with it at once. */
    async setApiKey(id: string, key: string): Promise<void> {
      await keys.set(id, key);
      await env.send({ type: 'refresh', sourceId: id });
    },
  };
}
