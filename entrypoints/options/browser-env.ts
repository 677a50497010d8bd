// The real browser behind the options page.
import { onRuntimeMessage, onStorageKeysChanged } from '@/components/shared/page-listeners';
import { getDb } from '@/utils/db/schema';
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
  };
}
