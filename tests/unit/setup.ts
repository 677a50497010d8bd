import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
// t() falls back to English here, where the fake browser has no i18n.
import '@/utils/i18n-english';

// Under jsdom the tests' ArrayBuffer is not Node's, but structuredClone (which fake-indexeddb uses to
// store a value) makes Node's: a binary key inside a stored value (an item's id, utils/db/items/item-record.ts)
// would then not be a key to fake-indexeddb. A browser has one realm; here the clone's buffers are
// copied back into the tests' own.
const nativeClone = globalThis.structuredClone;
const Local = { ArrayBuffer, Uint8Array } as const;
function intoRealm(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) {
    const view: ArrayBufferView = v;
    const Ctor = (globalThis as Record<string, unknown>)[v.constructor.name] as new (b: ArrayBuffer, o: number, n: number) => ArrayBufferView;
    if (Object.getPrototypeOf(view) === Ctor.prototype) return view;
    const bytes = new Local.Uint8Array(view.byteLength);
    bytes.set(new Local.Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    return new Ctor(bytes.buffer, 0, view.byteLength / ((view as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1));
  }
  if (Object.prototype.toString.call(v) === '[object ArrayBuffer]') {
    if (v instanceof Local.ArrayBuffer) return v;
    const bytes = new Local.Uint8Array((v as ArrayBuffer).byteLength);
    bytes.set(new Local.Uint8Array(v as ArrayBuffer));
    return bytes.buffer;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = intoRealm(v[i]);
    return v;
  }
  if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null || Object.prototype.toString.call(v) === '[object Object]') {
    for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = intoRealm((v as Record<string, unknown>)[k]);
  }
  return v;
}
globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => intoRealm(nativeClone(value, options))) as typeof structuredClone;

// Each test starts with empty browser storage and a fresh IndexedDB.
// Each test starts clean: empty browser storage, a fresh IndexedDB and (under jsdom) an empty page
// localStorage, where the sidebar keeps how it looks on this device.
beforeEach(async () => {
  fakeBrowser.reset();
  const { IDBFactory } = await import('fake-indexeddb');
  globalThis.indexedDB = new IDBFactory();
  globalThis.localStorage?.clear();
});

// jsdom lays nothing out, so scrolling moves nothing: a no-op instead of its "Not implemented:
// Window's scrollTo()" line in the test output (the sidebar scrolls back to the top after "N new").
if (typeof window !== 'undefined') window.scrollTo = () => {};
