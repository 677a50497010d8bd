// The sidebar's browser glue: the real SidebarEnv over webextension APIs.
import { browser } from 'wxt/browser';
import { onRuntimeMessage, onStorageKeysChanged } from '@/components/shared/page-listeners';
import { getDb } from '@/utils/db/schema';
import type { SidebarEnv } from '@/components/sidebar/sidebar-env';

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
    onMessage: onRuntimeMessage,
    onStorageChanged: onStorageKeysChanged,
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
