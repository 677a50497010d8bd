// The worker's answer to a page's 'changeSources' for component tests: the real writer
// (utils/sources/write-sources.ts) against the test's fake-indexeddb and fake storage.local.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NewsDb } from '@/utils/db/schema';
import type { Message } from '@/utils/messages';
import { writeSources } from '@/utils/sources/write-sources';
import { apiKeyItem } from '@/utils/storage/items';
import { loadAccount } from '@/utils/feed-server/account';

/** Answers what the worker answers; any other message gets no answer (undefined), as from a sleeping worker. */
export function fakeWorker(db: () => Promise<NewsDb>, now: () => number) {
  const local = fakeBrowser.storage.local;
  return async (m: Message): Promise<unknown> => {
    if (m.type !== 'changeSources') return undefined;
    return writeSources({ db: await db(), now, keys: apiKeyItem(local), serverConnected: async () => !!(await loadAccount(local)) }, m.change);
  };
}
