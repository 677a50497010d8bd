// A full disk for fake-indexeddb: while `disk.full`, every put and add is refused the way a browser
// refuses them (a DOMException named QuotaExceededError, with an empty message); deletes and reads
// go through. `disk.allow` lets named stores through (a small write that still fits).
import { afterEach } from 'vitest';

export const disk = { full: false, allow: new Set<string>(), refusals: 0 };

type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const proto = globalThis.IDBObjectStore.prototype as unknown as Record<'put' | 'add', Write>;
for (const name of ['put', 'add'] as const) {
  const native = proto[name];
  proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
    if (disk.full && !disk.allow.has(this.name)) {
      disk.refusals++;
      throw new DOMException('', 'QuotaExceededError');
    }
    return native.apply(this, args);
  };
}

afterEach(() => {
  disk.full = false;
  disk.allow.clear();
  disk.refusals = 0;
});
