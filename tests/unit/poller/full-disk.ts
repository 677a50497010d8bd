// A full disk for fake-indexeddb: while `disk.full`, every put and add is refused the way a browser
// refuses them (a DOMException named QuotaExceededError, with an empty message); deletes and reads
// go through. `disk.allow` lets named stores through (a small write that still fits).
// `disk.closeAt`: what Chromium does on a disk that filled up for real: at that many-th write of an
// article (counted from 1), it aborts the transaction and closes the connection itself (later
// transactions on it fail with InvalidStateError; its `close` event comes later, or here not at all).
import { afterEach } from 'vitest';

export const disk = { full: false, allow: new Set<string>(), refusals: 0, closeAt: 0, itemWrites: 0, closes: 0 };

interface FakeStore {
  name: string;
  transaction: { abort(): void; db: { close(): void } };
}

type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const proto = globalThis.IDBObjectStore.prototype as unknown as Record<'put' | 'add', Write>;
for (const name of ['put', 'add'] as const) {
  const native = proto[name];
  proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
    if (disk.full && !disk.allow.has(this.name)) {
      disk.refusals++;
      throw new DOMException('', 'QuotaExceededError');
    }
    const req = native.apply(this, args);
    if (disk.closeAt && this.name === 'items' && ++disk.itemWrites === disk.closeAt) {
      const tx = (this as unknown as FakeStore).transaction;
      disk.closes++;
      tx.abort();
      tx.db.close();
    }
    return req;
  };
}

afterEach(() => {
  disk.full = false;
  disk.allow.clear();
  disk.refusals = 0;
  disk.closeAt = 0;
  disk.itemWrites = 0;
  disk.closes = 0;
});
