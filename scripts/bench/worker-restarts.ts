// An extension's service worker, stopped and started again on demand through DevTools: the wake and
// wake-trace pieces start it this way, in a fresh profile holding only that extension (Newsbar or a peer).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/harness';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WorkerRestarts {
  context: BrowserContext;
  /** Stops the worker, then starts it: the milliseconds from the start until it reports running. */
  restart(): Promise<number>;
}

/** Runs `use` with the worker of the extension in `dir` (its first start settled), then closes the browser. */
export async function withWorkerRestarts<T>(dir: string, use: (w: WorkerRestarts) => Promise<T>): Promise<T> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-wake-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const id = new URL(sw.url()).host;
    await sleep(2000); // the first start's own work (install, opening stores) settles
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    const cdp = await context.newCDPSession(page);
    let status = '';
    const waiting: Array<[string, () => void]> = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${id}/`)) continue;
        status = v.runningStatus;
        for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]![0] === status) waiting.splice(i, 1)[0]![1]();
      }
    });
    await cdp.send('ServiceWorker.enable');
    const until = (s: string) => new Promise<void>((r) => (status === s ? r() : waiting.push([s, r])));
    const restart = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until('stopped');
      await sleep(300);
      const t0 = performance.now();
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${id}/` });
      await until('running');
      return performance.now() - t0;
    };
    return await use({ context, restart });
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
