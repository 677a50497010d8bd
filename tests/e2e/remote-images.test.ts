// "Load remote images" off, in the real built extension in Debian's Chromium against the local news
// server: the sidebar (rows, an opened article) and the reader request no image from the server until
// "Show images" on an article, and then that article's only. The server counts every request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension } from './harness';
import type { InWorker } from './scopes';
import type { Settings } from '../../utils/model';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { DEMO_ARTICLES } from '../../scripts/news-server/demo-content';

let ext: Extension;
let srv: NewsServer;
let page: Page;

const N = 4;
const ARTICLES = DEMO_ARTICLES.slice(0, N);
const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect width="240" height="160" fill="#8ab"/><text x="10" y="80">${label}</text></svg>`;

const feed = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Pictures</title><link>${origin}/</link>
${ARTICLES.map((a, i) => `<item><guid>pic-${i + 1}</guid><title>Pictures ${i + 1}: ${a.title}</title><link>${origin}/demo/articles/${a.id}</link>
<pubDate>${new Date(Date.now() - (i + 1) * 60_000).toUTCString()}</pubDate>
<media:thumbnail url="${origin}/pics/thumb-${i + 1}.svg" width="240" height="160"/>
<content:encoded><![CDATA[<p>Body ${i + 1} in words.</p><img src="/pics/body-${i + 1}.svg" alt="Picture ${i + 1}" width="240" height="160">]]></content:encoded></item>`).join('\n')}
</channel></rss>`;

/** Every image address the server could be asked for by this test's pages. */
const IMAGE_PATHS = [
  ...Array.from({ length: N }, (_, i) => [`/pics/thumb-${i + 1}.svg`, `/pics/body-${i + 1}.svg`]).flat(),
  ...DEMO_ARTICLES.map((a) => `/demo/img/${a.id}.svg`),
  '/demo/pixel.gif',
  '/favicon.ico',
];
const imageHits = () => Object.fromEntries(IMAGE_PATHS.map((p) => [p, srv.hits(p)]).filter(([, n]) => n));

before(async () => {
  srv = await startNewsServer({ updateEverySec: 600 });
  srv.route('/pics.xml', { body: feed(srv.origin) });
  for (const p of IMAGE_PATHS.filter((x) => x.startsWith('/pics/'))) srv.route(p, { body: svg(p), headers: { 'content-type': 'image/svg+xml' } });
  srv.route('/favicon.ico', { body: svg('icon'), headers: { 'content-type': 'image/svg+xml' } });
  ext = await launchExtension({ viewport: { width: 420, height: 900 } });
  await ext.bg(async () => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
  });
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

/** The settings' "Load remote images" box in the options page, as a user would use it. */
async function setLoadImages(on: boolean) {
  const opts = await ext.page('options.html');
  const box = opts.getByRole('checkbox', { name: 'Load remote images' });
  await box.waitFor();
  if ((await box.isChecked()) !== on) await box.click();
  await waitFor(async () => (await ext.bg(async () => ((await (globalThis as InWorker).chrome.storage.sync.get('settings')).settings as Partial<Settings> | undefined)?.loadRemoteImages)) === on, `loadRemoteImages ${on}`, 5000);
  await opts.close();
}

const row = (n: number) => page.locator('.list > li', { hasText: `Pictures ${n}:` });

describe('Load remote images, off', () => {
  it('the sidebar requests no image at all: rows, favicons, an opened article', async () => {
    await setLoadImages(false);
    await ext.bg(async (origin: string) => {
      const nb = (globalThis as InWorker).newsbar;
      await nb.addSource({ name: 'Pictures', url: `${origin}/pics.xml` });
      await nb.pollNow();
    }, srv.origin);
    page = await ext.page('sidepanel.html');
    await page.waitForSelector('.list > li');
    assert.equal(await page.locator('.list > li').count(), N);
    assert.equal(await page.locator('.list .show-images.thumb-held').count(), N, 'a "Show images" button on each row with a thumbnail');
    assert.equal(await page.locator('img').count(), 0, 'no image element in the page');
    await row(1).locator('.title-btn').click();
    await page.locator('.list > li .body .content').first().waitFor();
    assert.match(await row(1).locator('.body').innerText(), /Body 1 in words/);
    await new Promise((r) => setTimeout(r, 1500)); // time for any request a page would make
    assert.deepEqual(imageHits(), {});
    await screenshot(page, 'remote-images-off');
  });

  it('"Show images" on the opened article loads its picture, and only its', async () => {
    await row(1).locator('.body').getByRole('button', { name: 'Show images' }).click();
    await waitFor(() => srv.hits('/pics/body-1.svg') > 0, 'the article picture requested');
    await waitFor(() => page.locator('.list > li .body img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), 'the picture shown');
    const hits = imageHits();
    for (const p of Object.keys(hits)) assert.ok(['/pics/body-1.svg', '/favicon.ico'].includes(p), `unexpected request ${p}: ${JSON.stringify(hits)}`);
    // Another row's thumbnail still waits; its own button loads it.
    assert.equal(srv.hits('/pics/thumb-2.svg'), 0);
    await row(2).getByRole('button', { name: 'Show images' }).click();
    await waitFor(() => srv.hits('/pics/thumb-2.svg') > 0, 'row 2 thumbnail requested');
    assert.equal(srv.hits('/pics/thumb-3.svg') + srv.hits('/pics/thumb-4.svg'), 0);
    await screenshot(page, 'remote-images-shown');
  });

  it('the reader shows the article without pictures until "Show images"', async () => {
    await row(3).locator('.title-btn').click();
    await row(3).locator('.read-here').click();
    await page.waitForSelector('[data-testid=reader] .reader-content');
    assert.match(await page.locator('.reader-article').innerText(), /\w{4,}/);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(srv.hits(`/demo/img/${ARTICLES[2].id}.svg`), 0, 'no lead or article picture before asking');
    assert.equal(await page.locator('[data-testid=reader] img').count(), 0);
    await page.locator('[data-testid=reader]').getByRole('button', { name: 'Show images' }).click();
    await waitFor(() => srv.hits(`/demo/img/${ARTICLES[2].id}.svg`) > 0, 'the reader picture requested');
    assert.equal(srv.hits('/pics/thumb-4.svg') + srv.hits('/pics/body-4.svg'), 0, 'another article still waits');
  });

  it('on again: the thumbnails load (the count would have seen them)', async () => {
    await page.locator('.reader-back').click();
    await setLoadImages(true);
    await waitFor(() => srv.hits('/pics/thumb-4.svg') > 0, 'row 4 thumbnail requested once images load');
    assert.equal(await page.locator('.list .show-images').count(), 0);
  });
});
