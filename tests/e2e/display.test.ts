// Zoom, text size, motion and colour in Debian's Chromium: 200 % zoom in a 320 px panel (160 CSS px,
// device scale 2) never scrolls sideways; the user's text size at 200 % (Page.setFontSizes, as the
// browser's font size setting) keeps the source name, the BREAKING badge and the ticker readable and
// the "N new" pill off the search box; nothing is below 12 px; reduced motion stops smooth scrolling
// and animations; a read title's highlighted match meets 4.5:1 in dark mode (computed here).
// Screenshots at 200 % zoom and 200 % text, light and dark, go to test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, launchExtension, waitFor, type Extension } from './harness';
import type { InPage, InWorker } from './scopes';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';

let ext: Extension;
let srv: NewsServer;
let page: Page;
let cdp: CDPSession;
let articles = 30;

const rss = (name: string, items: Array<{ guid: string; title: string; date: number }>) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://127.0.0.1/${i.guid}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>A longer summary of ${i.title} that runs past the end of the line</description></item>`).join('\n')}
</channel></rss>`;
const wireFeed = () => rss('International Harbour Authority Newswire', Array.from({ length: articles }, (_, i) => ({ guid: `w-${i}`, title: `Harbour storm update ${i}: ferries cancelled along the whole coast`, date: Date.now() - (300 - i) * 60_000 })));
const flashFeed = () => rss('Flash Desk', Array.from({ length: 3 }, (_, i) => ({ guid: `f-${i}`, title: `Flash ${i}: the dam spillway opened at the northern end`, date: Date.now() - (20 - i) * 60_000 })));

const TEXT_200 = { standard: 32, fixed: 26 };
const TEXT_100 = { standard: 16, fixed: 13 };

/** A screenshot of what the panel shows, through the DevTools protocol (Playwright's own is misplaced under browser zoom). */
async function shot(name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), Buffer.from(data, 'base64'));
}

/** Zooms the 320 px panel: at 200 % its CSS width is 160 px. */
async function panel(zoom: number) {
  // The browser's own zoom of this tab (chrome.tabs.setZoom), as the user sets it with Ctrl +.
  await page.evaluate(async (z) => {
    const c = (globalThis as InPage).chrome;
    const tab = await c.tabs.getCurrent();
    if (!tab) throw new Error('the sidebar page is not in a tab');
    await c.tabs.setZoom(tab.id, z);
  }, zoom);
  await waitFor(() => page.evaluate((z) => Math.abs(devicePixelRatio - z) < 0.01 && innerWidth === Math.round(320 / z), zoom), `zoom ${zoom}`);
}

/** How far the page scrolls sideways, and elements that stick out on the right (they cause it). */
const sideways = (p: Page) => p.evaluate(() => {
  const doc = document.documentElement;
  const out = [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden') && el.getBoundingClientRect().right > doc.clientWidth + 1)
    // Cut off inside a box that clips (an ellipsis line): that moves nothing.
    .filter((el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a !== doc && a !== document.body) return a.getBoundingClientRect().right > doc.clientWidth + 1;
      }
      return true;
    })
    .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} right=${Math.round(el.getBoundingClientRect().right)}`);
  return {
    scroll: doc.scrollWidth - doc.clientWidth,
    overflowX: [getComputedStyle(doc).overflowX, getComputedStyle(document.body).overflowX],
    out: out.slice(0, 8),
  };
});

/** Is the text of `sel` readable (each one on the first screens): its size, and not cut short or off screen. The worst one. */
const readable = (p: Page, sel: string) => p.evaluate((s) => {
  const all = [...document.querySelectorAll<HTMLElement>(s)].filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().top < 3 * innerHeight).map((el) => {
    const r = el.getBoundingClientRect();
    return {
      text: el.textContent,
      px: parseFloat(getComputedStyle(el).fontSize),
      cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      onScreen: r.left >= -0.5 && r.right <= document.documentElement.clientWidth + 0.5,
    };
  });
  if (all.length === 0) return null;
  return all.find((x) => x.cut || !x.onScreen) ?? all.sort((a, b) => a.px - b.px)[0];
}, sel);

/** Text elements shown below 12 px (elements with text of their own, visible). */
const tooSmall = (p: Page) => p.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')]
  .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
  .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, [hidden]') && getComputedStyle(el).visibility !== 'hidden')
  .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 12)
  .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${el.textContent!.trim().slice(0, 20)}" ${getComputedStyle(el).fontSize}`));

async function showPill() {
  // Scrolled down while reading: new articles wait behind the pill.
  await page.evaluate(() => scrollTo(0, 700));
  await waitFor(() => page.evaluate(() => scrollY > 300), 'scrolled down');
  await page.waitForTimeout(200);
  articles++;
  await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
  await page.locator('.pill').waitFor();
}

before(async () => {
  srv = await startNewsServer();
  srv.route('/wire.rss', { body: () => wireFeed(), conditional: false });
  srv.route('/flash.rss', { body: () => flashFeed(), conditional: false });
  ext = await launchExtension({ viewport: { width: 320, height: 640 } });
  await ext.bg(async ([wire, flash]: string[]) => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    // A topic whose words are marked in the titles.
    const topic = { id: 'storms', name: 'Storms', query: 'storm', sourceIds: [], notify: false, breaking: false, createdAt: 0 };
    await (globalThis as InWorker).chrome.storage.sync.set({ 'topic:storms': topic, topicIds: ['storms'] });
    await nb.addSource({ name: 'International Harbour Authority Newswire', url: wire });
    await nb.addSource({ name: 'Flash Desk', url: flash, breaking: true });
    await nb.pollNow();
  }, [srv.url('/wire.rss'), srv.url('/flash.rss')]);
  page = await ext.page('sidepanel.html');
  await page.locator('.list > li').first().waitFor();
  await page.locator('.ticker .tick-btn').first().waitFor();
  cdp = await ext.context.newCDPSession(page);
  // Some articles read (read titles with a marked match are the dark-mode case).
  for (let i = 0; i < 3; i++) await page.locator('.list .actions button:not([aria-pressed])').nth(i + 3).click({ force: true });
  await page.locator('.row.read mark').first().waitFor();
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('zoom, text size, motion and colour', { timeout: 90_000 }, () => {
  it('200 % zoom in a 320 px panel: nothing scrolls sideways, light and dark (screenshots)', async () => {
    await showPill();
    await page.evaluate(() => scrollTo(0, 0));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await panel(2);
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      const s = await sideways(page);
      assert.equal(s.scroll, 0, `${scheme}: the page scrolls ${s.scroll} px sideways at 200 % zoom; sticking out: ${s.out.join(', ')}`);
      assert.deepEqual(s.out, []);
      assert.ok(!s.overflowX.some((o) => o === 'hidden' || o === 'clip'), `no hiding of the overflow: ${s.overflowX}`);
      await shot(`display-zoom200-${scheme}`);
      // With an article open too.
      await page.locator('.list .title-btn').first().click();
      await page.locator('.row.open .body').waitFor();
      const open = await sideways(page);
      assert.equal(open.scroll, 0, `${scheme}: an open article scrolls ${open.scroll} px sideways: ${open.out.join(', ')}`);
      await shot(`display-zoom200-open-${scheme}`);
      await page.locator('.row.open .title-btn').click();
    }
    // The top bar would take over a third of this short panel: it scrolls away instead of staying.
    const bar = await page.evaluate(() => ({ position: getComputedStyle(document.querySelector('.topbar')!).position, padding: getComputedStyle(document.documentElement).scrollPaddingTop }));
    assert.deepEqual(bar, { position: 'static', padding: '8px' });
    await panel(1);
    await waitFor(() => page.evaluate(() => getComputedStyle(document.querySelector('.topbar')!).position === 'sticky'), 'the top bar sticky again at 100 %');
  });

  it('200 % text: source name, BREAKING badge and ticker readable; the pill off the search box (screenshots)', async () => {
    // A side panel of a usual height: the top bar stays sticky, so the pill sits right below it.
    await page.setViewportSize({ width: 320, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await cdp.send('Page.setFontSizes', { fontSizes: TEXT_200 });
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.topbar')!).position), 'sticky');
      const s = await sideways(page);
      assert.equal(s.scroll, 0, `${scheme}: sideways scroll of ${s.scroll} px at 200 % text: ${s.out.join(', ')}`);
      const check = async (sel: string) => {
        const r = await readable(page, sel);
        assert.ok(r, `${sel} is shown`);
        assert.ok(r.px >= 22, `${sel} grows with the text size (${r.px} px)`);
        assert.ok(!r.cut, `${sel} "${r.text}" is not cut short`);
        assert.ok(r.onScreen, `${sel} "${r.text}" is on screen`);
      };
      for (const sel of ['.row .source', '.ticker .tick-btn', '.ticker time', '.ticker-h']) await check(sel);
      await shot(`display-text200-${scheme}`);
      // The BREAKING badge on rows: in the breaking source's own view (the list may leave the
      // ticker's updates out of All).
      await page.locator('.folders-toggle').click();
      await page.locator('.folder-list .fl-btn', { hasText: 'Flash Desk' }).click();
      await page.locator('.row .breaking-tag').first().waitFor();
      await check('.row .breaking-tag');
      await check('.row .source');
      // Back to All, the source list closed again.
      await page.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: /^All/ }).click();
      await page.locator('.folders-toggle').click();
      await page.locator('.row .source', { hasText: 'International' }).first().waitFor();
      // Scrolled down with the pill showing: it must not cover the search box.
      await showPill();
      const overlap = await page.evaluate(() => {
        const search = document.querySelector('.search input')!.getBoundingClientRect();
        const pill = document.querySelector('.pill')!.getBoundingClientRect();
        return { overlap: pill.top < search.bottom && pill.bottom > search.top, pill: pill.toJSON(), search: search.toJSON() };
      });
      assert.equal(overlap.overlap, false, `the pill covers the search box: ${JSON.stringify(overlap)}`);
      await shot(`display-text200-pill-${scheme}`);
      await page.locator('.pill').click();
    }
    await cdp.send('Page.setFontSizes', { fontSizes: TEXT_100 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 320, height: 640 });
  });

  it('no text below 12 px: list, ticker, open article, pill, shortcuts panel', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    assert.deepEqual(await tooSmall(page), []);
    await page.locator('.list .title-btn').first().click();
    await page.locator('.row.open .body').waitFor();
    await page.locator('.ticker .tick-btn').first().click();
    await page.locator('.ticker .body').waitFor();
    assert.deepEqual(await tooSmall(page), []);
    await showPill();
    assert.deepEqual(await tooSmall(page), []);
    await page.locator('.pill').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    assert.deepEqual(await tooSmall(page), []);
    await page.keyboard.press('Escape');
  });

  it('reduced motion: no smooth scrolling and no animations', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const m = await page.evaluate(() => ({
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      dot: [...document.querySelectorAll('.live-dot')].map((d) => getComputedStyle(d).animationName),
    }));
    assert.equal(m.scroll, 'auto');
    assert.ok(m.dot.length > 0 && m.dot.every((a) => a === 'none'), JSON.stringify(m.dot));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
  });

  it('dark mode: a read title and its highlighted match meet 4.5:1, also on the focused row', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const measure = () => page.evaluate(() => {
      const rgba = (c: string) => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) throw new Error(`colour ${c}`);
        const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
        return [Number(r), Number(g), Number(b), Number(a)];
      };
      // The colour behind an element: its own and its ancestors' backgrounds, composited.
      const behind = (el: Element | null): number[] => {
        const layers: number[][] = [];
        for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
        let c = [255, 255, 255];
        for (const [r, g, b, a] of layers.reverse()) c = [r * a + c[0] * (1 - a), g * a + c[1] * (1 - a), b * a + c[2] * (1 - a)];
        return c;
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a: number[], b: number[]) => {
        const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (l1 + 0.05) / (l2 + 0.05);
      };
      const mark = document.querySelector('.row.read .title-btn mark')!;
      const title = mark.closest('.title-btn')!;
      const fg = (el: Element) => rgba(getComputedStyle(el).color).slice(0, 3);
      return {
        scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
        mark: ratio(fg(mark), behind(mark)),
        title: ratio(fg(title), behind(title)),
      };
    });
    const plain = await measure();
    assert.equal(plain.scheme, 'dark');
    assert.ok(plain.mark >= 4.5, `the marked words of a read title: ${plain.mark.toFixed(2)}:1`);
    assert.ok(plain.title >= 4.5, `a read title: ${plain.title.toFixed(2)}:1`);
    // The focused (and hovered) row has a lighter background.
    await page.locator('.row.read .title-btn:has(mark)').first().focus();
    const focused = await measure();
    assert.ok(focused.mark >= 4.5, `the marked words of a read title on the focused row: ${focused.mark.toFixed(2)}:1`);
    assert.ok(focused.title >= 4.5, `a read title on the focused row: ${focused.title.toFixed(2)}:1`);
    await shot('display-dark-read-marked');
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await measure();
    assert.ok(light.mark >= 4.5 && light.title >= 4.5, `light: ${JSON.stringify(light)}`);
  });
});
