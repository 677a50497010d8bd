// The sidebar's browser glue: the real SidebarEnv over webextension APIs.
import { browser } from 'wxt/browser';
import { onRuntimeMessage, onStorageKeysChanged } from '@/components/shared/page-listeners';
import { getDb } from '@/utils/db/open';
import { sidebarTopicItem } from '@/utils/storage/items';
import type { SidebarEnv } from '@/components/sidebar/sidebar-env';

/** A request older than this is stale: the sidebar opened for another reason. */
const REQUEST_FRESH_MS = 60_000;

export function browserEnv(): SidebarEnv {
  return {
    db: getDb,
    sync: browser.storage.sync,
    local: browser.storage.local,
    async send(m) {
      try {
        await browser.runtime.sendMessage(m);
      } catch {
        // "Receiving end does not exist": the background is asleep or starting; it recomputes on wake.
      }
    },
    ask: (m) => browser.runtime.sendMessage(m).catch(() => undefined),
    onMessage: onRuntimeMessage,
    onStorageChanged: onStorageKeysChanged,
    openOptions(section) {
      if (!section) return void browser.runtime.openOptionsPage();
      // openOptionsPage cannot carry a #hash: open the page at that section in a tab of its own.
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    },
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    fetch: (input, init) => fetch(input, init),
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
    async requestedTopic() {
      const fromUrl = new URLSearchParams(location.search).get('topic');
      const got = await sidebarTopicItem.get(browser.storage.local);
      if (got) await sidebarTopicItem.remove(browser.storage.local);
      if (fromUrl) return fromUrl;
      return got && Date.now() - got.at < REQUEST_FRESH_MS ? got.id : undefined;
    },
    afterPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
  };
}
