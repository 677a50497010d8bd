// Launches Debian's Chromium with the built Newsbar extension (playwright-core) for end-to-end tests.
// Fails loudly when Chromium or the build is missing: a browser test must never pass without a browser.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InPage, InWorker } from './scopes';

// The e2e build (`npm run build`, also `npm run build:e2e`): the store build may not read 127.0.0.1.
export const EXT_DIR = path.resolve(process.env.EXT_DIR ?? '.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-results');

export interface Extension {
  context: BrowserContext;
  id: string;
  /** The current service worker (the handle changes after the worker restarts). */
  sw(): Promise<Worker>;
  /** Wakes a stopped worker, as any message from a page of the extension does. */
  wake(): Promise<void>;
  /**
   * Evaluates `fn` in the service worker (its globals typed as InWorker: the `newsbar` handle, chrome.*).
   * `fn` is sent as source text: it may use only its argument and the worker's globals.
   */
  bg<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  page(file: string): Promise<Page>;
  badge(): Promise<{ text: string; color: number[] }>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export function checkPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROME_PATH`);
  }
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built (${EXT_DIR} has no manifest.json): run npm run build`);
  }
}

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of its
 * directory's path, written with the letters a–p.
 */
export function unpackedExtensionId(dir = EXT_DIR): string {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface LaunchOptions {
  headless?: boolean;
  /** The page size; null: the window's own size (a normal window, for the demo). */
  viewport?: { width: number; height: number } | null;
  /** More command-line switches (for the demo: the window size). */
  args?: string[];
  /** Pin Newsbar's toolbar button (written into the new profile's preferences before start). */
  pinAction?: boolean;
  /** Where the profile is made (default: the system's temporary folder); disk-full.test.ts gives a small disk. */
  profileParent?: string;
  /** The caller stops the browser on Ctrl-C itself (the demo): Playwright's own handler would end the process first. */
  ownSignals?: boolean;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Extension> {
  checkPrerequisites();
  const userDataDir = fs.mkdtempSync(path.join(opts.profileParent ?? os.tmpdir(), 'newsbar-e2e-'));
  if (opts.pinAction) {
    fs.mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId()] } }));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? !process.env.HEADED,
    viewport: opts.viewport === null ? null : (opts.viewport ?? { width: 400, height: 800 }),
    ...(opts.ownSignals && { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }),
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.args ?? []),
    ],
  });
  // tsx (which runs the tests) keeps function names with an `__name` helper that pages lack;
  // functions passed to page.evaluate may carry it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  let first = context.serviceWorkers()[0];
  if (!first) first = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const id = new URL(first.url()).host;

  async function sw(): Promise<Worker> {
    for (let i = 0; i < 100; i++) {
      const workers = context.serviceWorkers().filter((x) => x.url().startsWith(`chrome-extension://${id}/`));
      // Newest first: a stopped worker's handle may linger, and evaluating in it never answers.
      for (const w of workers.reverse()) {
        // The worker's top-level script sets globalThis.newsbar; wait until it has run.
        const probe = w.evaluate(() => typeof (globalThis as InWorker).newsbar === 'object').catch(() => false);
        const ready = await Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
        if (ready) return w;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the service worker did not come up');
  }

  // The e2e build opens a tab on install (the Firefox tests' way in); wait until it is open, so it
  // cannot turn up later as the new page a test waits for.
  const install = sw().then((w) => w.evaluate(() => (globalThis as InWorker).newsbar.installed())).catch(() => {});
  await Promise.race([install, new Promise((r) => setTimeout(r, 10_000))]);

  const ext: Extension = {
    context,
    id,
    sw,
    async bg<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
      const w = await sw();
      return w.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
    },
    async wake() {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${id}/sidepanel.html`);
      await p.evaluate(() => (globalThis as InPage).chrome.runtime.sendMessage({ type: 'itemsChanged' })).catch(() => {});
      await p.close();
      await sw();
    },
    async page(file) {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${id}/${file}`);
      return p;
    },
    async badge() {
      const w = await sw();
      return w.evaluate(async () => ({
        text: await (globalThis as InWorker).chrome.action.getBadgeText({}),
        color: await (globalThis as InWorker).chrome.action.getBadgeBackgroundColor({}),
      }));
    },
    async stopWorker() {
      const p = await ext.page('sidepanel.html');
      const cdp = await context.newCDPSession(p);
      let stopped!: () => void;
      const done = new Promise<void>((r) => (stopped = r));
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.runningStatus === 'stopped')) stopped();
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([done, new Promise((_, rej) => setTimeout(() => rej(new Error('the service worker did not stop')), 5000))]);
      await cdp.detach();
      await p.close();
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // First run: wait for the install chores, so a test's own set-up isn't raced by them.
  await ext.bg(() => (globalThis as InWorker).newsbar.installed());
  return ext;
}

/** Removes every source (and so its articles): a test starts from none, so only its own sources poll. */
export async function removeAllSources(ext: Extension): Promise<void> {
  await ext.bg(async () => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
  });
}

/**
 * Makes these the only sources (paths on `origin`), polls them once, and opens the sidebar with its
 * first articles shown: the set-up most sidebar tests share.
 */
export async function sidebarWithSources(ext: Extension, origin: string, sources: Array<{ name: string; path: string }>): Promise<Page> {
  await removeAllSources(ext);
  await ext.bg(async ({ origin, sources }) => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of sources) await nb.addSource({ name: s.name, url: `${origin}${s.path}` });
    await nb.pollNow();
  }, { origin, sources });
  const page = await ext.page('sidepanel.html');
  await page.waitForSelector('.list > li');
  return page;
}

/**
 * From now on, every notification the worker creates is also recorded (chrome.notifications.getAll
 * gives ids only): `notificationsCreated` returns their ids and options, to check the words.
 */
export async function recordNotifications(ext: Extension): Promise<void> {
  await ext.bg(() => {
    const n = (globalThis as InWorker).chrome.notifications as { create: (...args: unknown[]) => unknown };
    const create = n.create;
    const created: unknown[][] = ((globalThis as InWorker).__created = []);
    n.create = (...args: unknown[]) => {
      created.push(args);
      return create.apply(n, args);
    };
  });
}

/** The notifications recorded since recordNotifications: [id, options] each. */
export async function notificationsCreated(ext: Extension): Promise<Array<[string, { title: string; message: string }]>> {
  return (await ext.bg(() => (globalThis as InWorker).__created ?? [])) as Array<[string, { title: string; message: string }]>;
}

/** An outlet's RSS feed on `host`: each item's link (and guid) is `https://host/slug`, published `ago` minutes ago. */
export function outletFeed(name: string, host: string, items: Array<{ slug: string; title: string; ago: number }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name}</title><link>https://${host}/</link>
${items.map((i) => `<item><title>${i.title}</title><link>https://${host}/${i.slug}</link><guid>https://${host}/${i.slug}</guid><pubDate>${new Date(Date.now() - i.ago * 60_000).toUTCString()}</pubDate><description>${i.title}.</description></item>`).join('\n')}
</channel></rss>`;
}

/** Poll `fn` until it returns a truthy value (or throw with the last value after `timeoutMs`). */
export async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<T> {
  const t0 = Date.now();
  let last: T | undefined;
  while (Date.now() - t0 < timeoutMs) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
