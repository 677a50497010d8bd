// The sidebar's folder list in Debian's Chromium, as a person sees it: closed at first behind one
// button (the articles keep the first screen), opened it shows each folder with its unread count, a
// folder's sources (and the folders inside it) on demand; a folder or a source shows its articles. One
// event is reported by a source outside the folder first (its report is the story's row in All) and by
// two sources inside it: the folder lists its own two reports of it, as its count says. Keyboard, axe,
// readable sizes, and the list fits at 240 and 400 px; in Firefox's 240 px sidebar too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, outletFeed, screenshot, waitFor, type Extension } from './harness';
import { axeViolations } from './axe';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { defineName, launchFirefox } from './firefox-harness';
import type { FirefoxBackground, InFirefoxPage, InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let side: Page;

const WIRE_QUAKE = 'Magnitude 7.1 earthquake strikes off Chile coast, tsunami warning issued';
const PAPER_QUAKE = 'Chile earthquake: 7.1 quake off the coast triggers tsunami warning';
const TV_QUAKE = 'Tsunami warning after 7.1 earthquake hits Chile coast';
const CUP = 'Local team wins cup final on penalties';
const BUDGET = 'Parliament passes budget after late-night vote';
// Polled in this order: the wire (in no folder) first, so its report is the story's row.
const SOURCES = [
  { name: 'F Wire', path: '/e2e/folders/wire.rss', body: outletFeed('F Wire', 'wire.example', [
    { slug: 'world/chile-earthquake-tsunami-warning', title: WIRE_QUAKE, ago: 30 },
    { slug: 'politics/budget-vote', title: BUDGET, ago: 40 },
  ]) },
  { name: 'F Paper', folder: 'World', path: '/e2e/folders/paper.rss', body: outletFeed('F Paper', 'paper.example', [
    { slug: 'news/chile-quake-tsunami-warning', title: PAPER_QUAKE, ago: 20 },
    { slug: 'sport/cup-final-penalties', title: CUP, ago: 50 },
  ]) },
  { name: 'F TV', folder: 'World / Broadcast', path: '/e2e/folders/tv.rss', body: outletFeed('F TV', 'tv.example', [
    { slug: 'chile-earthquake-7-1-tsunami', title: TV_QUAKE, ago: 10 },
  ]) },
];

const titles = () => side.locator('.list > li .title-btn').allTextContents();

/** The folder list as shown: each visible folder or source "name count", indented by depth. */
function shownList(): string[] {
  const list = document.querySelector('.folder-list');
  if (!list) return [];
  return [...list.querySelectorAll<HTMLElement>('.fl-btn')].filter((b) => b.getBoundingClientRect().height > 0).map((b) => {
    let depth = 0;
    for (let el = b.parentElement; el && el !== list; el = el.parentElement) if (el.classList.contains('fl-list')) depth++;
    return `${'  '.repeat(depth)}${b.querySelector('.fl-name')?.textContent} ${b.querySelector('.count')?.textContent}`;
  });
}

/** Each folder-list control: inside the panel, its text 12 px or more and not cut (but a long name's ellipsis). */
function fits(): string[] {
  const out: string[] = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  for (const el of document.querySelectorAll<HTMLElement>('.folders-toggle, .fl-toggle, .fl-btn, .fl-btn .count, .fl-name')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) out.push(`outside: ${el.className} "${el.textContent}" ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 12) out.push(`small: ${el.className} "${el.textContent}" ${px}px`);
  }
  return out;
}

describe('the folder list in Chromium', { timeout: 90_000 }, () => {
  before(async () => {
    srv = await startNewsServer();
    for (const s of SOURCES) srv.route(s.path, { body: s.body });
    ext = await launchExtension({ viewport: { width: 400, height: 800 } });
    for (const s of SOURCES) {
      await ext.bg(async (a) => {
        const nb = (globalThis as InWorker).newsbar;
        if (a.first) for (const old of await nb.listSources()) await nb.removeSource(old.id);
        const src = await nb.addSource({ name: a.name, url: a.url, ...(a.folder ? { folder: a.folder } : {}) });
        await nb.pollNow(src.id);
      }, { name: s.name, url: srv.url(s.path), folder: s.folder, first: s === SOURCES[0] });
    }
    side = await ext.page('sidepanel.html');
    await waitFor(async () => (await titles()).length === 3, 'three rows in All (the story once)');
  });

  after(async () => {
    await ext?.close();
    await srv?.close();
  });

  it('is one closed button at first; opened, it shows the folders with their unread counts', async () => {
    assert.deepEqual(await titles(), [WIRE_QUAKE, BUDGET, CUP]);
    const toggle = side.getByRole('button', { name: 'Folders', exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await side.evaluate(shownList), []);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await waitFor(async () => (await side.evaluate(shownList)).join('|') === 'World 3|Not in a folder 2', 'the folders and their counts');
    // Sources on demand.
    await side.getByRole('button', { name: 'Sources in World' }).click();
    await side.getByRole('button', { name: 'Sources in Broadcast' }).click();
    await side.getByRole('button', { name: /^Not in a folder/ }).click();
    assert.deepEqual(await side.evaluate(shownList), ['World 3', '  Broadcast 1', '    F TV 1', '  F Paper 2', 'Not in a folder 2', '  F Wire 2']);
    assert.deepEqual(await side.evaluate(fits), []);
    await screenshot(side, 'folders-chromium-400-open');
    assert.deepEqual(await axeViolations(side), []);
  });

  it('a folder shows its sources\' own reports, the story\'s included, as many as its count; a source its own', async () => {
    await side.locator('.folder-list').getByRole('button', { name: /^World ?\d+$/ }).click();
    await waitFor(async () => (await titles()).join('|') === [TV_QUAKE, PAPER_QUAKE, CUP].join('|'), 'the folder\'s three reports');
    assert.equal(await side.locator('#list-h').textContent(), 'World');
    assert.equal(await side.getByRole('button', { name: 'Folders: World' }).getAttribute('aria-expanded'), 'true');
    await screenshot(side, 'folders-chromium-400-world');
    await side.locator('.folder-list').getByRole('button', { name: /^Broadcast ?\d+$/ }).click();
    await waitFor(async () => (await titles()).join('|') === TV_QUAKE, 'the inner folder\'s report');
    await side.locator('.folder-list').getByRole('button', { name: /^F Wire ?\d+$/ }).click();
    await waitFor(async () => (await titles()).join('|') === [WIRE_QUAKE, BUDGET].join('|'), 'the wire\'s two reports');
  });

  it('works with the keyboard: Enter opens and closes a folder, and shows one', async () => {
    await side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: /^All ?\d*$/ }).click();
    const worldToggle = side.getByRole('button', { name: 'Sources in World' });
    await worldToggle.focus();
    await side.keyboard.press('Enter');
    assert.equal(await worldToggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await side.evaluate(shownList), ['World 3', 'Not in a folder 2', '  F Wire 2']);
    await side.keyboard.press('Space');
    assert.equal(await worldToggle.getAttribute('aria-expanded'), 'true');
    // The folder's name is the next stop; Enter shows it.
    await side.keyboard.press('Tab');
    assert.equal(await side.evaluate(() => document.activeElement?.querySelector('.fl-name')?.textContent), 'World');
    await side.keyboard.press('Enter');
    await waitFor(async () => (await titles()).length === 3 && (await side.locator('#list-h').textContent()) === 'World', 'the folder shown from the keyboard');
    assert.equal(await side.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true');
  });

  it('"Mark all read" in the folder takes its count to 0 and reads the story\'s row in All too', async () => {
    await side.getByRole('button', { name: 'Mark all read' }).click();
    await waitFor(async () => (await side.evaluate(shownList)).slice(0, 4).join('|') === 'World 0|  Broadcast 0|    F TV 0|  F Paper 0', 'the folder\'s counts at 0');
    assert.deepEqual((await side.evaluate(shownList)).slice(4), ['Not in a folder 1', '  F Wire 1']);
  });

  it('fits 240 px, and stays open in a new sidebar', async () => {
    const narrow = await ext.page('sidepanel.html');
    await narrow.setViewportSize({ width: 240, height: 800 });
    await narrow.waitForSelector('.list > li .title-btn');
    await narrow.waitForSelector('.folder-list .fl-btn');
    assert.equal(await narrow.getByRole('button', { name: 'Folders', exact: true }).getAttribute('aria-expanded'), 'true');
    for (const name of ['Sources in World', 'Sources in Broadcast']) await narrow.getByRole('button', { name }).click();
    assert.deepEqual(await narrow.evaluate(fits), []);
    await screenshot(narrow, 'folders-chromium-240-open');
    assert.deepEqual(await axeViolations(narrow), []);
    await narrow.close();
  });
});

describe('the folder list in Firefox at 240 px', { timeout: 90_000 }, () => {
  let browser: Browser | undefined;
  let page: FirefoxPage;
  let server: NewsServer;
  const rowTitles = () => page.evaluate(() => [...document.querySelectorAll('.list > li .title-btn')].map((b) => b.textContent ?? ''));

  before(async () => {
    server = await startNewsServer();
    for (const s of SOURCES) server.route(s.path, { body: s.body });
    ({ browser, page } = await launchFirefox({ viewport: { width: 240, height: 800 } }));
    await page.evaluate(async (list: Array<{ name: string; url: string; folder?: string }>) => {
      const bg = (await (globalThis as InFirefoxPage).browser.runtime.getBackgroundPage()) as FirefoxBackground;
      await bg.newsbar.installed();
      const nb = bg.newsbar;
      for (const s of await nb.listSources()) await nb.removeSource(s.id);
      for (const s of list) {
        const src = await nb.addSource({ name: s.name, url: s.url, ...(s.folder ? { folder: s.folder } : {}) });
        await nb.pollNow(src.id);
      }
    }, SOURCES.map((s) => ({ name: s.name, url: server.url(s.path), folder: s.folder })));
    // page.reload() does not return for this tab over BiDi; reloading from the page does.
    await page.evaluate(() => ((globalThis as InFirefoxPage).__beforeReload = true));
    await page.evaluate(() => location.reload()).catch(() => {});
    await waitFor(
      () => page.evaluate(() => !(globalThis as InFirefoxPage).__beforeReload && document.querySelectorAll('.list > li .title-btn').length === 3).catch(() => false),
      'three rows after the reload',
    );
    await defineName(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens, shows the folders and counts, fits, and a folder shows its own reports', async () => {
    assert.deepEqual(await page.evaluate(shownList), []);
    await page.click('.folders-toggle');
    await waitFor(async () => (await page.evaluate(shownList)).join('|') === 'World 3|Not in a folder 2', 'the folders and their counts');
    await page.click('button[aria-label="Sources in World"]');
    await waitFor(async () => (await page.evaluate(shownList)).join('|') === 'World 3|  Broadcast 1|  F Paper 2|Not in a folder 2', 'World\'s folder and source');
    assert.deepEqual(await page.evaluate(fits), []);
    await page.screenshot({ path: 'test-results/folders-firefox-240-open.png' });
    await page.click('.folder-list .fl-folder .fl-row .fl-btn');
    await waitFor(async () => (await rowTitles()).join('|') === [TV_QUAKE, PAPER_QUAKE, CUP].join('|'), 'the folder\'s three reports');
  });
});
