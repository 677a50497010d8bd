import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
// t() falls back to English here, where the fake browser has no i18n.
import '@/utils/i18n-english';

// Each test starts with empty browser storage and a fresh IndexedDB.
beforeEach(async () => {
  fakeBrowser.reset();
  const { IDBFactory } = await import('fake-indexeddb');
  globalThis.indexedDB = new IDBFactory();
});
