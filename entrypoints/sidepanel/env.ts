// The sidebar's browser glue: the real SidebarEnv over webextension APIs.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/schema';
import type { SidebarEnv } from '@/components/sidebar/env';

export function browserEnv(): SidebarEnv {
  return {
    db: getDb,
    sync: browser.storage.sync,
    async send(m) {
      try {
        await browser.runtime.sendMessage(m);
      } catch {
        // "Receiving end does not exist": the background is asleep or starting; it recomputes on wake.
      }
    },
    onMessage(cb) {
      const l = (m: unknown) => {
        cb(m);
        return undefined; // no reply: keep the channel free for the background's own listeners
      };
      browser.runtime.onMessage.addListener(l);
      return () => browser.runtime.onMessage.removeListener(l);
    },
    onStorageChanged(cb) {
      const l = (changes: Record<string, unknown>, area: string) => cb(Object.keys(changes), area);
      browser.storage.onChanged.addListener(l);
      return () => browser.storage.onChanged.removeListener(l);
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    now: () => Date.now(),
    online: () => navigator.onLine,
    onOnlineChanged(cb) {
      const on = () => cb(true);
      const off = () => cb(false);
      addEventListener('online', on);
      addEventListener('offline', off);
      return () => {
        removeEventListener('online', on);
        removeEventListener('offline', off);
      };
    },
    locale: browser.i18n.getUILanguage(),
    afterPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
  };
}
