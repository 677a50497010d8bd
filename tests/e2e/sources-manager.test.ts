// The source manager at 500 sources in Debian's Chromium: the compact table, search, status filter,
// bulk pause, failing first from the sidebar's link, OPML import and export with folders,
// axe-core, and screenshots light and dark, narrow and wide (test-results/, for review).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, removeAllSources, type Extension } from './harness';
import { axeViolations } from './axe';
import { seedSources } from '../../scripts/bench/seed-sources';
import type { InWorker } from './scopes';

let ext: Extension;

const rows = (p: Page) => p.locator('.source-table tbody tr:not(.details-row)');

before(async () => {
  ext = await launchExtension({ viewport: { width: 1100, height: 900 } });
  await removeAllSources(ext);
  assert.equal(await seedSources(ext, 500), 500);
});

after(async () => {
  await ext?.close();
});

describe('source manager at 500 sources', () => {
  it('a compact table: a first page of rows, search, status filter, bulk pause', async () => {
    const p = await ext.page('options.html');
    await rows(p).first().waitFor();
    assert.equal(await rows(p).count(), 50);
    assert.match((await p.locator('.manager h3').textContent()) ?? '', /\(500\)/);
    const pageHeight = await p.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(pageHeight < 6000, `the page stays short: ${pageHeight} px`);

    await p.getByRole('searchbox', { name: 'Search sources' }).fill('sport longer');
    const count = () => p.locator('.manager-count').textContent();
    await waitFor(async () => /^17 of 500/.test((await count()) ?? ''), 'the search to find 17');
    assert.deepEqual([...new Set(await rows(p).locator('.col-folder').allTextContents())], ['Sport']);
    await p.getByRole('searchbox', { name: 'Search sources' }).fill('');
    await p.getByLabel('Show', { exact: true }).selectOption('failing');
    await waitFor(async () => /^71 of 500/.test((await p.locator('.manager-count').textContent()) ?? ''), 'the failing filter');
    assert.equal(await rows(p).filter({ hasText: 'Failing' }).count(), 50);

    await p.getByLabel('Show', { exact: true }).selectOption('all');
    await p.getByRole('searchbox', { name: 'Search sources' }).fill('local source 01');
    const picked = await rows(p).count();
    assert.ok(picked > 1);
    await p.getByLabel('Select all shown').check();
    await p.getByRole('group', { name: 'Selected sources' }).getByRole('button', { name: 'Pause' }).click();
    await waitFor(async () => (await rows(p).filter({ hasText: 'Paused' }).count()) + (await rows(p).filter({ hasText: 'Failing' }).count()) === picked, 'the selection paused');
    const paused = await ext.bg(async () => (await (globalThis as InWorker).newsbar.listSources()).filter((s) => !s.enabled).length);
    assert.ok(paused >= picked);
    await p.close();
  });

  it('from the sidebar\'s "sources have a problem": the failing ones first', async () => {
    const p = await ext.page('options.html#sources-failing');
    await rows(p).first().waitFor();
    const statuses = await rows(p).locator('.status-chip').allTextContents();
    assert.ok(statuses.slice(0, 50).every((s) => s === 'Failing'), statuses.slice(0, 5).join());
    await p.close();
  });

  it('axe-core finds nothing; screenshots light and dark, narrow and wide', async () => {
    const p = await ext.page('options.html');
    await rows(p).first().waitFor();
    await p.getByRole('button', { name: /^Many Source 003/ }).click();
    await p.locator('.details-row').waitFor();
    await p.getByLabel('Select Many Source 001').check();
    await p.locator('#sources .manager').scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme: scheme });
      for (const [w, name] of [[1100, 'wide'], [420, 'narrow']] as const) {
        await p.setViewportSize({ width: w, height: 1000 });
        assert.deepEqual(await axeViolations(p), [], `${scheme} ${name}`);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${scheme} ${name}: nothing scrolls sideways (${overflow} px)`);
        await p.locator('#sources .manager').evaluate((el) => el.scrollIntoView());
        await screenshot(p, `options-manager-500-${scheme}-${name}`);
      }
    }
    await p.close();
  });
});

describe('OPML with folders', () => {
  it('imports a reader\'s export into its folders, and exports them back as nested outlines', async () => {
    await ext.bg(async () => {
      const nb = (globalThis as InWorker).newsbar;
      const db = await nb.getDb();
      await db.clear('sources');
      await db.clear('counters');
    });
    const p = await ext.page('options.html');
    await p.locator('#sources .empty').waitFor();
    // The same file with its hosts on 127.0.0.1, which Newsbar may reach without a permission prompt.
    const text = fs.readFileSync(path.resolve('tests/fixtures/opml/reader-export.opml'), 'utf8').replace(/https?:\/\/(\w+)\.example\//g, 'http://127.0.0.1:9/$1/');
    await p.locator('#import-export input[type=file][accept*=opml]').setInputFiles({ name: 'reader-export.opml', mimeType: 'text/x-opml', buffer: Buffer.from(text) });
    await p.getByText(/^This file lists 7 new feeds;/).waitFor();
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await waitFor(async () => (await rows(p).count()) === 7, 'seven imported sources');
    const folder = p.getByLabel('Folder', { exact: true });
    assert.deepEqual(await folder.locator('option').allTextContents(),
      ['All folders', 'Tech & Science (2)', 'World (2)', 'World / Europe (2)', 'No folder']);
    await folder.selectOption('World / Europe');
    assert.deepEqual((await rows(p).locator('th').allTextContents()).sort(), ['Alpine Post', 'Nordic Wire']);

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export OPML' }).click()]);
    const xml = fs.readFileSync((await download.path())!, 'utf8');
    assert.match(xml, /<outline text="World" title="World">\s*<outline[^>]*Harbour Gazette/);
    assert.match(xml, /<outline text="Europe" title="Europe">\s*<outline[^>]*Alpine Post/);
    assert.match(xml, /<outline text="Loose Leaf"[^>]*xmlUrl="http:\/\/127.0.0.1:9\/loose\/index.xml"/);
    await p.close();
  });
});
