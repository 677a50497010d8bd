// The worker's cold start: what an alarm or a message costs when the service worker was stopped.
// Time from a page's message to the worker's answer with the worker stopped (it starts, parses and
// runs its bundle, opens the store, then answers) against the same message to the running worker;
// plus the size of the JS it must parse on every start.
import type { Extension } from '../../tests/e2e/harness';
import { fmt, median, ms, type Section } from './common';
import { jsSize } from './bundle';
import { seedItems } from './seed';

/** 'itemsChanged' is what a page sends after the user reads something: the worker recounts the badge. */
const ASK = `async () => {
  const t0 = performance.now();
  await chrome.runtime.sendMessage({ type: 'itemsChanged' });
  return performance.now() - t0;
}`;

export async function benchColdStart(ext: Extension, runs: number): Promise<Section> {
  await seedItems(ext, 10_000);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    await ext.stopWorker();
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/manifest.json`);
    const c = (await page.evaluate(`(${ASK})()`)) as number;
    await new Promise((r) => setTimeout(r, 500));
    const w = (await page.evaluate(`(${ASK})()`)) as number;
    await page.close();
    // The first start after launch also pays for the browser's own first worker start: not counted.
    if (run === 0) continue;
    cold.push(c);
    warm.push(w);
  }
  const js = jsSize(['background.js']);
  return {
    title: 'Worker cold start: a message to a stopped worker (10,000 items stored)',
    rows: [
      { metric: 'message -> answer, worker stopped (start + parse + store open + badge)', value: ms(median(cold)), baseline: `${ms(median(warm))} (the same message, worker running)`, ratio: (median(cold) / median(warm)).toFixed(1) },
      { metric: 'JS parsed on every start (background.js)', value: `${fmt(js.raw / 1024, 1)} KB raw, ${fmt(js.gz / 1024, 1)} KB gzip` },
    ],
    notes: ['The worker is stopped through the DevTools protocol (ServiceWorker.stopAllWorkers); the message is sent from an extension page.'],
  };
}
