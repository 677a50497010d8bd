// The real browser behind the options page.
import { onRuntimeMessage, onStorageKeysChanged } from '@/components/shared/page-listeners';
import { getDb } from '@/utils/db/open';
import { searchBaseItem } from '@/utils/storage/items';
import type { OptionsEnv } from '@/components/options/options-env';

export function browserEnv(): OptionsEnv {
  return {
    db: getDb,
    sync: browser.storage.sync,
    local: browser.storage.local,
    send: async (m) => {
      await browser.runtime.sendMessage(m).catch(() => {});
    },
    ask: (m) => browser.runtime.sendMessage(m).catch(() => undefined),
    onMessage: onRuntimeMessage,
    onStorageChanged: onStorageKeysChanged,
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    fetch: (input, init) => fetch(input, init),
    download(filename, text, mime) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: mime }));
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    now: () => Date.now(),
    locale: browser.i18n.getUILanguage?.() || navigator.language || 'en',
    estimate: () => navigator.storage.estimate(),
    // Only the end-to-end and demo build has no internet to search: the store's build never reads this.
    ...(import.meta.env.MODE === 'e2e' && { searchBase: async () => (await searchBaseItem.get(browser.storage.local)) || undefined }),
  };
}
