// What a wake costs (an alarm, a message to a stopped worker): the service worker started with
// DevTools' ServiceWorker.startWorker until it reports running, i.e. its script fetched, compiled and
// run to the end of its top level. The same for any extension, so Newsbar and a peer compare like
// for like; each in its own fresh profile with only that extension loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/harness';
import { median } from './common';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds from start to running, `runs` times (after one uncounted start), for the extension in `dir`. */
export async function measureWake(dir: string, runs: number): Promise<number[]> {
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
    const out: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until('stopped');
      await sleep(300);
      const t0 = performance.now();
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${id}/` });
      await until('running');
      if (i > 0) out.push(performance.now() - t0);
      await sleep(300);
    }
    return out;
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Newsbar's and a peer's wakes, interleaved (Newsbar, peer, Newsbar, ...) so a noisy spell hits both. */
export async function compareWake(newsbarDir: string, peerDir: string, rounds: number, perRound = 5): Promise<{ newsbar: number; peer: number }> {
  const nb: number[] = [];
  const peer: number[] = [];
  for (let r = 0; r < rounds; r++) {
    nb.push(...(await measureWake(newsbarDir, perRound)));
    peer.push(...(await measureWake(peerDir, perRound)));
  }
  return { newsbar: median(nb), peer: median(peer) };
}
