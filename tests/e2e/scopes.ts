// What the functions the e2e tests evaluate inside the extension see, typed: the service worker's globals
// (ext.bg) and an extension page's (page.evaluate). Types only: the functions are sent as source text
// (their types erased), so they name these types in casts and never import a value.
import type { Browser } from 'wxt/browser';
import type axe from 'axe-core';
import type { WorkerHandle } from '../../entrypoints/background/worker-handle';

/** The service worker's globals: Newsbar's handle (entrypoints/background/worker-handle.ts) and chrome.*. */
export type InWorker = typeof globalThis & {
  newsbar: WorkerHandle;
  chrome: typeof Browser;
  /** Notifications a test recorded by wrapping chrome.notifications.create (alerts.test.ts). */
  __created?: unknown[][];
};

/** An extension page's globals: chrome.* and what tests put there. */
export type InPage = Window & typeof globalThis & {
  chrome: typeof Browser;
  /** axe-core, once a test injected it (tests/e2e/axe.ts; check with typeof first). */
  axe: typeof axe;
  /** Live-region announcements a test recorded (keyboard.test.ts). */
  __announced?: Array<{ kind: string; text: string }>;
  /** Set by a hostile feed's script if sanitizing failed (sidebar.test.ts). */
  __pwned?: unknown;
  /** Set before a reload to tell the reloaded page from the old one (firefox.test.ts). */
  __beforeReload?: boolean;
};

/** Firefox's background page (firefox.test.ts reaches the worker's globals through it). */
export type FirefoxBackground = Window & { newsbar: WorkerHandle };

/** A Firefox extension page: `browser` is Firefox's own (promise) API. */
export type InFirefoxPage = InPage & {
  browser: typeof Browser & { sidebarAction?: { toggle?: unknown } };
};
