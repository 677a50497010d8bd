// Options page: open to source list painted, and a key press to the next frame, at 0 / 200 / 500
// sources. Baselines from the same run: the page opening with no sources (its fixed cost), and
// typing into the add-source field with no sources.
import type { Page } from 'playwright-core';
import type { Extension } from '../../tests/e2e/harness';
import { seedSources } from './seed-sources';
import { fmt, median, ms, verdict, type Row, type Section } from './common';

/** Records when the source table (or the empty list) is in the DOM and painted (after the next frame). */
const LIST_PROBE = `(() => {
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__listPainted = performance.now(); }, 0));
  const seen = () => document.querySelector('.source-table tbody tr') || document.querySelector('#sources .empty');
  new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); mark(); } }).observe(document, { childList: true, subtree: true });
})()`;

/** Times each key press in `selector` from its keydown to the frame after the page reacted. */
const KEY_PROBE = `((selector) => {
  window.__keys = [];
  const el = document.querySelector(selector);
  el.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t0), 0));
  }, { capture: true });
})`;

const WARM_UP = 2;

async function openOnce(ext: Extension): Promise<{ painted: number; elements: number; height: number; page: Page }> {
  const page = await ext.context.newPage();
  await page.addInitScript(LIST_PROBE);
  await page.goto(`chrome-extension://${ext.id}/options.html`);
  await page.waitForFunction(() => (window as any).__listPainted !== undefined, null, { timeout: 30_000 });
  const r = await page.evaluate(() => ({
    painted: (window as any).__listPainted as number,
    elements: document.getElementsByTagName('*').length,
    height: document.documentElement.scrollHeight,
  }));
  return { ...r, page };
}

async function measureOpen(ext: Extension, runs: number) {
  const out: Array<{ painted: number; elements: number; height: number }> = [];
  for (let i = 0; i < runs + WARM_UP; i++) {
    const { page, ...r } = await openOnce(ext);
    if (i >= WARM_UP) out.push(r);
    await page.close();
  }
  return { painted: median(out.map((r) => r.painted)), elements: out[0]!.elements, height: out[0]!.height };
}

/** Median and worst key press to next frame, typing `text` into `selector` (cleared first). */
async function measureTyping(ext: Extension, selector: string, text: string, runs: number): Promise<{ median: number; max: number }> {
  const { page } = await openOnce(ext);
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.fill(selector, '');
    await page.evaluate(`(${KEY_PROBE})(${JSON.stringify(selector)})`);
    await page.focus(selector);
    await page.keyboard.type(text, { delay: 60 });
    await page.waitForTimeout(100);
    all.push(...((await page.evaluate(() => (window as any).__keys)) as number[]));
  }
  await page.close();
  return { median: median(all), max: Math.max(...all) };
}

export async function benchOptions(ext: Extension, runs: number): Promise<Section> {
  const rows: Row[] = [];
  const empty = await measureOpen(ext, runs);
  const typeBase = await measureTyping(ext, '#source-url', 'https://example.org/feed', Math.max(2, runs >> 1));
  rows.push({ metric: 'open, no sources (baseline): list painted', value: `${ms(empty.painted)} (${fmt(empty.elements)} elements)` });
  rows.push({ metric: 'key press -> next frame, add-source field, no sources (baseline)', value: `${ms(typeBase.median)} (worst ${ms(typeBase.max)})` });
  for (const n of [200, 500]) {
    await seedSources(ext, n);
    const open = await measureOpen(ext, runs);
    rows.push({
      metric: `open -> source list painted, ${n} sources`,
      value: `${ms(open.painted)} (${fmt(open.elements)} elements, ${fmt(open.height)} px tall)`,
      baseline: ms(empty.painted), ratio: (open.painted / empty.painted).toFixed(2),
      ...(n === 500 ? { target: '<= 150 ms', verdict: verdict(open.painted <= 150) } : {}),
    });
    for (const [what, sel, text] of [['search box', '.manager input[type=search]', 'many 4 world'], ['add-source field', '#source-url', 'https://example.org/feed']] as const) {
      const typing = await measureTyping(ext, sel, text, Math.max(2, runs >> 1));
      rows.push({
        metric: `key press -> next frame, ${what}, ${n} sources`,
        value: `${ms(typing.median)} (worst ${ms(typing.max)})`,
        baseline: ms(typeBase.median), ratio: (typing.median / typeBase.median).toFixed(2),
        ...(n === 500 ? { target: '<= 8 ms', verdict: verdict(typing.median <= 8) } : {}),
      });
    }
  }
  return {
    title: 'Options page with many sources',
    rows,
    notes: [
      'Sources seeded as an import leaves them (folders, some failing, paused, never fetched) with their kept counters; none is due for a poll.',
      'Open: navigation start of options.html to the first row of the source table in the DOM and a frame later (after two uncounted opens).',
      'Typing: keydown to the frame after the page reacted, each character of a short text typed 60 ms apart.',
    ],
  };
}
