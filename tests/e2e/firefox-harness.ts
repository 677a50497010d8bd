// Launches Debian's Firefox ESR with the Firefox e2e build of Newsbar (puppeteer-core over WebDriver
// BiDi) and finds the sidebar page the e2e build opens in a tab on install (BiDi may not navigate to
// moz-extension:// pages itself). Fails loudly when Firefox or the build is missing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitFor } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXT_DIR = path.resolve(process.env.FIREFOX_EXT_DIR ?? '.output/firefox-mv3-e2e');
export const ADDON_ID = 'newsbar@newsbar.app';
/** A fixed moz-extension:// host for the add-on, so its tab can be recognised by its address. */
export const UUID = '6e3f2a1c-5b7d-4c8e-9f10-2a3b4c5d6e7f';
export const ORIGIN = `moz-extension://${UUID}`;

/** tsx keeps function names with an `__name` helper that pages lack; define it before evaluating. */
export const defineName = (p: Page) => p.evaluate('globalThis.__name = (f) => f;');

export interface FirefoxLaunch {
  /** The page size. */
  viewport?: { width: number; height: number };
  /** More Firefox preferences. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(opts: FirefoxLaunch = {}): Promise<{ browser: Browser; page: Page }> {
  if (!fs.existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH`);
  }
  if (!fs.existsSync(path.join(FIREFOX_EXT_DIR, 'manifest.json'))) {
    throw new Error(`The Firefox e2e build is missing (${FIREFOX_EXT_DIR} has no manifest.json): run npm run build:firefox:e2e`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !process.env.HEADED,
    defaultViewport: opts.viewport ?? { width: 400, height: 800 },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }), ...opts.prefs },
  });
  try {
    assert.equal(await browser.installExtension(FIREFOX_EXT_DIR), ADDON_ID);
    // Puppeteer may report the tab the e2e build opens as about:blank, so ask each page where it is.
    const found = await waitFor(async (): Promise<Page | undefined> => {
      for (const p of await browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${ORIGIN}/sidepanel.html`)) return p;
      }
      return undefined;
    }, 'the sidebar page tab opened by the e2e build', 15_000);
    const page = found!;
    await defineName(page);
    // The default viewport is not applied to the tab the add-on opened itself.
    await page.setViewport(opts.viewport ?? { width: 400, height: 800 });
    return { browser, page };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
