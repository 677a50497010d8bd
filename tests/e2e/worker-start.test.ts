// What the built worker's top level touches (every wake runs it): it is run in a VM context with a
// browser whose API namespaces record when they are read. Chromium builds a namespace's bindings on
// its first read, so each one read at start costs every wake; a bundler's CommonJS interop that copies
// the API object (webextension-polyfill imported as an ES module did) reads all of them.
// Needs the build: `npm run build` first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import vm from 'node:vm';

const WORKER = process.env.WORKER_JS ?? '.output/chrome-mv3/background.js';

/** Any property, call or `new` answers with another such value; a call's is also a promise that never settles. */
function anything(): unknown {
  return new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : anything()),
    apply: () => pending(),
    construct: () => anything() as object,
  });
}

function pending(): unknown {
  const p = new Promise(() => {});
  return new Proxy(p, {
    get: (t, key) => (key === 'then' || key === 'catch' || key === 'finally' ? t[key].bind(t) : anything()),
  });
}

/**
 * The extension API as the worker finds it (`chrome` and `browser` the same object), recording which
 * namespaces are read. Chromium's namespaces are lazy data properties: reading one's value or its
 * property descriptor builds it, so both count.
 */
function recordingApi(read: Set<string>) {
  const names = ['action', 'alarms', 'i18n', 'notifications', 'permissions', 'runtime', 'sidePanel', 'storage', 'tabs', 'windows', 'contextMenus', 'offscreen'];
  const runtime = new Proxy({ id: 'newsbar-test' }, { get: (t, k) => (k === 'id' ? t.id : (anything() as Record<string | symbol, unknown>)[k]) });
  const target: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, n === 'runtime' ? runtime : anything()]));
  const note = (key: string | symbol) => typeof key === 'string' && key in target && read.add(key);
  return new Proxy(target, {
    get: (t, key) => (note(key), Reflect.get(t, key)),
    getOwnPropertyDescriptor: (t, key) => (note(key), Reflect.getOwnPropertyDescriptor(t, key)),
  });
}

function startWorker(): { read: Set<string>; readLater: Set<string>; listeners: string[] } {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`);
  const read = new Set<string>();
  const listeners: string[] = [];
  const api = recordingApi(read);
  const scope: Record<string, unknown> = {
    chrome: api,
    browser: api,
    console: { ...console, warn: () => {}, error: () => {} },
    indexedDB: anything(),
    IDBKeyRange: anything(),
    ...Object.fromEntries(['IDBRequest', 'IDBTransaction', 'IDBDatabase', 'IDBCursor', 'IDBObjectStore', 'IDBIndex'].map((n) => [n, class {}])),
    setTimeout,
    clearTimeout,
    addEventListener: (type: string) => listeners.push(type),
    importScripts: () => {
      throw new Error('the worker imported a script at start');
    },
  };
  scope.globalThis = scope;
  scope.self = scope;
  vm.runInNewContext(fs.readFileSync(WORKER, 'utf8'), scope, { filename: WORKER });
  // What the top level itself read; `readLater` keeps recording (the start-up chores' task, promise callbacks).
  return { read: new Set(read), readLater: read, listeners };
}

describe("the worker's start", () => {
  it('reads only the API namespaces whose listeners it must register; its chores come after the task that follows', async () => {
    const { read, readLater, listeners } = startWorker();
    // runtime, alarms, storage and notifications: listeners a wake's event may be for. Never action,
    // tabs, windows, permissions, i18n, sidePanel: those are built when something needs them.
    assert.deepEqual([...read].sort(), ['alarms', 'notifications', 'runtime', 'storage']);
    assert.deepEqual(listeners, ['install'], 'the install handler that imports the parsers once');
    // Chrome posts the worker's "started" report in a task after the script, behind timers the script
    // set: a task queued now stands where that report does, and the chores must not run before it.
    await new Promise((r) => setTimeout(r, 0));
    assert.ok(!readLater.has('sidePanel'), 'the start-up chores wait for the task after the top level');
    // The start-up chores (the side panel's toolbar behaviour, the badge, the alarm) still run.
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(readLater.has('sidePanel'), 'the toolbar button set to open the side panel after the top level');
  });
});
