// The reader's browser glue: host permissions asked per site (or for all sites), the page fetched
// from the sidebar page, and the reading preferences in local storage.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { fetchPage } from '@/utils/reader/fetch-page';
import { hostPattern } from '@/utils/net/host-pattern';
import { readerPrefsItem } from '@/utils/storage/items';
import type { ReaderEnv } from '@/components/reader/reader-env';

const ALL = ['https://*/*', 'http://*/*'];

export function browserReaderEnv(): ReaderEnv {
  return {
    db: getDb,
    fetchPage: (url) => fetchPage(url),
    canRead: (origin) => browser.permissions.contains({ origins: [hostPattern(origin)] }),
    askToRead: (origin, all) => browser.permissions.request({ origins: all ? ALL : [hostPattern(origin)] }),
    async loadPrefs() {
      return readerPrefsItem.get(browser.storage.local);
    },
    savePrefs: (p) => readerPrefsItem.set(browser.storage.local, p),
    online: () => navigator.onLine,
    now: () => Date.now(),
  };
}
