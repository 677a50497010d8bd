// Sources the user adds, through the real options page of the built extension in Debian's Chromium,
// against the local news server: a windows-1252 feed's name, a relative address, the same feed under
// another spelling, a bad OPML file, synced storage refusing a topic, a redirect loop; and the
// production manifest, which must not ask for the local server's hosts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, removeAllSources, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InPage, InWorker } from './scopes';

const LOCAL = ['http://127.0.0.1/*', 'http://localhost/*'];
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

describe('manifests', () => {
  it('the production build does not ask for 127.0.0.1 or localhost; the e2e build does', () => {
    const prod = '.output/chrome-mv3';
    assert.ok(fs.existsSync(path.join(prod, 'manifest.json')), 'run npm run build first');
    const hosts: string[] = manifest(prod).host_permissions;
    assert.ok(hosts.length > 0 && hosts.every((h) => h.startsWith('https://')), `production hosts: ${hosts.join(', ')}`);
    for (const h of LOCAL) assert.ok(!hosts.includes(h), `${h} in the production manifest`);
    const e2e: string[] = manifest('.output/chrome-mv3-e2e').host_permissions;
    for (const h of LOCAL) assert.ok(e2e.includes(h), `${h} missing from the e2e manifest`);
    // The Firefox store build too, when it is there (npm test builds it).
    if (fs.existsSync('.output/firefox-mv3/manifest.json')) {
      const ff: string[] = manifest('.output/firefox-mv3').host_permissions;
      for (const h of LOCAL) assert.ok(!ff.includes(h), `${h} in the Firefox production manifest`);
    }
  });
});

let ext: Extension;
let srv: NewsServer;
let options: Page;

const rss = (title: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link>${extra}
<item><guid>${title}-1</guid><title>${title} story</title><link>http://127.0.0.1/${encodeURIComponent(title)}/1</link></item>
</channel></rss>`;

const field = () => options.getByLabel('Feed or website address');
const fieldError = async () => (await options.locator('#source-url-error').textContent()) ?? '';
async function submit(address: string): Promise<void> {
  await field().fill(address);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
}

describe('sources the user adds, in the options page', () => {
  before(async () => {
    srv = await startNewsServer();
    ext = await launchExtension();
    // Only this test's sources: the built-in ones would go to the internet.
    await removeAllSources(ext);
    options = await ext.page('options.html');
    await options.getByRole('heading', { level: 1 }).waitFor();
  });
  after(async () => {
    await ext?.close();
    await srv?.close();
  });

  it('adds a windows-1252 feed with its name right', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('Z'),
      Buffer.from([0xfc]), Buffer.from('rich'), Buffer.from([0x94, 0x20, 0x96]), Buffer.from(' News</title><item><guid>c1</guid><title>x</title></item></channel></rss>'),
    ]);
    srv.route('/cp1252.xml', { body: bytes, headers: { 'content-type': 'application/rss+xml; charset=windows-1252' } });
    await submit(srv.url('/cp1252.xml'));
    const row = options.locator('.source-table tbody tr:not(.details-row)', { hasText: 'News' });
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.locator('th.col-name').textContent(), 'Café “Zürich” – News');
    await waitFor(async () => (await field().inputValue()) === '', 'the form to clear after adding');
  });

  it('says a full address is needed for a relative one, and keeps what was typed', async () => {
    for (const typed of ['/feed.xml', './rss']) {
      await submit(typed);
      await waitFor(async () => /A full address is needed/.test(await fieldError()), `the error for ${typed}`);
      assert.equal(await field().inputValue(), typed);
      assert.equal(await field().getAttribute('aria-invalid'), 'true');
    }
    assert.equal(await options.locator('.source-table tbody tr:not(.details-row)').count(), 1);
  });

  it('refuses the same feed under another spelling: localhost, a slash, tracking, the redirect, the self link', async () => {
    srv.route('/wire.xml', { body: rss('Wire', `<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="${srv.url('/wire.xml')}"/>`) });
    srv.route('/go/wire', { status: 301, headers: { location: '/wire.xml' }, body: '' });
    srv.route('/mirror.xml', { body: rss('Mirror of wire', `<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="${srv.url('/wire.xml')}"/>`) });
    await submit(srv.url('/wire.xml'));
    await options.locator('.source-table tbody tr:not(.details-row)', { hasText: 'Wire' }).waitFor({ timeout: 15_000 });
    await waitFor(async () => (await field().inputValue()) === '', 'the form to clear after adding');
    const spellings = [
      srv.url('/wire.xml').replace('127.0.0.1', 'localhost'),
      `${srv.url('/wire.xml')}/`,
      `${srv.url('/wire.xml')}?utm_source=newsletter&utm_medium=email`,
      srv.url('/go/wire'),
      srv.url('/mirror.xml'),
    ];
    for (const s of spellings) {
      await submit(s);
      let last = '';
      await waitFor(async () => /already in your list, as “Wire”/.test((last = await fieldError())), `the duplicate error for ${s}`).catch((e) => {
        throw new Error(`${(e as Error).message}; the field says: ${last}`);
      });
    }
    assert.equal(await options.locator('.source-table tbody tr:not(.details-row)').count(), 2);
    await screenshot(options, 'sources-added-duplicate');
    await field().fill('');
  });

  it('imports the good entries of a bad OPML file and lists the bad ones with the reason', async () => {
    srv.route('/opml-a.xml', { body: rss('Opml A') });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opml-')), 'feeds.opml');
    fs.writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Opml A" xmlUrl="${srv.url('/opml-a.xml')}"/>
      <outline text="Wire again" xmlUrl="${srv.url('/wire.xml').replace('127.0.0.1', 'localhost')}"/>
      <outline text="Relative" xmlUrl="/feed.xml"/>
      <outline text="Script" xmlUrl="javascript:alert(1)"/>
    </body></opml>`);
    await options.locator('input[type=file][accept^=".opml"]').setInputFiles(file);
    await options.getByText('This file lists 1 new feed; 1 is already in your list and 2 cannot be imported.').waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const report = options.locator('.opml-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    assert.match(text, /Imported 1 feeds; 1 already in your list were skipped; 2 could not be imported/);
    assert.match(text, /Relative \(\/feed\.xml\): a full address is needed/);
    assert.match(text, /Script \(javascript:alert\(1\)\): this is not a web address/);
    assert.match(text, /Wire again, as “Wire”/);
    await options.locator('.source-table tbody tr:not(.details-row)', { hasText: 'Opml A' }).waitFor();
    assert.equal(await options.locator('.source-table tbody tr:not(.details-row)').count(), 3);
    await screenshot(options, 'sources-added-opml');
  });

  it('says next to the query when synced storage is full, keeping the topic as typed', async () => {
    // Fill storage.sync close to its 100 KB quota, as many long topics would.
    await options.evaluate(async () => {
      const sync = (globalThis as InPage).chrome.storage.sync;
      const filler: Record<string, string> = {};
      for (let i = 0; i < 12; i++) filler[`filler:${i}`] = 'x'.repeat(8100);
      await sync.set(filler);
      // Leave less room than one more topic needs.
      const room = sync.QUOTA_BYTES - (await sync.getBytesInUse(null));
      await sync.set({ 'filler:12': 'x'.repeat(Math.max(1, room - 'filler:12'.length - 2 - 60)) });
    });
    await options.getByRole('button', { name: 'Add topic' }).click();
    await options.getByLabel('Name', { exact: true }).fill('Storms');
    const query = options.getByLabel('Look for');
    await query.fill('storm OR gale OR "coastal flooding"');
    await options.getByRole('button', { name: 'Add topic' }).first().click();
    const describedBy = await waitFor(async () => {
      const ids = (await query.getAttribute('aria-describedby')) ?? '';
      return ids.includes('-error') ? ids : null;
    }, 'the quota error next to the query');
    const errorId = describedBy!.split(' ').find((x) => x.endsWith('-error'))!;
    const words = (await options.locator(`#${errorId}`).textContent()) ?? '';
    assert.match(words, /synced storage for settings and topics is full.*nothing was saved.*Remove or shorten some topics/i);
    assert.equal(await query.inputValue(), 'storm OR gale OR "coastal flooding"');
    assert.equal(await options.getByLabel('Name', { exact: true }).inputValue(), 'Storms');
    await screenshot(options, 'sources-added-quota');
    await options.evaluate(() => (globalThis as InPage).chrome.storage.sync.remove(Array.from({ length: 13 }, (_, i) => `filler:${i}`)));
    await options.getByRole('button', { name: 'Cancel' }).first().click();
  });

  it('reports a redirect loop as a redirect loop, in the source row', async () => {
    srv.route('/loop-a', { status: 302, headers: { location: '/loop-b' }, body: '' });
    srv.route('/loop-b', { status: 302, headers: { location: '/loop-a' }, body: '' });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'Loop', url }), srv.url('/loop-a'));
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    const stored = await ext.bg(async (id: string) => (await (globalThis as InWorker).newsbar.listSources()).find((s) => s.id === id), src.id);
    assert.ok(stored, 'the source is stored');
    assert.deepEqual(stored.problem, { code: 'redirectLoop' });
    await options.reload();
    // The source manager shows a source's last problem in its details, under its row.
    await options.locator('.source-table tbody tr:not(.details-row)', { hasText: 'Loop' }).locator('th.col-name button').click();
    const error = options.locator('.details-row .source-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /redirect loop/);
    assert.doesNotMatch((await error.textContent()) ?? '', /offline/);
  });
});
