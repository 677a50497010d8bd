import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// Each test starts with empty browser storage and a fresh IndexedDB.
beforeEach(async () => {
  fakeBrowser.reset();
  const { IDBFactory } = await import('fake-indexeddb');
  globalThis.indexedDB = new IDBFactory();
});
