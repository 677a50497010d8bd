// The first screen as a person sees it, with the demo's sources (three feeds and two followed live
// pages, whose updates fill the ticker): the ticker keeps to a third of the panel at most and at least
// three article titles are readable on the first screen without scrolling — in Chromium at 400x800
// and in Firefox's 240 px sidebar width. Collapsing the ticker leaves one line, and it stays collapsed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import type { Page } from 'playwright-core';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { launchExtension, screenshot, waitFor, type Extension } from './harness';
import { defineName, launchFirefox } from './firefox-harness';
import type { FirefoxBackground, InFirefoxPage, InWorker } from './scopes';

const KEY = 'demo-key-0123456789';

interface FirstScreen {
  /** Article titles wholly on the first screen, readable (12 px or more) and not covered. */
  titles: string[];
  /** For each of the first three rows: its source-and-time line in lines, and the source name's and the time's visible widths. */
  metas: Array<{ lines: number; source: number; time: number }>;
  tickerHeight: number;
  viewHeight: number;
  tickerLines: number;
}

/** Measured in the page (the same source text runs in Chromium and Firefox). */
function measure(): FirstScreen {
  const seen = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.bottom > innerHeight) return false;
    if (parseFloat(getComputedStyle(el).fontSize) < 12) return false;
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + Math.min(r.height / 2, 8));
    return !!hit && (hit === el || el.contains(hit));
  };
  const ticker = document.querySelector<HTMLElement>('.ticker');
  const lineHeight = ticker ? parseFloat(getComputedStyle(ticker).fontSize) * 1.6 : 1;
  const metas = [...document.querySelectorAll<HTMLElement>('.list > li .meta')].slice(0, 3).map((m) => {
    const src = m.querySelector<HTMLElement>('.source');
    const time = m.querySelector<HTMLElement>('time');
    return {
      lines: Math.round(m.getBoundingClientRect().height / (parseFloat(getComputedStyle(m).fontSize) * 1.5)),
      source: src ? Math.min(src.getBoundingClientRect().width, src.scrollWidth) : 0,
      // Whole on screen and not covered (the row's buttons may float over the line's end with a pointer).
      time: time && time.getBoundingClientRect().right <= innerWidth && time.contains(document.elementFromPoint(time.getBoundingClientRect().right - 2, time.getBoundingClientRect().top + time.getBoundingClientRect().height / 2)) ? time.getBoundingClientRect().width : 0,
    };
  });
  return {
    metas,
    titles: [...document.querySelectorAll<HTMLElement>('.list > li .title-btn')].filter(seen).map((b) => b.textContent ?? ''),
    tickerHeight: ticker?.getBoundingClientRect().height ?? 0,
    viewHeight: innerHeight,
    tickerLines: ticker ? Math.round((ticker.getBoundingClientRect().height - 16) / lineHeight) : 0,
  };
}

describe('the first screen in Chromium at 400x800', { timeout: 90_000 }, () => {
  let srv: NewsServer;
  let ext: Extension;
  let page: Page;

  before(async () => {
    srv = await startNewsServer({ updateEverySec: 20, demoApiKey: KEY });
    ext = await launchExtension({ viewport: { width: 400, height: 800 } });
    // The demo's sources (scripts/demo.ts), polled once.
    await ext.bg(async (a) => {
      const nb = (globalThis as InWorker).newsbar;
      for (const s of await nb.listSources()) await nb.removeSource(s.id);
      await nb.followLive(`${a.origin}/demo/live/storm`, 'Live: storm on the coast');
      await nb.followLive(`${a.origin}/demo/latest`, 'Election day: the latest');
      await nb.addSource({ name: 'Demo World', url: `${a.origin}/demo/world.rss`, kind: 'feed' });
      await nb.addSource({ name: 'Demo Analysis', url: `${a.origin}/demo/analysis.json`, kind: 'feed' });
      await nb.addSource({ name: 'Demo Wire (NewsAPI-style)', url: `${a.origin}/demo/v2/top-headlines?country=us`, kind: 'newsapi', apiKey: a.key });
      await nb.pollNow();
    }, { origin: srv.origin, key: KEY });
    page = await ext.page('sidepanel.html');
    await page.waitForSelector('.list > li .title-btn');
    await page.waitForSelector('.ticker .tick');
  });

  after(async () => {
    await ext?.close();
    await srv?.close();
  });

  it('shows at least three article titles, with the ticker in a third of the panel at most', async () => {
    const m = await page.evaluate(measure);
    await screenshot(page, 'first-screen-chromium-400');
    assert.ok(m.tickerHeight > 0, 'the ticker shows');
    assert.ok(m.tickerHeight <= m.viewHeight / 3 + 1, `the ticker is ${m.tickerHeight} px of ${m.viewHeight}`);
    assert.ok(m.titles.length >= 3, `article titles on the first screen: ${JSON.stringify(m.titles)}`);
    // The toolbar button's tooltip says how many are new and breaking.
    assert.match(await ext.bg(() => (globalThis as InWorker).chrome.action.getTitle({})), /^Newsbar – \d+ new, \d+ breaking$/);
  });

  it('collapses the ticker to one line on demand, and it stays collapsed in a new sidebar', async () => {
    await page.getByRole('button', { name: 'Collapse the ticker' }).click();
    const m = await page.evaluate(measure);
    assert.ok(m.tickerHeight < 48, `a collapsed ticker is one line (${m.tickerHeight} px)`);
    assert.equal(await page.locator('.ticker .tick').count(), 0);
    const again = await ext.page('sidepanel.html');
    await again.waitForSelector('.list > li .title-btn');
    await again.waitForSelector('.ticker');
    assert.ok(await again.getByRole('button', { name: 'Expand the ticker' }).isVisible(), 'still collapsed');
    await again.getByRole('button', { name: 'Expand the ticker' }).click();
    await again.waitForSelector('.ticker .tick');
    await again.close();
  });

  it('compact mode makes the ticker compact too: one line per update', async () => {
    await page.reload();
    await page.waitForSelector('.ticker .tick');
    const before = await page.evaluate(measure);
    await page.getByRole('button', { name: 'Compact list' }).click();
    const lines = await page.locator('.ticker .tick-btn').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))));
    const after = await page.evaluate(measure);
    await screenshot(page, 'first-screen-chromium-400-compact');
    assert.ok(lines.every((n) => n === 1), `each update one line in compact mode (${lines})`);
    assert.ok(after.tickerHeight < before.tickerHeight, `compact ticker ${after.tickerHeight} px < ${before.tickerHeight} px`);
    await page.getByRole('button', { name: 'Compact list' }).click();
  });
});

describe('the first screen in Firefox at 240 px', { timeout: 90_000 }, () => {
  let srv: NewsServer;
  let browser: Browser | undefined;
  let page: FirefoxPage;

  before(async () => {
    srv = await startNewsServer({ updateEverySec: 20, demoApiKey: KEY });
    ({ browser, page } = await launchFirefox({ viewport: { width: 240, height: 800 } }));
    await page.evaluate(async (a: { origin: string; key: string }) => {
      const bg = (await (globalThis as InFirefoxPage).browser.runtime.getBackgroundPage()) as FirefoxBackground;
      await bg.newsbar.installed();
      const nb = bg.newsbar;
      for (const s of await nb.listSources()) await nb.removeSource(s.id);
      await nb.followLive(`${a.origin}/demo/live/storm`, 'Live: storm on the coast');
      await nb.followLive(`${a.origin}/demo/latest`, 'Election day: the latest');
      await nb.addSource({ name: 'Demo World', url: `${a.origin}/demo/world.rss`, kind: 'feed' });
      await nb.addSource({ name: 'Demo Analysis', url: `${a.origin}/demo/analysis.json`, kind: 'feed' });
      await nb.addSource({ name: 'Demo Wire (NewsAPI-style)', url: `${a.origin}/demo/v2/top-headlines?country=us`, kind: 'newsapi', apiKey: a.key });
      await nb.pollNow();
    }, { origin: srv.origin, key: KEY });
    // page.reload() does not return for this tab over BiDi; reloading from the page does.
    await page.evaluate(() => ((globalThis as InFirefoxPage).__beforeReload = true));
    await page.evaluate(() => location.reload()).catch(() => {});
    await waitFor(
      () =>
        page
          .evaluate(() => !(globalThis as InFirefoxPage).__beforeReload && document.readyState === 'complete' && !!document.querySelector('.list > li .title-btn') && !!document.querySelector('.ticker .tick'))
          .catch(() => false),
      'articles and the ticker after the reload',
    );
    await defineName(page);
  });

  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('shows at least three article titles, with the ticker in a third of the panel at most', async () => {
    const m = await page.evaluate(measure);
    await page.screenshot({ path: 'test-results/first-screen-firefox-240.png' });
    assert.ok(m.tickerHeight > 0, 'the ticker shows');
    assert.ok(m.tickerHeight <= m.viewHeight / 3 + 1, `the ticker is ${m.tickerHeight} px of ${m.viewHeight}`);
    assert.ok(m.titles.length >= 3, `article titles on the first screen: ${JSON.stringify(m.titles)}`);
    // At 240 px each row's source and time stay one line, with some of the name and all of the time shown.
    assert.ok(m.metas.length === 3 && m.metas.every((x) => x.lines === 1 && x.source >= 20 && x.time > 0), `the rows' source and time lines: ${JSON.stringify(m.metas)}`);
  });
});
