// Issue 13's reading flow in the real built extension in Chromium, against the local news server:
// the "N new" pill is a real button, "Mark all read" offers Undo, and every view fits from 220 px up.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension, sidebarWithSources } from './harness';
import { axeViolations } from './axe';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let page: Page;

before(async () => {
  srv = await startNewsServer({ updateEverySec: 600 });
  srv.route('/broken.xml', { status: 404, body: 'gone' });
  ext = await launchExtension({ viewport: { width: 320, height: 600 } });
  page = await sidebarWithSources(ext, srv.origin, [
    { name: 'Demo World', path: '/demo/world.rss' },
    { name: 'Demo Analysis', path: '/demo/analysis.json' },
    { name: 'Gone Gazette', path: '/broken.xml' },
  ]);
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

/** What sticks out on the right or is cut inside its own box, at the current width. */
async function clipped(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) out.push(`page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    const vw = de.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    // Every chip, button, heading and empty-state line is inside the page and shows all its text.
    for (const el of document.querySelectorAll('.chip, .chip-label, .empty h2, .empty p, .empty .btn, .list-head h2, .brand, .tools, .folders-toggle, .mark-all')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > vw + 0.5 || r.left < -0.5) out.push(`outside the page: ${name(el)} (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
      const h = el as HTMLElement;
      if (h.scrollWidth > h.clientWidth + 1 && getComputedStyle(h).overflow !== 'visible') out.push(`text cut: ${name(el)} (${h.scrollWidth} > ${h.clientWidth})`);
    }
    // The search placeholder fits inside the field (a placeholder cannot wrap).
    const input = document.querySelector<HTMLInputElement>('#sb-search')!;
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const need = ctx.measureText(input.placeholder).width;
    if (need > room) out.push(`search placeholder cut: "${input.placeholder}" needs ${Math.ceil(need)} px, has ${Math.floor(room)}`);
    return out;
  });
}

describe('reading flow in Chromium', () => {
  it('every view fits at 220, 320 and 600 px: nothing clipped, no sideways scrolling', async () => {
    for (const width of [220, 320, 600]) {
      await page.setViewportSize({ width, height: 600 });
      await page.locator('.chip', { hasText: 'All' }).click();
      await page.waitForSelector('.list > li');
      assert.deepEqual(await clipped(page), [], `list at ${width} px`);
      // An empty view: its heading and text wrap inside the page.
      await page.locator('.chip', { hasText: 'Starred' }).click();
      await page.waitForSelector('.empty h2');
      assert.deepEqual(await clipped(page), [], `empty state at ${width} px`);
      await screenshot(page, `reading-flow-empty-${width}`);
      await page.locator('.chip', { hasText: 'All' }).click();
      await page.waitForSelector('.list > li');
      // The menu of "Mark all read" opens inside the page.
      await page.locator('.mark-menu summary').click();
      assert.deepEqual(await clipped(page), [], `mark-read menu at ${width} px`);
      const menu = await page.locator('.mark-menu .menu').boundingBox();
      assert.ok(menu && menu.x >= 0 && menu.x + menu.width <= width, `menu inside at ${width}: ${JSON.stringify(menu)}`);
      await page.locator('.mark-menu summary').click();
      await screenshot(page, `reading-flow-list-${width}`);
    }
  });

  it('star and read buttons do not cover the summary line', async () => {
    await page.setViewportSize({ width: 320, height: 600 });
    const row = page.locator('.list > li', { has: page.locator('.summary') }).first();
    await row.hover();
    const summary = (await row.locator('.summary').boundingBox())!;
    for (const b of await row.locator('.actions .icon-btn').all()) {
      const r = (await b.boundingBox())!;
      const overlaps = r.x < summary.x + summary.width && r.x + r.width > summary.x && r.y < summary.y + summary.height && r.y + r.height > summary.y;
      assert.ok(!overlaps, `button ${JSON.stringify(r)} over the summary ${JSON.stringify(summary)}`);
    }
  });

  it('"N new" is a readable, clickable button of normal size', async () => {
    await page.setViewportSize({ width: 320, height: 500 });
    await page.evaluate(() => window.scrollTo(0, 600));
    await waitFor(() => page.evaluate(() => window.scrollY > 100), 'scrolled down');
    await page.waitForTimeout(200);
    await ext.bg(() => (globalThis as InWorker).chrome.runtime.sendMessage({ type: 'newItems', count: 3 }));
    const pill = page.getByRole('button', { name: /3 new/ });
    await pill.waitFor();
    const box = (await pill.boundingBox())!;
    assert.ok(box.height >= 28, `pill height ${box.height}`);
    // Its whole label is inside it.
    const fits = await pill.evaluate((b) => b.scrollWidth <= b.clientWidth && b.scrollHeight <= b.clientHeight + 1);
    assert.ok(fits, 'the label fits in the pill');
    // It is what the pointer hits at its centre (nothing covers it).
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.pill') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    assert.ok(hit, 'the pill is on top where it shows');
    assert.equal(await page.locator('.pill-wrap').getAttribute('aria-live'), 'polite');
    await screenshot(page, 'reading-flow-pill');
    await pill.click();
    await waitFor(() => page.evaluate(() => window.scrollY < 8), 'back at the top');
    assert.equal(await page.locator('.pill').count(), 0);
  });

  it('Mark all read in the Unread view asks nothing, empties the view, and Undo brings it back', async () => {
    await page.setViewportSize({ width: 320, height: 600 });
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.locator('.chip', { hasText: 'Unread' }).click();
    await page.waitForSelector('.list > li.unread');
    const before = await page.locator('.list > li').count();
    const badge = Number((await ext.badge()).text);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.waitForSelector('.empty h2');
    assert.equal(await page.locator('.list > li').count(), 0, 'no read rows left under "Unread"');
    assert.match(await page.locator('.chip', { hasText: 'Unread' }).innerText(), /Unread\s*0/);
    const bar = page.locator('.undo-bar');
    assert.match(await bar.innerText(), /articles? marked read/);
    await waitFor(async () => (await ext.badge()).text === '', 'badge cleared', 5000);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'reading-flow-undo');
    await bar.getByRole('button', { name: 'Undo' }).click();
    await waitFor(async () => (await page.locator('.list > li.unread').count()) === before, `${before} unread rows back`);
    await waitFor(async () => Number((await ext.badge()).text) === badge, `badge ${badge} back`, 5000);
    assert.deepEqual(dialogs, []);
  });

  it('"N sources have a problem" opens the source manager with the failing ones first', async () => {
    await page.setViewportSize({ width: 320, height: 600 });
    await page.locator('details.notice summary').click();
    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Check sources in settings' }).click();
    const options = await opened;
    await options.waitForURL(/options\.html#sources-failing$/);
    const first = options.locator('#sources tbody tr').first();
    await first.waitFor();
    assert.match(await first.innerText(), /Gone Gazette/);
    assert.equal(await first.locator('.status-chip').innerText(), 'Failing');
    await options.close();
  });

  it('compact list, day headers: one line per article; axe-core clean; screenshots light and dark, narrow and wide', async () => {
    await page.locator('.chip', { hasText: 'All' }).click();
    await page.waitForSelector('.list > li');
    await page.getByRole('button', { name: 'Compact list' }).click();
    await page.waitForSelector('.list.compact');
    assert.equal(await page.locator('.list > li').first().locator('.day-head').innerText(), 'TODAY');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [w, name] of [[240, 'narrow'], [600, 'wide']] as const) {
        await page.setViewportSize({ width: w, height: 700 });
        await page.evaluate(() => window.scrollTo(0, 0));
        // One line per article: each title is a single line box.
        const lines = await page.locator('.list.compact .title-btn').evaluateAll((els) => els.slice(0, 8).map((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '20'))));
        assert.ok(lines.every((n) => n <= 1), `one line each at ${w}: ${lines.join()}`);
        assert.deepEqual(await clipped(page), [], `compact at ${w} px`);
        assert.deepEqual(await axeViolations(page), [], `${scheme} ${name}`);
        await screenshot(page, `compact-${scheme}-${name}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The choice is kept for the next opening.
    await page.reload();
    await page.waitForSelector('.list.compact');
    await page.getByRole('button', { name: 'Compact list' }).click();
    await page.waitForSelector('.list:not(.compact)');
  });
});

