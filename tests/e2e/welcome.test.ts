// First run in the real built extension in Chromium: nothing is added on install; the sidebar's welcome
// offers three ways in. A pasted local site adds its feed and the articles follow; a starter pack adds
// its feeds. axe-core clean; screenshots light and dark, narrow and wide.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension } from './harness';
import { axeViolations } from './axe';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let page: Page;
const sources = () => ext.bg(() => (globalThis as InWorker).newsbar.listSources()) as Promise<Array<{ id: string; name: string; url: string }>>;

before(async () => {
  srv = await startNewsServer({ updateEverySec: 600 });
  ext = await launchExtension({ viewport: { width: 320, height: 760 } });
  page = await ext.page('sidepanel.html');
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('first run in Chromium', () => {
  it('adds nothing on install and welcomes with three ways in; axe-core clean, light and dark, narrow and wide', async () => {
    assert.deepEqual(await sources(), []);
    const welcome = page.getByRole('region', { name: 'Welcome to Newsbar' });
    await welcome.waitFor();
    assert.equal(await welcome.locator('.pack').count(), 5);
    assert.ok(await welcome.getByLabel('Paste a site or feed address').isVisible());
    assert.ok(await welcome.getByRole('button', { name: 'import it in the settings' }).isVisible());
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [w, name] of [[240, 'narrow'], [600, 'wide']] as const) {
        await page.setViewportSize({ width: w, height: 760 });
        assert.deepEqual(await axeViolations(page), [], `${scheme} ${name}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${w} px (${overflow})`);
        await screenshot(page, `welcome-${scheme}-${name}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 320, height: 760 });
  });

  it('"import it in the settings" opens the options page at its import', async () => {
    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'import it in the settings' }).click();
    const options = await opened;
    await options.waitForURL(/options\.html#import-export$/);
    await options.locator('#import-export').waitFor();
    await options.close();
  });

  it('a pasted site offers the feeds it announces by name; one added, its articles follow', async () => {
    await page.getByLabel('Paste a site or feed address').fill(`${srv.origin}/demo/`);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    // The page announces several feeds: they are offered as the options page offers them.
    const found = page.getByRole('group', { name: 'This page offers these feeds:' });
    await found.waitFor();
    assert.ok(await found.getByRole('button', { name: /^Add all \(\d+\)$/ }).isVisible());
    await found.getByRole('button', { name: 'Add World' }).click();
    const list = (await waitFor(async () => ((await sources()).length === 1 ? sources() : null), 'the pasted feed'))!;
    assert.deepEqual(list.map((s) => s.url), [`${srv.origin}/demo/world.rss`]);
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    await page.locator('.list > li').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.welcome').count(), 0);
    assert.equal(await page.locator('.welcome-done').count(), 0, '"in a moment" goes once the articles are there');
    await screenshot(page, 'welcome-after-paste');
  });

  it('a starter pack adds its handful of feeds', async () => {
    await ext.bg(async () => {
      const nb = (globalThis as InWorker).newsbar;
      for (const s of await nb.listSources()) await nb.removeSource(s.id);
    });
    await page.reload();
    await page.getByRole('region', { name: 'Welcome to Newsbar' }).waitFor();
    await page.getByRole('button', { name: /^Science/ }).click();
    // No internet here: "Added 4 sources" stands until their polls fail, then the sidebar says they could not be reached.
    await page.locator('.welcome-done, .empty h2', { hasText: /Added 4 sources|can’t be reached/ }).first().waitFor();
    const list = (await waitFor(async () => ((await sources()).length === 4 ? sources() : null), 'the science pack'))!;
    assert.ok(list.every((s) => /bbci|guardian|npr|nytimes/.test(s.url)), list.map((s) => s.url).join());
    // No internet here: drop them before they are polled.
    await ext.bg(async () => {
      const nb = (globalThis as InWorker).newsbar;
      for (const s of await nb.listSources()) await nb.removeSource(s.id);
    });
  });
});
