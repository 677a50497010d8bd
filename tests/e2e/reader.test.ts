// The reader in the real built extension in Debian's Chromium: "Read here" on an article from the
// local news server shows its text without the page's boilerplate; a site without host permission
// asks first and shows the feed's content meanwhile; keyboard; offline reopening; axe; screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension, sidebarWithSources } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { DEMO_ARTICLES } from '../../scripts/news-server/demo-content';
import type { InPage, InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
/** Another loopback address: a site Newsbar has no host permission for. */
let other: NewsServer;
let page: Page;
const AXE = path.resolve('node_modules/axe-core/axe.min.js');

const otherFeed = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Elsewhere</title><link>${origin}/</link>
<item><guid>elsewhere-1</guid><title>Ferry timetable changes for the winter</title><link>${origin}/demo/articles/rail-strike</link>
<description>&lt;p&gt;The feed's own words: ferries run hourly from December.&lt;/p&gt;</description><pubDate>${new Date(Date.now() - 5 * 60_000).toUTCString()}</pubDate></item>
</channel></rss>`;

before(async () => {
  srv = await startNewsServer({ updateEverySec: 600 });
  other = await startNewsServer({ host: '127.0.0.2', updateEverySec: 600 });
  srv.route('/elsewhere.xml', { body: otherFeed(other.origin) });
  ext = await launchExtension({ viewport: { width: 420, height: 640 } });
  page = await sidebarWithSources(ext, srv.origin, [
    { name: 'Demo World', path: '/demo/world.rss' },
    { name: 'Elsewhere', path: '/elsewhere.xml' },
  ]);
});

after(async () => {
  await ext?.close();
  await srv?.close();
  await other?.close();
});

async function openInReader(title: string) {
  const row = page.locator('.list > li', { hasText: title });
  if (!(await row.locator('.read-here').count())) await row.locator('.title-btn').click();
  await row.locator('.read-here').click();
  await page.waitForSelector('[data-testid=reader]');
}

const readerText = () => page.locator('.reader-article').innerText();

async function axeViolations(p: Page) {
  if (!(await p.evaluate(() => typeof (window as InPage).axe === 'object'))) await p.evaluate(fs.readFileSync(AXE, 'utf8'));
  const res = await p.evaluate(async () => (window as InPage).axe.run(document, { resultTypes: ['violations'] }));
  return (res.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>).map((v) => `${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the reader', () => {
  const bridge = DEMO_ARTICLES.find((a) => a.id === 'harbour-bridge')!;

  it('"Read here" shows the article\'s text, figure and byline, and none of the page\'s boilerplate', async () => {
    await openInReader(bridge.title);
    await page.waitForSelector('.reader-content');
    const text = await readerText();
    assert.match(text, /The bridge opened at dawn/);
    assert.match(text, /What happens next/);
    assert.match(text, new RegExp(bridge.author));
    assert.match(text, /min read/);
    for (const gone of ['We use cookies', 'Accept all', 'Stay Updated', 'Subscribe to our newsletter', 'Related', 'Latest news', 'Comments (48)', 'Facebook', 'Business', '© Newsbar']) {
      assert.ok(!text.includes(gone), `"${gone}" should not be in the reader`);
    }
    const html = await page.locator('.reader-content').innerHTML();
    assert.match(html, new RegExp(`src="${srv.origin}/demo/img/harbour-bridge.svg"`), 'the lazy picture is resolved');
    assert.doesNotMatch(html, /<script|pixel\.gif|data:image|onclick/);
    const links = await page.locator('.reader-content a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    assert.ok(links.length > 0);
    for (const [href, target, rel] of links) {
      assert.match(href!, /^http:\/\/127\.0\.0\.1:\d+\/demo\/documents\//, 'relative links made absolute');
      assert.equal(target, '_blank');
      assert.match(rel!, /noopener/);
    }
  });

  it('axe-core finds no serious or critical problem in the reader, light and dark; screenshots', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const bad = (await axeViolations(page)).filter((v) => /^(serious|critical)/.test(v));
      assert.deepEqual(bad, [], scheme);
      await screenshot(page, `reader-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('text size: three steps, kept for the next article', async () => {
    const size = () => page.locator('.reader-article').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await size();
    await page.getByRole('button', { name: 'Large text' }).click();
    const large = await size();
    await page.getByRole('button', { name: 'Small text' }).click();
    const small = await size();
    assert.ok(small < normal && normal < large, `${small} < ${normal} < ${large}`);
    await page.getByRole('button', { name: 'Normal text' }).click();
    assert.equal(await page.getByRole('button', { name: 'Normal text' }).getAttribute('aria-pressed'), 'true');
  });

  it('keyboard: j and k move to the next and previous article, o opens the original, Esc goes back to the same place in the list', async () => {
    // Esc first, to start from the list scrolled down a little.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 180));
    const scrolled = await page.evaluate(() => window.scrollY);
    const list = await page.locator('.list > li .title-btn').allInnerTexts();
    const second = list[1];
    await openInReader(second);
    await waitFor(async () => (await page.locator('.reader-title').innerText()).includes(second), 'the second article');
    await page.keyboard.press('j');
    await waitFor(async () => (await page.locator('.reader-title').innerText()).includes(list[2]), 'j: the third article');
    await page.keyboard.press('k');
    await waitFor(async () => (await page.locator('.reader-title').innerText()).includes(second), 'k: back to the second');
    const [tab] = await Promise.all([ext.context.waitForEvent('page'), page.keyboard.press('o')]);
    assert.match(tab.url(), /^http:\/\/127\.0\.0\.1:\d+\/demo\//);
    await tab.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
    await waitFor(async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) < 60, 'the list scrolled where it was');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.match(focused, new RegExp(second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 30)));
  });

  it('a site without permission: asks in plain words, shows the feed\'s own content and the link meanwhile', async () => {
    await openInReader('Ferry timetable changes for the winter');
    await page.waitForSelector('.reader-ask');
    const text = await readerText();
    const host = new URL(other.origin).host;
    assert.match(text, new RegExp(`needs your permission to read pages on ${host.replace(/\./g, '\\.')}`));
    assert.match(text, /The feed's own words: ferries run hourly/);
    assert.equal(await page.getByRole('button', { name: `Allow ${host}` }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Allow all sites' }).count(), 1);
    assert.equal(await page.locator('.reader-original').getAttribute('href'), `${other.origin}/demo/articles/rail-strike`);
    assert.equal(other.hits('/demo/articles/rail-strike'), 0, 'nothing was fetched from the site');
    const bad = (await axeViolations(page)).filter((v) => /^(serious|critical)/.test(v));
    assert.deepEqual(bad, []);
    await screenshot(page, 'reader-ask');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
  });

  it('offline: an article read before opens from its saved copy, pictures as links; one never read says so and shows the feed', async () => {
    await ext.context.setOffline(true);
    try {
      const hits = srv.hits('/demo/articles/harbour-bridge');
      await openInReader(bridge.title);
      await page.waitForSelector('.reader-content');
      const text = await readerText();
      assert.match(text, /Saved copy for reading offline/);
      assert.match(text, /The bridge opened at dawn/);
      assert.match(text, /\[Picture: World picture for this story\]/);
      assert.equal(await page.locator('.reader-content img').count(), 0);
      assert.equal(srv.hits('/demo/articles/harbour-bridge'), hits, 'no request for the page');
      await page.keyboard.press('Escape');
      const never = DEMO_ARTICLES.find((a) => a.id === 'volcano-flights')!;
      await openInReader(never.title);
      await page.waitForSelector('.reader-note');
      assert.match(await readerText(), /You are offline, and this article was not saved/);
      assert.match(await readerText(), /About 400 flights were cancelled/); // the feed's content
      await page.keyboard.press('Escape');
    } finally {
      await ext.context.setOffline(false);
    }
  });
});
