// What `browser` is in every Newsbar bundle: wxt.config.ts points `wxt/browser` here. It is
// webextension-polyfill's object (the browser's own `browser` where it has one, else Chrome's `chrome`
// wrapped with promises), taken with require(). An ES import of that CommonJS module makes the bundler
// copy every property of the object it exports onto a new one: with a native `browser` (Chromium,
// Firefox) that reads each API namespace once, and Chromium builds a namespace's bindings on its first
// read: the worker built all of them (action, notifications, permissions, ...) on every start, more
// than half of its top level (docs/PERFORMANCE.md, "Worker cold start").
// (In utils/browser/, not utils/: files directly in utils/ are auto-imported, and this `browser` must
// stay the one of `wxt/browser`.) Typed as WXT's `browser`, which the rest of the code is written against.
import type { browser as WxtBrowser } from 'wxt/browser';

export const browser = /* @__PURE__ */ require('webextension-polyfill') as typeof WxtBrowser;
