// The peer bench's probes, the same for every extension: a fresh profile with only that extension,
// its service worker's heap (DevTools, through the browser session), the CPU of every process of the
// browser, and an extension page that renders nothing (its manifest.json) to send messages from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

/** The extension's own `chrome` in the pages and worker these functions are evaluated in (types only). */
declare const chrome: typeof Browser;

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Launched {
  context: BrowserContext;
  sw: Worker;
  id: string;
  close(): Promise<void>;
}

export async function launch(extDir: string): Promise<Launched> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROME_PATH)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-peer-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 400, height: 800 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    sw,
    id: new URL(sw.url()).host,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface WorkerProbe {
  heapMb(gc?: boolean): Promise<number>;
  close(): Promise<void>;
}

/** A DevTools session on the extension's service worker target, for its JS heap. */
export async function workerProbe(b: Launched): Promise<WorkerProbe> {
  const browser = b.context.browser();
  if (!browser) throw new Error('no browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.id}/`));
  if (!target) throw new Error('the service worker target was not found');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const replies = new Map<number, { result?: { usedSize?: number }; error?: unknown }>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number }; error?: unknown };
    if (m.id) replies.set(m.id, m);
  });
  let next = 1;
  const call = async (method: string) => {
    const id = next++;
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    for (let i = 0; i < 800 && !replies.has(id); i++) await sleep(25);
    const m = replies.get(id);
    replies.delete(id);
    if (!m || m.error) throw new Error(`${method}: ${JSON.stringify(m?.error ?? 'timeout')}`);
    return m.result ?? {};
  };
  return {
    async heapMb(gc = false) {
      if (gc) await call('HeapProfiler.collectGarbage');
      return ((await call('Runtime.getHeapUsage')).usedSize ?? NaN) / 2 ** 20;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}

/** Samples the worker's heap every PEER_HEAP_EVERY_MS (250 ms; no GC) until stopped; the peak. */
export function heapPeak(w: WorkerProbe, everyMs = Number(process.env.PEER_HEAP_EVERY_MS ?? 250)): { stop(): Promise<number> } {
  let stop = false;
  let peak = 0;
  const loop = (async () => {
    while (!stop) {
      peak = Math.max(peak, await w.heapMb(false).catch(() => 0));
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      stop = true;
      await loop;
      return peak;
    },
  };
}

export interface Cpu {
  total: number;
  ext: number;
}

/** CPU seconds used so far by every process of this browser, and by the extension's renderer alone. */
export async function cpuSnap(b: Launched): Promise<Cpu> {
  const browser = b.context.browser();
  if (!browser) throw new Error('no browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number; type: string; cpuTime: number }> };
    const out = { total: 0, ext: 0 };
    for (const p of processInfo) {
      out.total += p.cpuTime;
      let cmd = '';
      try {
        cmd = fs.readFileSync(`/proc/${p.id}/cmdline`, 'utf8');
      } catch {
        // the process is gone
      }
      if (p.type === 'renderer' && cmd.includes('--extension-process')) out.ext += p.cpuTime;
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
export const cpuDiff = (a: Cpu, b: Cpu): Cpu => ({ total: b.total - a.total, ext: b.ext - a.ext });

/** A page in the extension's origin that renders nothing of its own, to send messages and watch storage from. */
export async function driverPage(b: Launched): Promise<Page> {
  const p = await b.context.newPage();
  await p.goto(`chrome-extension://${b.id}/manifest.json`);
  // The bench runs under tsx, whose transform names inner functions with a helper the page lacks.
  await p.evaluate('globalThis.__name = (f) => f');
  const ok = await p.evaluate(() => typeof chrome?.runtime?.sendMessage === 'function' && typeof chrome?.storage?.local?.get === 'function');
  if (!ok) throw new Error('the driver page has no extension APIs');
  return p;
}

const probe = (sel: string) => `(() => {
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now(); }, 0));
  const seen = () => document.querySelector(${JSON.stringify(sel)});
  new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); mark(); } }).observe(document, { childList: true, subtree: true });
})()`;

export interface ReadingView {
  ms: number;
  all: number[];
  domNodes: number;
}

/**
 * The reading view's open: navigation start -> first article row in the DOM + a frame; `warm`
 * uncounted opens, then `opens` counted (median), and the DOM's size a second after the last.
 */
export async function readingViewOpens(b: Launched, page: string, row: string, opens = 3, warm = 2): Promise<ReadingView> {
  const all: number[] = [];
  let domNodes = NaN;
  for (let i = 0; i < opens + warm; i++) {
    const p = await b.context.newPage();
    await p.addInitScript(probe(row));
    await p.goto(`chrome-extension://${b.id}/${page}`);
    await p.waitForFunction(() => (window as { __firstRow?: number }).__firstRow !== undefined, null, { timeout: 60_000 });
    const t = await p.evaluate(() => (window as { __firstRow?: number }).__firstRow ?? NaN);
    if (i >= warm) all.push(+t.toFixed(1));
    if (i === opens + warm - 1) {
      await sleep(1000);
      domNodes = await p.evaluate(() => document.getElementsByTagName('*').length);
    }
    await p.close();
    await sleep(300);
  }
  const s = [...all].sort((a, b) => a - b);
  return { ms: s[s.length >> 1] ?? NaN, all, domNodes };
}
