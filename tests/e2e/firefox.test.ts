// The Firefox build of Newsbar in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): the
// add-on installs, its background polls a feed from the local news server into IndexedDB and onto
// the badge, the manifest opens the page as Firefox's sidebar, and that page shows the articles.
//
// BiDi may not navigate to moz-extension:// pages, so this runs against the e2e build
// (`npm run build:firefox:e2e`, .output/firefox-mv3-e2e), whose background opens its sidebar page
// in a tab on install; from that tab (an extension page) the test reaches the background page.
// Fails loudly when Firefox or the build is missing: a browser test must never pass without a browser.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { ARTIFACTS, waitFor } from './harness';
import { defineName, FIREFOX_EXT_DIR as EXT_DIR, launchFirefox, ORIGIN } from './firefox-harness';
import type { FirefoxBackground, InFirefoxPage } from './scopes';

const TITLES = ['Harbour bridge reopens', 'Council votes on night trains', 'Storm season ends early'];
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Firefox feed</title><link>http://127.0.0.1/</link>
${TITLES.map((t, i) => `<item><guid>ff-${i}</guid><title>${t}</title><link>http://127.0.0.1/ff/${i}</link><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>About ${t.toLowerCase()}</description></item>`).join('\n')}
</channel></rss>`;

let srv: NewsServer;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

describe('Firefox', { timeout: 60_000 }, () => {
  before(async () => {
    srv = await startNewsServer({ updateEverySec: 600 });
    srv.route('/firefox.xml', { body: RSS });
    ({ browser, page } = await launchFirefox());
    page.on('pageerror', (e) => pageErrors.push(String((e as Error).message ?? e)));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    // Wait for the install chores, then drop the default sources: there is no internet here.
    await page.evaluate(async () => {
      const bg = (await (globalThis as InFirefoxPage).browser.runtime.getBackgroundPage()) as FirefoxBackground;
      await bg.newsbar.installed();
      for (const s of await bg.newsbar.listSources()) await bg.newsbar.removeSource(s.id);
    });
  });

  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('the background polls a feed from the local server into IndexedDB and counts it on the badge', async (t) => {
    const out = await page.evaluate(async (url: string) => {
      const b = (globalThis as InFirefoxPage).browser;
      const bg = (await b.runtime.getBackgroundPage()) as FirefoxBackground;
      const src = await bg.newsbar.addSource({ name: 'Firefox Feed', url });
      const results = await bg.newsbar.pollNow(src.id);
      const sources = await bg.newsbar.listSources();
      return {
        outcomes: results.map((r) => (r.kind === 'error' ? `error: ${JSON.stringify(r.problem)}` : r.kind)),
        count: await bg.newsbar.countItems(),
        titles: (await (await bg.newsbar.getDb()).getAll('items')).map((r) => bg.newsbar.itemRecord.fromRecord(r).title),
        badge: await b.action.getBadgeText({}),
        health: sources.map((s) => `${s.name}: ${s.health}${s.problem ? ` (${JSON.stringify(s.problem)})` : ''}`),
        hostAllowed: await b.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
        alarm: await b.alarms.get('poll'),
      };
    }, srv.url('/firefox.xml'));
    // 'not-modified' when the install alarm's first poll (6 s after install) got to the feed first.
    t.diagnostic(`poll outcome: ${out.outcomes.join(', ')}`);
    assert.equal(out.outcomes.length, 1);
    assert.match(out.outcomes[0], /^(stored|not-modified)$/, `poll outcome; sources: ${out.health.join('; ')}`);
    assert.ok(srv.hits('/firefox.xml') >= 1, 'the background fetched the feed');
    assert.equal(out.count, 3, 'items counted in IndexedDB');
    assert.deepEqual([...out.titles].sort(), [...TITLES].sort(), 'the feed\'s items stored in IndexedDB');
    assert.equal(out.badge, '3');
    assert.deepEqual(out.health, ['Firefox Feed: ok']);
    assert.equal(out.hostAllowed, true);
    assert.equal(out.alarm?.periodInMinutes, 1);
  });

  it('the manifest opens the same page as Firefox sidebar, with browser.action (MV3)', async () => {
    const m = await page.evaluate(() => {
      const b = (globalThis as InFirefoxPage).browser;
      const man = b.runtime.getManifest();
      return {
        version: man.manifest_version,
        sidebar: man.sidebar_action,
        action: !!man.action,
        background: man.background,
        sidebarApi: typeof b.sidebarAction?.toggle,
      };
    });
    assert.equal(m.version, 3);
    // Firefox hands the manifest's paths back resolved against the add-on's origin.
    assert.equal(m.sidebar?.default_panel, `${ORIGIN}/sidepanel.html`);
    assert.equal(JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')).sidebar_action.default_panel, 'sidepanel.html');
    assert.ok(m.action);
    assert.deepEqual((m.background as { scripts?: string[] } | undefined)?.scripts, [`${ORIGIN}/background.js`], 'an event page, not a service worker');
    assert.equal(m.sidebarApi, 'function');
  });

  it('the sidebar page shows the stored articles', async (t) => {
    // The open page may already have the rows (the poll tells open sidebars); a fresh load must show them too.
    // page.reload() does not return for this tab over BiDi; reloading from the page does.
    await page.evaluate(() => ((globalThis as InFirefoxPage).__beforeReload = true));
    await page.evaluate(() => location.reload()).catch(() => {});
    await waitFor(
      () =>
        page
          .evaluate(() => !(globalThis as InFirefoxPage).__beforeReload && document.readyState === 'complete' && document.querySelectorAll('.list > li').length >= 3)
          .catch(() => false),
      'three article rows after the reload',
    );
    await defineName(page);
    const rows = await page.$$eval('.list > li', (lis) => lis.map((li) => li.textContent ?? ''));
    assert.equal(rows.length, 3);
    for (const title of TITLES) assert.ok(rows.some((r) => r.includes(title)), `a row shows "${title}" (rows: ${JSON.stringify(rows)})`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewport({ width: 400, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'firefox-sidebar.png') });
    // Console errors are reported, not failed on (feed HTML may name images that do not load).
    for (const e of consoleErrors) t.diagnostic(`console error: ${e}`);
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the sidebar page');
  });
});
