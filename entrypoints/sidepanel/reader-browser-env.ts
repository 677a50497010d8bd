// The reader's browser glue: host permissions asked per site (or for all sites), the page fetched
// from the sidebar page, and the reading preferences in local storage.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/open';
import { fetchPage } from '@/utils/reader/fetch-page';
import { hostPattern } from '@/utils/net/host-pattern';
import { READER_PREFS_KEY as PREFS_KEY } from '@/utils/storage-keys';
import type { ReaderEnv, ReaderPrefs } from '@/components/reader/reader-env';

const ALL = ['https://*/*', 'http://*/*'];

export function browserReaderEnv(): ReaderEnv {
  return {
    db: getDb,
    fetchPage: (url) => fetchPage(url),
    canRead: (origin) => browser.permissions.contains({ origins: [hostPattern(origin)] }),
    askToRead: (origin, all) => browser.permissions.request({ origins: all ? ALL : [hostPattern(origin)] }),
    async loadPrefs() {
      const got = (await browser.storage.local.get(PREFS_KEY))[PREFS_KEY] as Partial<ReaderPrefs> | undefined;
      const step = got?.fontStep;
      return { fontStep: step === 0 || step === 1 || step === 2 ? step : 1 };
    },
    savePrefs: (p) => browser.storage.local.set({ [PREFS_KEY]: p }),
    online: () => navigator.onLine,
    now: () => Date.now(),
  };
}
