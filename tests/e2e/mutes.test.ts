// Mute rules end to end in Debian's Chromium: "Mute stories like this…" on a row prefills a rule and
// previews what it would hide; muting makes the badge drop and the rows go; "Show muted" shows them
// dimmed; editing or removing the rule in the options page brings them back, badge and all.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, outletFeed, screenshot, sidebarWithSources, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';

let ext: Extension;
let srv: NewsServer;
let side: Page;

const FEED = '/e2e/mutes/wire.rss';
const titles = () => side.locator('.list > li .title-btn').allTextContents();

before(async () => {
  srv = await startNewsServer();
  srv.route(FEED, { body: outletFeed('E2E Wire', 'wire.example', [
    { slug: 'horoscope-monday', title: 'Your horoscope for Monday', ago: 10 },
    { slug: 'budget', title: 'Parliament passes budget after late-night vote', ago: 20 },
    { slug: 'horoscope-weekly', title: 'Weekly horoscope: what the stars say', ago: 30 },
  ]) });
  ext = await launchExtension({ viewport: { width: 480, height: 900 } });
  side = await sidebarWithSources(ext, srv.origin, [{ name: 'E2E Wire', path: FEED }]);
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('mute rules', () => {
  it('mutes a phrase from a row: a live preview, then the badge drops and the rows go', async () => {
    await waitFor(async () => (await ext.badge()).text === '3', 'the badge to count 3 articles');
    const row = side.locator('.list > li', { hasText: 'Your horoscope for Monday' });
    await row.locator('.title-btn').click();
    await row.getByRole('button', { name: 'Mute stories like this…' }).click();
    const query = row.getByLabel('Hide articles that match');
    assert.equal(await query.inputValue(), '"your horoscope"');
    await query.fill('horoscope');
    await row.getByText('Would hide 2 stored articles').waitFor();
    await screenshot(side, 'mutes-editor');
    await row.getByRole('button', { name: 'Mute', exact: true }).click();
    await waitFor(async () => (await ext.badge()).text === '1', 'the badge to drop to 1');
    await waitFor(async () => JSON.stringify(await titles()) === JSON.stringify(['Parliament passes budget after late-night vote']), 'the muted rows to go');
  });

  it('"Show muted" shows them dimmed with the rule', async () => {
    await side.getByRole('button', { name: 'Show muted (2)' }).click();
    await waitFor(async () => (await titles()).length === 3, 'the muted rows to show');
    const muted = side.locator('.list > li.muted-row');
    assert.equal(await muted.count(), 2);
    assert.match((await muted.first().textContent()) ?? '', /Muted by horoscope/);
    await screenshot(side, 'mutes-shown');
    await side.getByRole('button', { name: 'Hide muted' }).click();
    await waitFor(async () => (await titles()).length === 1, 'the muted rows to hide again');
  });

  it('editing or removing the rule in the options page brings them back, badge and all', async () => {
    const options = await ext.page('options.html');
    const section = options.locator('#mutes');
    await section.getByText('Hides 2 articles').waitFor();
    await section.getByRole('button', { name: 'Edit' }).click();
    await section.getByLabel('Hide articles that match').fill('title:weekly');
    await section.getByText('Would hide 1 stored article').waitFor();
    await section.getByRole('button', { name: 'Save' }).click();
    // The Monday horoscope comes back (read: opening it read it); the weekly one stays hidden.
    await section.getByText('Hides 1 article').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await titles()).length === 2, 'the Monday horoscope to come back to the sidebar');
    assert.equal((await ext.badge()).text, '1');
    await section.getByRole('button', { name: 'Remove' }).click();
    await waitFor(async () => (await ext.badge()).text === '2', 'the badge to count the weekly horoscope again');
    await waitFor(async () => (await titles()).length === 3, 'every row to be back');
    await options.close();
  });
});
