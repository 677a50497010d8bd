// One story, one row, end to end in Debian's Chromium: three feeds on the local news server carry one
// event under different headlines and links, beside unrelated stories. The list shows one row with
// "+2 sources", the badge counts the story once, a topic that matches it notifies once and names its
// sources, and "Not the same story" takes a report out: a row of its own, and the badge follows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, notificationsCreated, outletFeed, recordNotifications, screenshot, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;
let side: Page;

const WIRE_QUAKE = 'Magnitude 7.1 earthquake strikes off Chile coast, tsunami warning issued';
const FEEDS = {
  '/e2e/stories/wire.rss': outletFeed('E2E Wire', 'wire.example', [
    { slug: 'world/chile-earthquake-tsunami-warning', title: WIRE_QUAKE, ago: 30 },
    { slug: 'politics/budget-vote', title: 'Parliament passes budget after late-night vote', ago: 40 },
  ]),
  '/e2e/stories/paper.rss': outletFeed('E2E Paper', 'paper.example', [
    { slug: 'news/chile-quake-tsunami-warning', title: 'Chile earthquake: 7.1 quake off the coast triggers tsunami warning', ago: 20 },
    { slug: 'sport/cup-final-penalties', title: 'Local team wins cup final on penalties', ago: 50 },
  ]),
  '/e2e/stories/tv.rss': outletFeed('E2E TV', 'tv.example', [
    { slug: 'chile-earthquake-7-1-tsunami', title: 'Tsunami warning after 7.1 earthquake hits Chile coastline', ago: 10 },
  ]),
};

const rows = () => side.locator('.list > li');
const quakeRow = () => side.locator('.list > li', { hasText: WIRE_QUAKE });

before(async () => {
  srv = await startNewsServer();
  for (const [path, body] of Object.entries(FEEDS)) srv.route(path, { body });
  ext = await launchExtension({ viewport: { width: 480, height: 900 } });
  await ext.bg(async () => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    // Only the TV report says "coastline": the alert comes when the story already has three sources.
    await nb.saveTopic({ id: 'coast', name: 'Coastline', query: 'coastline', sourceIds: [], notify: true, breaking: false, createdAt: Date.now() - 3600_000 });
  });
  await recordNotifications(ext);
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('one story, one row', () => {
  it('three outlets\' reports of one event are one row "+2 sources", counted once, notified once', async () => {
    // The feeds come in one after the other, as polls of different sources do.
    for (const [name, path] of [['E2E Wire', '/e2e/stories/wire.rss'], ['E2E Paper', '/e2e/stories/paper.rss'], ['E2E TV', '/e2e/stories/tv.rss']]) {
      await ext.bg(async ({ name, url }) => {
        const nb = (globalThis as InWorker).newsbar;
        const s = await nb.addSource({ name, url });
        await nb.pollNow(s.id);
      }, { name: name!, url: srv.url(path!) });
    }
    await waitFor(async () => (await ext.badge()).text === '3', 'the badge to count 3 stories (5 articles)');
    side = await ext.page('sidepanel.html');
    await waitFor(async () => (await rows().count()) === 3, 'three rows');
    const row = quakeRow();
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('.story-more').textContent())?.trim(), '+2 sources');
    assert.ok(await row.locator('.story-more').isVisible());
    // The other headlines are not rows of their own.
    assert.equal(await side.locator('.list > li', { hasText: 'triggers tsunami warning' }).count(), 0);

    const created = await waitFor(async () => {
      const c = await notificationsCreated(ext);
      return c.length > 0 ? c : null;
    }, 'a notification');
    await new Promise((r) => setTimeout(r, 500));
    const all = await notificationsCreated(ext);
    assert.equal(all.length, 1, 'one notification for the story');
    assert.equal(created![0]![1].title, 'Coastline');
    assert.match(created![0]![1].message, /3 sources/);

    // The topic's filter lists the story once.
    const chip = side.getByRole('navigation', { name: 'Filters' }).getByRole('button', { name: /Coastline/ });
    assert.match((await chip.textContent()) ?? '', /1/);
    await screenshot(side, 'sidebar-story-row');
  });

  it('opened, the row lists each outlet\'s headline; "Not the same story" takes one out and the badge follows', async () => {
    await quakeRow().locator('.title-btn').click();
    const reports = side.locator('.story-reports .report');
    await waitFor(async () => (await reports.count()) === 3, 'the story\'s three reports');
    const sources = await side.locator('.story-reports .report .source').allTextContents();
    assert.deepEqual(sources, ['E2E Wire', 'E2E Paper', 'E2E TV']);
    const tvLink = side.locator('.story-reports .report', { hasText: 'E2E TV' }).locator('a.report-title');
    assert.equal(await tvLink.getAttribute('href'), 'https://tv.example/chile-earthquake-7-1-tsunami');
    await screenshot(side, 'sidebar-story-open');
    // Opening the row read the whole story: badge 2.
    await waitFor(async () => (await ext.badge()).text === '2', 'the badge to drop to 2 once the story is read');
    await side.locator('.story-reports .report', { hasText: 'E2E TV' }).getByRole('button', { name: /Not the same story/ }).click();
    await waitFor(async () => (await rows().count()) === 4, 'the TV report as a row of its own');
    await waitFor(async () => (await quakeRow().locator('.story-more').textContent())?.trim() === '+1 source', 'the story to say +1 source');
    assert.equal(await side.locator('.list > li', { hasText: 'hits Chile coastline' }).count(), 1);
    // The report taken out keeps the story's read state: read, so the badge stays 2; marked unread it counts.
    const tvRow = side.locator('.list > li', { hasText: 'hits Chile coastline' });
    await tvRow.getByRole('button', { name: /Mark unread/ }).click();
    await waitFor(async () => (await ext.badge()).text === '3', 'the badge to count the TV report as its own story');
    await screenshot(side, 'sidebar-story-split');
  });
});
