// Keyboard and screen reader journeys in Debian's Chromium, asserted by where the focus is
// (document.activeElement) and that it is visible (inside the viewport, below the sticky header);
// accessible names and descriptions read from Chromium's own accessibility tree; live-region
// announcements recorded by a MutationObserver in the page as they happen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InPage, InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let page: Page;
let cdp: CDPSession;
let articles = 40;
let flashes = 3;

const rss = (name: string, items: Array<{ guid: string; title: string; date: number }>) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://127.0.0.1/${i.guid}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>Summary of ${i.title}</description></item>`).join('\n')}
</channel></rss>`;
// Articles from the start of the year, one a minute: "Article number 39" is the newest.
const keysFeed = () => rss('Keys Wire', Array.from({ length: articles }, (_, i) => ({ guid: `k-${i}`, title: `Article number ${i} about the harbour`, date: Date.UTC(2026, 0, 1) + i * 60_000 })));
// Breaking updates from the last minutes (the ticker shows the last 2 hours).
const flashFeed = () => rss('Flash Desk', Array.from({ length: flashes }, (_, i) => ({ guid: `f-${i}`, title: `Flash ${i} from the dam`, date: Date.now() - (30 - i) * 60_000 })));

interface Focus { tag: string; id: string; cls: string; text: string; visible: boolean; top: number; headerBottom: number }
/** Where the focus is, and whether it is fully visible: inside the viewport and not under the sticky header. */
const focusInfo = (p: Page): Promise<Focus> => p.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  const headerBottom = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
  const r = el?.getBoundingClientRect();
  const insideHeader = !!el && !!el.closest('.topbar');
  return {
    tag: el?.tagName ?? '', id: el?.id ?? '', cls: String(el?.className ?? ''), text: (el?.textContent ?? '').trim(),
    visible: !!r && r.height > 0 && r.bottom <= innerHeight + 0.5 && r.top >= 0 && (insideHeader || el!.classList.contains('skip-link') || r.top >= headerBottom - 0.5),
    top: r?.top ?? NaN, headerBottom,
  };
});
/** Waits until the focus is on `text` and fully visible (scrolling may be smooth). */
async function focusedVisible(text: RegExp | string, what = String(text)): Promise<Focus> {
  const ok = await waitFor(async () => {
    const f = await focusInfo(page);
    return (typeof text === 'string' ? f.text === text : text.test(f.text)) && f.visible ? f : null;
  }, what, 5_000).catch(() => null);
  if (!ok) throw new Error(`focus on ${what}, visible below the header; the focus is ${JSON.stringify(await focusInfo(page))}`);
  return ok;
}

/** Chromium's accessible name and description of the element `selector` finds. */
async function ax(selector: string): Promise<{ role: string; name: string; description: string }> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `no element for ${selector}`);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const n = nodes[0];
  return { role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' };
}

const poll = () => ext.bg(() => (globalThis as InWorker).newsbar.pollNow());

before(async () => {
  srv = await startNewsServer();
  srv.route('/keys.rss', { body: () => keysFeed(), conditional: false });
  srv.route('/flash.rss', { body: () => flashFeed(), conditional: false });
  ext = await launchExtension({ viewport: { width: 320, height: 640 } });
  await ext.bg(async (url: string) => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    await nb.addSource({ name: 'Keys Wire', url });
    await nb.pollNow();
  }, srv.url('/keys.rss'));
  page = await ext.page('sidepanel.html');
  // Smooth scrolling is tested as such below; the journeys use the reduced-motion path too.
  await page.locator('.list > li').first().waitFor();
  cdp = await ext.context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  // Every text a live region shows, in order, as the page shows it.
  await page.evaluate(() => {
    // Read through window each time: a test starts a fresh list by replacing window.__announced.
    const w = window as InPage;
    w.__announced = [];
    const last: Record<string, string> = {};
    new MutationObserver(() => {
      for (const r of document.querySelectorAll('[aria-live]:not([aria-live="off"])')) {
        const text = (r.textContent ?? '').trim();
        const kind = r.getAttribute('role') === 'status' ? 'status' : r.querySelector('.pill') || r.classList.contains('pill-wrap') ? 'pill' : r.id || r.className;
        if (text && text !== last[kind]) w.__announced?.push({ kind, text });
        last[kind] = text;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('keyboard and screen reader', { timeout: 90_000 }, () => {
  it('the first Tab reaches the skip link, which goes past the toolbar to the first article', async () => {
    await page.keyboard.press('Tab');
    const skip = await focusInfo(page);
    assert.equal(skip.cls, 'skip-link');
    assert.ok(skip.visible, 'the focused skip link is on screen');
    assert.equal(skip.text, 'Skip to the articles');
    await page.keyboard.press('Enter');
    await focusedVisible('Article number 39 about the harbour');
  });

  it('the list is one tab stop: 40 articles are 3 Tab presses (title, star, mark read), not 120', async () => {
    // Walk the whole page with Tab and count the stops in the list.
    await page.locator('.skip-link').focus();
    const stops: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.closest('.list') ? `list:${el.getAttribute('aria-label') ?? el.textContent}` : el === document.body ? 'body' : `page:${el.className}`;
      });
      if (where === 'body' || where.startsWith('page:skip-link')) break;
      stops.push(where);
    }
    const inList = stops.filter((s) => s.startsWith('list:'));
    assert.deepEqual(inList, ['list:Article number 39 about the harbour', 'list:Star: Article number 39 about the harbour', 'list:Mark read: Article number 39 about the harbour']);
    assert.ok(stops.length < 30, `the whole page is ${stops.length} Tab stops: ${stops.join(' | ')}`);
  });

  it('arrow keys and j/k move inside the list; the focused article stays visible below the sticky header', async () => {
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await focusedVisible('Article number 39 about the harbour');
    for (let i = 0; i < 8; i++) await page.keyboard.press(i % 2 ? 'j' : 'ArrowDown');
    await focusedVisible('Article number 31 about the harbour');
    // Far down, then back up: the row must come out from under the sticky header, not stop behind it.
    // One at a time: the next page loads as the end of the loaded list comes near.
    for (let n = 30; n >= 11; n--) {
      await page.keyboard.press('ArrowDown');
      await focusedVisible(`Article number ${n} about the harbour`);
    }
    const scrolled = await page.evaluate(() => scrollY);
    assert.ok(scrolled > 600, `the list scrolled (${scrolled})`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('k');
    const up = await focusedVisible('Article number 14 about the harbour');
    assert.ok(up.top >= up.headerBottom, `focused row top ${up.top} below the header's bottom ${up.headerBottom}`);
    await page.keyboard.press('ArrowUp');
    await focusedVisible('Article number 15 about the harbour');
    // The tab stop moved with the focus: one title in the tab order, the focused one.
    assert.deepEqual(await page.locator('.list .title-btn[tabindex="0"]').allTextContents(), ['Article number 15 about the harbour']);
    await page.keyboard.press('Home');
    await focusedVisible('Article number 39 about the harbour');
    await page.keyboard.press('End');
    await focusedVisible(/Article number \d+ about/, 'the last loaded article after End');
    // End goes to the last row rendered; rows the list renders in idle moments after it are the new end,
    // which End reaches when pressed again (a loaded machine renders them between the key and the check).
    const isLast = () => page.evaluate(() => document.activeElement === [...document.querySelectorAll('.list .title-btn')].at(-1));
    const last = await waitFor(async () => {
      if (await isLast()) return true;
      await page.keyboard.press('End');
      return false;
    }, 'End to reach the last rendered article', 5_000).catch(() => false);
    assert.equal(last, true);
  });

  it('the scroll padding is the sticky header\'s real height, also when the text grows', async () => {
    const measured = () => page.evaluate(() => ({
      header: document.querySelector('.topbar')!.getBoundingClientRect().height,
      variable: parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--topbar-h')),
      padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop),
    }));
    const normal = await measured();
    assert.ok(Math.abs(normal.variable - normal.header) < 0.5, JSON.stringify(normal));
    assert.ok(normal.padding >= normal.header, JSON.stringify(normal));
    // The user's text size at 150 %: the header grows, and so does the padding.
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
    const big = await waitFor(async (): Promise<typeof normal | null> => {
      const m = await measured();
      return m.header > normal.header * 1.3 && Math.abs(m.variable - m.header) < 0.5 ? m : null;
    }, 'the header and its measured height to grow with the text');
    assert.ok(big!.padding >= big!.header, JSON.stringify(big));
    await page.locator('.list .title-btn').nth(20).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    const f = await focusedVisible(/Article number 2\d about/, 'an article after moving up at 150 % text');
    assert.ok(f.top >= f.headerBottom, JSON.stringify(f));
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
  });

  it('row controls name their article; titles say read or unread and breaking; the list region has a name', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const firstId = await page.locator('.list > li').first().getAttribute('data-id');
    // The accessibility tree of a row scrolled back into view (content-visibility) is built a frame or so
    // later. A loaded CI run once waited 15 s for it in vain, cause unknown: so the row is brought into
    // view again on every try, and the node last seen is named if it never comes.
    let seen = '';
    const title = await waitFor(async () => {
      await page.evaluate((id) => document.getElementById(`t-${id}`)?.scrollIntoView({ block: 'center' }), firstId!);
      // Two frames, or half a second if none comes (a frame that never comes is for the check below to tell).
      await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); setTimeout(r, 500); }));
      const a = await ax(`#t-${CSS_escape(firstId!)}`);
      seen = JSON.stringify({ ...a, scrollY: await page.evaluate(() => scrollY) });
      return a.role === 'button' ? a : null;
    }, 'the first title in the accessibility tree').catch((e: Error) => assert.fail(`${e.message}; last seen ${seen}`));
    assert.deepEqual(title, { role: 'button', name: 'Article number 39 about the harbour', description: 'Unread' });
    const star = await ax(`.list > li[data-id="${firstId}"] .actions button[aria-pressed]`);
    assert.equal(star.name, 'Star: Article number 39 about the harbour');
    const region = await ax('section.articles');
    assert.equal(region.role, 'region');
    assert.equal(region.name, 'Articles: All');
    // Marked read with m: the description follows.
    await page.locator(`#t-${CSS_escape(firstId!)}`).focus();
    await page.keyboard.press('m');
    await waitFor(async () => (await ax(`#t-${CSS_escape(firstId!)}`)).description === 'Read', 'the title described as read');
    assert.equal((await ax(`.list > li[data-id="${firstId}"] .actions button:not([aria-pressed])`)).name, 'Mark unread: Article number 39 about the harbour');
  });

  it('? shows the shortcuts; Tab stays in the panel; Esc closes it and focus goes back', async () => {
    const before = await focusInfo(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Next article/);
    const box = await dialog.boundingBox();
    const vp = page.viewportSize()!;
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height, `the panel fits the sidebar: ${JSON.stringify(box)}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal((await focusInfo(page)).text, 'Close');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back once the dialog is gone (a frame later on a loaded machine).
    const back = await waitFor(async () => {
      const f = await focusInfo(page);
      return f.text === before.text ? f : null;
    }, `focus back on "${before.text}"`, 3000).catch(async () => focusInfo(page));
    assert.equal(back!.text, before.text);
  });

  it('the ticker is reachable with the same keys: one tab stop, arrows inside, Enter opens, Esc closes', async () => {
    // At the top with nothing open: the breaking updates come straight in.
    await page.evaluate(() => scrollTo(0, 0));
    await waitFor(() => page.evaluate(() => scrollY === 0), 'at the top');
    await ext.bg(async (url: string) => {
      const nb = (globalThis as InWorker).newsbar;
      await nb.addSource({ name: 'Flash Desk', url, breaking: true });
      await nb.pollNow();
    }, srv.url('/flash.rss'));
    await page.locator('.ticker .tick-btn').first().waitFor();
    await page.getByRole('searchbox').focus();
    // From the search box, Tab reaches the ticker's one tab stop: its newest update.
    let f: Focus | null = null;
    for (let i = 0; i < 8 && !f?.cls.includes('tick-btn'); i++) {
      await page.keyboard.press('Tab');
      f = await focusInfo(page);
    }
    assert.equal(f!.text, 'Flash 2 from the dam');
    assert.equal(await page.locator('.ticker .tick-btn[tabindex="0"]').count(), 1);
    await page.keyboard.press('ArrowDown');
    await focusedVisible('Flash 1 from the dam');
    await page.keyboard.press('j');
    await focusedVisible('Flash 0 from the dam');
    await page.keyboard.press('k');
    await focusedVisible('Flash 1 from the dam');
    await page.keyboard.press('Enter');
    await page.locator('.ticker .body').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ticker .body').waitFor({ state: 'detached' });
    await focusedVisible(/Flash 1 from the dam/);
  });

  it('new items: the pill and one status line are announced; n shows them with focus on the first new one', async () => {
    // Reading far down: new items wait behind the pill.
    await page.locator('.list .title-btn').nth(10).focus();
    await page.evaluate(() => scrollTo(0, 900));
    await waitFor(() => page.evaluate(() => scrollY > 500), 'scrolled down');
    articles = 43;
    flashes = 4;
    await page.evaluate(() => ((window as InPage).__announced = []));
    await poll();
    await waitFor(async () => /4 new/.test((await page.locator('.pill-wrap[aria-live="polite"]').textContent()) ?? ''), 'the pill in its live region');
    const announced = await waitFor(async (): Promise<Array<{ kind: string; text: string }> | null> => {
      const a = (await page.evaluate(() => (window as InPage).__announced)) as Array<{ kind: string; text: string }>;
      return a.some((x) => x.kind === 'status') && a.some((x) => x.kind === 'pill') ? a : null;
    }, 'live-region announcements');
    assert.deepEqual(announced!.filter((a) => a.kind === 'status').map((a) => a.text), ['4 new, 1 breaking']);
    assert.deepEqual(announced!.filter((a) => a.kind === 'pill').map((a) => a.text.replace(/^\W+/, '')), ['4 new']);
    assert.equal((await ax('.pill')).name, '4 new');
    await page.keyboard.press('n');
    // Focus on the first row of the list, and it is one of the new articles (the breaking update
    // from minutes ago, or the newest article when breaking updates stay in the ticker only).
    const f = await focusedVisible(/^(Flash 3 from the dam|Article number 42 about the harbour)$/, 'the first new article');
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('.list .title-btn')), true);
    assert.ok(f.top >= f.headerBottom);
    assert.equal(await page.locator('.pill').count(), 0);
  });

  it('smooth scrolling, unless the user prefers reduced motion', async () => {
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
    // With reduced motion, End jumps at once: the very next frame is already there.
    await page.locator('.list .title-btn').first().focus();
    // Where the list stands once focusing the row has settled (reveal corrects in the next frame).
    const start = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(Math.round(scrollY))))));
    // scrollY in every frame for half a second: a jump, no glide. Rows rendering near either end may
    // correct the position a little, more than once on a loaded machine; a glide would pass through
    // the middle of the way.
    const frames = page.evaluate(() => new Promise<number[]>((r) => {
      const ys: number[] = [];
      const t0 = performance.now();
      const step = () => (ys.push(Math.round(scrollY)), performance.now() - t0 < 500 ? requestAnimationFrame(step) : r(ys));
      requestAnimationFrame(step);
    }));
    await page.keyboard.press('End');
    const ys = [...new Set(await frames)];
    const end = ys.at(-1)!;
    assert.ok(end - start > 1000, `the jump went down the list: ${ys.join(', ')}`);
    const between = ys.filter((y) => y > start + 0.1 * (end - start) && y < start + 0.9 * (end - start));
    assert.deepEqual(between, [], `scroll positions frame by frame from ${start}: ${ys.join(', ')}`);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

/** CSS.escape for ids with colons (item ids are "source:kind-hash"). */
function CSS_escape(id: string): string {
  return id.replace(/([^a-zA-Z0-9_-])/g, '\\$1');
}
