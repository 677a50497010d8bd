// A topic that searches the news, end to end in Debian's Chromium: the demo's world feed is subscribed,
// a topic turns on "Also search the news" in the options page (the search asked at the local news server,
// which answers like Google News), and its items come under the topic: reports from outlets not
// subscribed to, one notification (the one fresh report), and the world feed's article, also found by
// the search, is one row.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, notificationsCreated, recordNotifications, screenshot, sidebarWithSources, waitFor, type Extension } from './harness';
import type { InWorker } from './scopes';
import { axeViolations } from './axe';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { DEMO_SEARCH_TOPIC } from '../../scripts/news-server/demo-search';

let ext: Extension;
let srv: NewsServer;
let side: Page;

const SHARED = 'Harbour city opens its new bridge after six years of work';
const titles = () => side.locator('.list > li .title-btn').allTextContents();

before(async () => {
  srv = await startNewsServer();
  ext = await launchExtension({ viewport: { width: 480, height: 900 } });
  await ext.bg((origin: string) => (globalThis as InWorker).newsbar.setSearchBase(origin), srv.origin);
  side = await sidebarWithSources(ext, srv.origin, [{ name: 'Demo World', path: '/demo/world.rss' }]);
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('a topic that searches the news', () => {
  it('turned on in the options page: its items come under the topic, one notification, one row for the shared article', async () => {
    await recordNotifications(ext);
    const options = await ext.page('options.html');
    await options.getByRole('button', { name: 'Add topic' }).click();
    await options.getByLabel('Name', { exact: true }).fill(DEMO_SEARCH_TOPIC.name);
    await options.getByLabel('Look for').fill(DEMO_SEARCH_TOPIC.query);
    await options.getByLabel('Also search the news').check();
    await options.getByText(/asks your browser to let Newsbar read news\.google\.com/).waitFor();
    await screenshot(options, 'topic-search-editor');
    assert.deepEqual(await axeViolations(options), []);
    await options.getByRole('button', { name: 'Add topic' }).click();
    const topic = options.locator('li.topic', { hasText: DEMO_SEARCH_TOPIC.name });
    await topic.getByText('Also searches Google News').waitFor();
    // The search is the topic's, not a subscription.
    await options.locator('.source-table tbody tr', { hasText: 'Demo World' }).waitFor();
    assert.equal(await options.locator('.source-table tbody tr', { hasText: 'Google News' }).count(), 0);

    const chip = side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: new RegExp(DEMO_SEARCH_TOPIC.name) });
    await chip.waitFor({ timeout: 15_000 });
    await chip.click();
    const want = ['Cracks found in coast line rail bridge, trains slowed to walking pace', 'Bridge club championship ends in a three-way tie after 40 hours of play', SHARED];
    await waitFor(async () => {
      const ts = await titles();
      return want.every((w) => ts.includes(w));
    }, 'the search\'s items under the topic', 20_000);
    const under = await titles();
    assert.equal(under.filter((x) => x === SHARED).length, 1, `one row for the shared article: ${JSON.stringify(under)}`);
    const fresh = side.locator('.list > li', { hasText: 'Cracks found' });
    assert.match((await fresh.textContent()) ?? '', /Coastal Courier via Google News/);
    await screenshot(side, 'topic-search-sidebar');

    // One notification: the fresh report (older ones were published before the topic asked).
    await waitFor(async () => (await notificationsCreated(ext)).length > 0, 'a notification');
    await new Promise((r) => setTimeout(r, 1500));
    const created = await notificationsCreated(ext);
    assert.equal(created.length, 1, JSON.stringify(created));
    assert.equal(created[0]![1].title, DEMO_SEARCH_TOPIC.name);
    assert.match(created[0]![1].message, /^Cracks found in coast line rail bridge, trains slowed to walking pace — Coastal Courier via Google News$/);

    // Polling again (the search is not due for 30 minutes; the world feed is) adds no row and no notification.
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    await side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: /^All/ }).click();
    await waitFor(async () => (await titles()).includes(SHARED), 'every article');
    assert.equal((await titles()).filter((x) => x === SHARED).length, 1);
    assert.equal((await notificationsCreated(ext)).length, 1);
    await options.close();
  });
});

describe('turning the search off', () => {
  it('removes its items unless starred; the subscribed feed\'s article stays', async () => {
    const starred = 'Bridge club championship ends in a three-way tie after 40 hours of play';
    await side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: new RegExp(DEMO_SEARCH_TOPIC.name) }).click();
    const row = side.locator('.list > li', { hasText: starred });
    await row.getByRole('button', { name: `Star: ${starred}` }).click();
    await waitFor(async () => (await ext.bg(async () => (await (globalThis as InWorker).newsbar.countItems()))) > 0, 'the store');
    const options = await ext.page('options.html');
    const topic = options.locator('li.topic', { hasText: DEMO_SEARCH_TOPIC.name });
    await topic.getByRole('button', { name: 'Edit' }).click();
    await options.getByLabel('Also search the news').uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.locator('li.topic', { hasText: DEMO_SEARCH_TOPIC.name }).waitFor();
    assert.equal(await options.getByText('Also searches Google News').count(), 0);
    await waitFor(async () => !(await titles()).includes('Cracks found in coast line rail bridge, trains slowed to walking pace'), 'the search\'s unstarred items to go', 15_000);
    const left = await titles();
    assert.ok(left.includes(starred), `the starred one stays: ${JSON.stringify(left)}`);
    assert.ok(left.includes(SHARED), `the subscribed feed's article stays: ${JSON.stringify(left)}`);
    await options.close();
  });
});
