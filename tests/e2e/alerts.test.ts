// Topic alerts end to end in Debian's Chromium: a source and a topic added through the options
// page, a matching item arriving on the local news server, the notification, the alert badge and
// the sidebar's topic filter. Also: the options page passes axe-core, and screenshots for review.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, notificationsCreated, recordNotifications, screenshot, waitFor, removeAllSources, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InPage, InWorker } from './scopes';
import type { Settings } from '../../utils/model';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const FEED = '/e2e/alerts.rss';

let ext: Extension;
let srv: NewsServer;
let options: Page;

type FeedItem = { guid: string; title: string; published: number };
const rss = (items: FeedItem[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>E2E Wire</title><link>http://127.0.0.1/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://127.0.0.1/e2e/${i.guid}</link><pubDate>${new Date(i.published).toUTCString()}</pubDate><description>Story ${i.guid}</description></item>`).join('\n')}
</channel></rss>`;

async function axeViolations(p: Page) {
  // Evaluated through the DevTools protocol: the extension page's CSP blocks inline scripts.
  if (!(await p.evaluate(() => typeof (window as InPage).axe === 'object'))) await p.evaluate(fs.readFileSync(AXE, 'utf8'));
  const res = await p.evaluate(async () => (window as InPage).axe.run(document, { resultTypes: ['violations'] }));
  return (res.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

const notifications = () => ext.bg(() => new Promise<Record<string, unknown>>((r) => (globalThis as InWorker).chrome.notifications.getAll(r)));

before(async () => {
  srv = await startNewsServer();
  const t0 = Date.now() - 3600_000;
  srv.route(FEED, { body: rss([{ guid: 'calm-1', title: 'Markets calm before the weekend', published: t0 }]) });
  ext = await launchExtension({ viewport: { width: 1000, height: 900 } });
  // Nothing is added on install; drop whatever a test before left, so only this test's sources poll.
  await removeAllSources(ext);
  options = await ext.page('options.html');
  await options.getByRole('heading', { level: 1 }).waitFor();
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('topic alerts', () => {
  it('adds a source through the options page: kind detected, first poll shown', async () => {
    await options.getByLabel('Feed or website address').fill(srv.url(FEED));
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    const row = options.locator('.source-table tbody tr', { hasText: 'E2E Wire' });
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.locator('.col-kind').textContent(), 'RSS');
    await row.getByRole('button', { name: 'E2E Wire' }).click();
    const details = options.getByRole('group', { name: 'E2E Wire' });
    await waitFor(async () => /Articles: 1/.test((await details.locator('.status').textContent()) ?? ''), 'the first poll to show in the source details');
  });

  it('says what is wrong next to the field: bad URL, duplicate', async () => {
    const field = options.getByLabel('Feed or website address');
    await field.fill('not a url');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    assert.match((await options.locator('#source-url-error').textContent()) ?? '', /not a web address/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match((await field.getAttribute('aria-describedby')) ?? '', /source-url-error/);
    await field.fill(srv.url(FEED));
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    assert.match((await options.locator('#source-url-error').textContent()) ?? '', /already in your list/);
    await field.fill('');
  });

  it('adds a topic with a live preview and an inline query error', async () => {
    await options.getByRole('button', { name: 'Add topic' }).click();
    await options.getByLabel('Name', { exact: true }).fill('Ukraine talks');
    const query = options.getByLabel('Look for');
    await query.fill('ukraine "peace talks');
    await waitFor(async () => /never closed \(at character 9\)/.test((await options.locator('#topic-new-query-error').textContent().catch(() => '')) ?? ''), 'the inline query error');
    await query.fill('markets');
    await waitFor(async () => /Stored articles that match: 1/.test((await options.locator('.preview-count').textContent()) ?? ''), 'the live preview');
    assert.equal(await options.locator('.preview-list mark').first().textContent(), 'Markets');
    fs.mkdirSync('test-results', { recursive: true });
    await options.locator('.topic-editor').screenshot({ path: 'test-results/options-topic-preview.png' });
    await query.fill('ukraine "peace talks"');
    await waitFor(async () => /No stored article/.test((await options.locator('.preview-count').textContent()) ?? ''), 'an empty preview');
    await screenshot(options, 'options-topic-editor');
    await options.getByRole('button', { name: 'Add topic' }).click();
    await options.locator('li.topic', { hasText: 'Ukraine talks' }).waitFor();
    await options.getByLabel('Topic alerts').check();
    await waitFor(async () => (await ext.bg(async () => ((await (globalThis as InWorker).chrome.storage.sync.get('settings')).settings as Settings | undefined)?.badgeMode)) === 'alerts', 'badge mode saved');
  });

  it('a matching item arrives: one notification, the alert badge counts it, the sidebar filter lists it', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // the item must be newer than the topic (RSS dates have whole seconds)
    const now = Date.now();
    srv.route(FEED, {
      body: rss([
        { guid: 'ua-1', title: 'Ukraine peace talks resume in Geneva', published: now },
        { guid: 'calm-1', title: 'Markets calm before the weekend', published: now - 3600_000 },
      ]),
    });
    const [src] = (await ext.bg(() => (globalThis as InWorker).newsbar.listSources())) as Array<{ id: string }>;
    // getAll() gives ids only: record what is created, to check the words too.
    await recordNotifications(ext);
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);

    const shown = await waitFor(async () => {
      const all = await notifications();
      return Object.keys(all).length > 0 ? all : null;
    }, 'a notification');
    const [id] = Object.keys(shown ?? {});
    assert.match(id, /^nb-item:/);
    const created = await notificationsCreated(ext);
    assert.equal(created.length, 1);
    const [, note] = created[0];
    assert.equal(note.title, 'Ukraine talks');
    assert.equal(note.message, 'Ukraine peace talks resume in Geneva — E2E Wire');
    assert.equal((await ext.badge()).text, '1');

    // Polling again never notifies twice.
    await ext.bg(() => new Promise<void>((r) => (globalThis as InWorker).chrome.notifications.getAll((all: Record<string, unknown>) => {
      let n = Object.keys(all).length;
      if (!n) r();
      for (const k of Object.keys(all)) (globalThis as InWorker).chrome.notifications.clear(k, () => --n || r());
    })));
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    assert.deepEqual(Object.keys(await notifications()), []);

    const side = await ext.page('sidepanel.html');
    const chip = side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: /Ukraine talks/ });
    await chip.waitFor({ timeout: 10_000 });
    assert.match((await chip.textContent()) ?? '', /1/);
    await chip.click();
    await waitFor(async () => (await side.locator('.list > li').count()) === 1, 'the topic filter to list one article');
    const row = side.locator('.list > li').first();
    assert.match((await row.textContent()) ?? '', /Ukraine peace talks resume/);
    // The article carries its topic as a chip, with the matched words marked.
    assert.equal(await row.locator('.topic-chip').textContent(), 'Ukraine talks');
    assert.deepEqual(await row.locator('.title mark').allTextContents(), ['Ukraine', 'peace talks']);
    await screenshot(side, 'sidebar-topic-filter');
    await side.close();
  });

  it('the options page passes axe-core and looks right in light and dark', async () => {
    await options.reload();
    await options.locator('li.topic').first().waitFor();
    assert.deepEqual(await axeViolations(options), []);
    await options.setViewportSize({ width: 1000, height: 1800 });
    await screenshot(options, 'options-light');
    await options.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(options), []);
    await screenshot(options, 'options-dark');
    await options.locator('#import-export').screenshot({ path: 'test-results/options-import-export-dark.png' });
    await options.setViewportSize({ width: 420, height: 900 });
    await screenshot(options, 'options-narrow-dark');
    await options.emulateMedia({ colorScheme: 'light' });
  });
});
