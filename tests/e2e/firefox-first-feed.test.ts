// The first feed a Firefox user adds from the sidebar's welcome, on a site Newsbar has no host
// permission for (127.0.0.2, outside the e2e build's 127.0.0.1 and localhost) and on a non-default port
// (the news server's own, as a self-hosted or LAN feed has): the user's click asks Firefox for the site,
// Firefox grants the port-less pattern, the feed is added, and its first articles show in the list, never
// held behind an "N new" pill over an empty list.
//
// What this proves and what not: the click is real input (WebDriver BiDi), so permissions.request runs
// inside a user gesture and through Firefox's own validation of the pattern; the doorhanger that asks
// the person is switched off (extensions.webextOptionalPermissionPrompts), so the grant is automatic.
// A pattern with a port fails that validation before any prompt, which is what this catches.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { ARTIFACTS, waitFor } from './harness';
import { defineName, launchFirefox } from './firefox-harness';
import type { FirefoxBackground, InFirefoxPage } from './scopes';

const TITLES = Array.from({ length: 8 }, (_, i) => `Ferry line ${i + 1} changes its winter timetable`);
const rss = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Desk</title><link>${origin}/</link>
${TITLES.map((t, i) => `<item><guid>hd-${i}</guid><title>${t}</title><link>${origin}/hd/${i}</link><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>About ${t.toLowerCase()}</description></item>`).join('\n')}
</channel></rss>`;

let srv: NewsServer;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
// Firefox's sidebar is narrow; the welcome is then taller than the panel and is scrolled to its field.
const VIEW = { width: 240, height: 600 };

describe('Firefox: the first feed, on another site and port', { timeout: 90_000 }, () => {
  before(async () => {
    srv = await startNewsServer({ host: '127.0.0.2', updateEverySec: 600 });
    srv.route('/harbour.xml', { body: rss(srv.origin) });
    ({ browser, page } = await launchFirefox({ viewport: VIEW, prefs: { 'extensions.webextOptionalPermissionPrompts': false } }));
    page.on('pageerror', (e) => pageErrors.push(String((e as Error).message ?? e)));
    // A first run with no sources (the default ones need the internet, which is not here).
    await page.evaluate(async () => {
      const bg = (await (globalThis as InFirefoxPage).browser.runtime.getBackgroundPage()) as FirefoxBackground;
      await bg.newsbar.installed();
      for (const s of await bg.newsbar.listSources()) await bg.newsbar.removeSource(s.id);
    });
    await page.evaluate(() => location.reload()).catch(() => {});
    await waitFor(() => page.evaluate(() => document.readyState === 'complete' && !!document.querySelector('#welcome-url')).catch(() => false), 'the welcome');
    await defineName(page);
  });

  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('asks for the host without its port, adds the feed and shows its first articles', async () => {
    const port = new URL(srv.origin).port;
    assert.ok(port && port !== '80', `the news server is on a non-default port (${srv.origin})`);
    const allowedBefore = await page.evaluate(() => (globalThis as InFirefoxPage).browser.permissions.contains({ origins: ['http://127.0.0.2/*'] }));
    assert.equal(allowedBefore, false, 'the site is outside the build\'s host permissions: adding it must ask');

    // As a person does: scroll to the field, type the address, click Add.
    // A wheel turned while Firefox is still busy laying out the page can be dropped: turned again, as a
    // person does when nothing moved.
    await page.mouse.move(120, 300);
    await waitFor(async () => {
      await page.mouse.wheel({ deltaY: 400 });
      await new Promise((r) => setTimeout(r, 100));
      return page.evaluate(() => window.scrollY > 0);
    }, 'the welcome scrolled');
    await page.click('#welcome-url');
    await page.type('#welcome-url', `${srv.origin}/harbour.xml`);
    await page.click('.welcome-add button[type=submit]');

    const shown = await waitFor(
      () =>
        page
          .evaluate((): { err?: string; titles?: string[] } | undefined => {
            const err = document.querySelector('.welcome-error')?.textContent;
            if (err) return { err };
            const rows = [...document.querySelectorAll<HTMLElement>('.list > li .title-btn')].filter((b) => {
              const r = b.getBoundingClientRect();
              return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight;
            });
            return rows.length >= 1 ? { titles: rows.map((b) => b.textContent ?? '') } : undefined;
          })
          .catch(() => undefined),
      'the first articles on the first screen (or the welcome\'s error)',
      30_000,
    ).catch(async (e: Error) => {
      // What the person saw instead, for the failure message and by eye.
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'firefox-first-feed-failed.png') }).catch(() => {});
      const seen = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 300)).catch(() => '?');
      throw new Error(`${e.message}; the sidebar shows: ${seen}`);
    });
    assert.ok(shown);
    assert.equal(shown.err, undefined, `the welcome said: ${shown.err}`);
    for (const title of shown.titles ?? []) assert.ok(TITLES.includes(title), `"${title}" is one of the feed's articles`);

    const after = await page.evaluate(async () => {
      const b = (globalThis as InFirefoxPage).browser;
      return {
        granted: (await b.permissions.getAll()).origins ?? [],
        contains: await b.permissions.contains({ origins: ['http://127.0.0.2/*'] }),
        pill: [...document.querySelectorAll<HTMLElement>('button')].filter((x) => x.offsetParent && /\bnew\b/i.test(x.textContent ?? '')).map((x) => x.textContent),
        waiting: document.body.textContent?.includes('Fetching your news') ?? false,
      };
    });
    assert.ok(after.granted.includes('http://127.0.0.2/*'), `the port-less pattern was granted (granted: ${after.granted.join(', ')})`);
    assert.ok(!after.granted.some((o) => /:\d+\//.test(o)), 'no pattern with a port');
    assert.equal(after.contains, true);
    assert.deepEqual(after.pill, [], 'no "N new" pill holds the first articles back');
    assert.equal(after.waiting, false, 'the list no longer says it is fetching');
    assert.ok(srv.hits('/harbour.xml') >= 1, 'the feed was fetched from its port');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'firefox-first-feed-240.png') });
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the sidebar page');
  });
});
