// The real browser behind the options page.
import { onRuntimeMessage, onStorageKeysChanged } from '@/components/shared/page-listeners';
import { getDb } from '@/utils/db/schema';
import type { OptionsEnv } from '@/components/options/env';

const FETCH_TIMEOUT_MS = 15_000;
const MAX_BYTES = 5 * 1024 * 1024;

export function browserEnv(): OptionsEnv {
  return {
    db: getDb,
    sync: browser.storage.sync,
    local: browser.storage.local,
    send: async (m) => {
      await browser.runtime.sendMessage(m).catch(() => {});
    },
    onMessage: onRuntimeMessage,
    onStorageChanged: onStorageKeysChanged,
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    async fetchText(url) {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
      try {
        const res = await fetch(url, { signal: ctl.signal, credentials: 'omit', redirect: 'follow' });
        const buf = await res.arrayBuffer();
        const text = new TextDecoder().decode(buf.byteLength > MAX_BYTES ? buf.slice(0, MAX_BYTES) : buf);
        return { status: res.status, contentType: res.headers.get('content-type') ?? '', url: res.url || url, text };
      } finally {
        clearTimeout(timer);
      }
    },
    download(filename, text, mime) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: mime }));
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    now: () => Date.now(),
    locale: browser.i18n.getUILanguage?.() || navigator.language || 'en',
  };
}
