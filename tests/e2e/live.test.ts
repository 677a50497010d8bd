// Live pages end to end in the real built extension in Debian's Chromium, against the local news server:
// follow a live page from the sidebar ("Follow live" on an article), its updates land in the ticker
// under the page's title in order, a new one appears without a reload, the badge turns breaking red,
// and when the page says its coverage has ended the polling stops and the ticker says "Ended".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension, sidebarWithSources } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { liveBlogHtml } from '../../scripts/news-server/live-pages';
import type { InPage, InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let page: Page;
const EVERY_SEC = 4;

before(async () => {
  srv = await startNewsServer({ updateEverySec: EVERY_SEC });
  // A feed whose one article is the live page: the sidebar offers "Follow live" on it.
  srv.route('/front.xml', {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Front page</title><link>${srv.origin}/</link>
<item><guid>front-live</guid><title>Live: storm on the coast</title><link>${srv.origin}/demo/live/storm</link><pubDate>${new Date().toUTCString()}</pubDate><description>Follow the latest.</description></item>
<item><guid>front-other</guid><title>Budget passes after long debate</title><link>${srv.origin}/politics/budget</link><pubDate>${new Date(Date.now() - 60_000).toUTCString()}</pubDate><description>Text.</description></item>
</channel></rss>`,
  });
  ext = await launchExtension({ viewport: { width: 400, height: 900 } });
  page = await sidebarWithSources(ext, srv.origin, [
    { name: 'Front page', path: '/front.xml' },
  ]);
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

const tickTitles = (p: Page) => p.locator('.live-group .tick-btn').evaluateAll((els) => els.map((e) => e.textContent?.replace(/^Unread:?\s*/, '').trim()));

describe('following a live page from the sidebar', () => {
  it('"Follow live" shows on the live article only; one click follows it and its updates fill the ticker under its title, newest first', async () => {
    const buttons = page.locator('.row .follow-live');
    assert.equal(await buttons.count(), 1);
    // (the feed's "Live:" prefix is taken off the title; the address has /live)
    assert.equal(await page.locator('.row', { has: page.locator('.follow-live') }).locator('.title-btn').innerText(), 'Storm on the coast');
    await buttons.click();
    await page.waitForSelector('.live-group .tick');
    assert.equal(await page.locator('.live-title').innerText(), 'Live: storm on the coast');
    assert.equal(await page.locator('.live-state').innerText(), 'LIVE');
    await page.getByRole('button', { name: /Show all/ }).click().catch(() => {});
    const times = await page.locator('.live-group .tick time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    assert.ok(times.length >= 4, `updates in the ticker: ${times.length}`);
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] >= times[i], 'newest first');
    // the article is followed: no more "Follow live" on it
    assert.equal(await page.locator('.row .follow-live').count(), 0);
    const src = await ext.bg(async () => (await (globalThis as InWorker).newsbar.listSources()).find((s) => s.kind === 'live'));
    assert.ok(src, 'the followed page is a live source');
    assert.equal(src.intervalMin, 2);
    assert.equal(src.live?.state, 'live');
    const badge = await ext.badge();
    assert.deepEqual(badge.color.slice(0, 3), [196, 30, 58], 'the badge turns the breaking colour');
    await screenshot(page, 'live-ticker');
  });

  it('a new update appears in the ticker without a reload', async () => {
    const before = await tickTitles(page);
    const shown = await page.locator('.live-group .tick').count();
    await new Promise((r) => setTimeout(r, EVERY_SEC * 1000 + 500));
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    await waitFor(async () => (await page.locator('.live-group .tick').count()) > shown || (await tickTitles(page))[0] !== before[0], 'a new update in the open sidebar');
    const after = await tickTitles(page);
    assert.notEqual(after[0], before[0]);
  });

  it('when the page says its coverage has ended, polling stops and the ticker says "Ended"', async () => {
    srv.endLiveCoverage();
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    await page.waitForSelector('.live-group.ended');
    assert.equal(await page.locator('.live-state').innerText(), 'ENDED');
    assert.equal(await page.locator('.live-stop').innerText(), 'Remove');
    const hits = srv.hits('/demo/live/storm');
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    await ext.bg(() => (globalThis as InWorker).newsbar.pollDue());
    assert.equal(srv.hits('/demo/live/storm'), hits, 'an ended page is not fetched again');
    await screenshot(page, 'live-ticker-ended');
  });

  it('"Remove" (one click) takes the page and its updates away', async () => {
    await page.locator('.live-stop').click();
    await waitFor(async () => (await page.locator('.live-group').count()) === 0, 'the live group gone');
    const live = await ext.bg(async () => (await (globalThis as InWorker).newsbar.listSources()).filter((s) => s.kind === 'live').length);
    assert.equal(live, 0);
  });

  it('a page without live updates: the sidebar says so in plain words and nothing is added', async () => {
    srv.route('/politics/budget', { headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Budget</title><h1>Budget passes</h1><p>Text.</p>' });
    const reply = await page.evaluate((url) => (globalThis as InPage).chrome.runtime.sendMessage({ type: 'followLive', url, title: 'Budget' }), srv.url('/politics/budget'));
    assert.deepEqual(reply, { ok: false, problem: { code: 'noLiveUpdates' } });
    const count = await ext.bg(async () => (await (globalThis as InWorker).newsbar.listSources()).length);
    assert.equal(count, 1);
  });

  it('an article that does not look live but whose page turns out to carry a LiveBlogPosting: "Read here" says so and offers "Follow live", which follows it', async () => {
    const url = srv.url('/news/coast-roads');
    const now = Date.now();
    srv.route('/news/coast-roads', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: liveBlogHtml({
        url,
        title: 'Coast roads: what we know',
        updates: [
          { id: 'c2', headline: 'Second bridge reopens', html: '<p>Traffic moves again on the second bridge.</p>', at: now - 2 * 60_000 },
          { id: 'c1', headline: 'Coast road closed at the harbour', html: '<p>Police closed the road at noon.</p>', at: now - 9 * 60_000 },
        ],
      }),
    });
    srv.route('/desk.xml', {
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Coast desk</title><link>${srv.origin}/</link>
<item><guid>desk-coast</guid><title>Coast roads: what we know</title><link>${url}</link><pubDate>${new Date(now - 60_000).toUTCString()}</pubDate><description>Roads along the coast.</description></item>
</channel></rss>`,
    });
    await ext.bg(async (origin: string) => {
      const nb = (globalThis as InWorker).newsbar;
      await nb.addSource({ name: 'Coast desk', url: `${origin}/desk.xml` });
      await nb.pollNow();
    }, srv.origin);
    const row = page.locator('.list > li', { hasText: 'Coast roads: what we know' });
    await row.waitFor();
    assert.equal(await row.locator('.follow-live').count(), 0, 'nothing in the title or address says live');
    if (!(await row.locator('.read-here').count())) await row.locator('.title-btn').click();
    await row.locator('.read-here').click();
    await page.waitForSelector('.reader-note');
    assert.match(await page.locator('.reader-note').innerText(), /This is a live page/);
    await page.locator('.reader-follow-live').click();
    // The reader closes; the ticker holds the page's updates under its title.
    await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
    await page.locator('.live-group', { hasText: 'Coast roads: what we know' }).waitFor();
    // The group can show (from the new source) a moment before its updates are read.
    const updates = ['Second bridge reopens', 'Coast road closed at the harbour'];
    await waitFor(async () => JSON.stringify((await tickTitles(page)).slice(0, 2)) === JSON.stringify(updates), 'the live page\'s updates in the ticker');
    const src = await ext.bg(async (u: string) => (await (globalThis as InWorker).newsbar.listSources()).find((s) => s.url === u), url);
    assert.equal(src?.kind, 'live');
  });
});
