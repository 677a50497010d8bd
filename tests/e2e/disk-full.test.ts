// A full disk, in real Chromium. The issue asked for the DevTools protocol's quota override
// (Storage.overrideQuotaForOrigin); Chromium 156 registers it for a chrome-extension origin
// (Storage.getUsageAndQuota reports it active) but enforces none of it: the extension's quota is the
// disk's free space, and writes past the override succeed (tried from a page session, with and
// without a trailing slash; a browser-level session refuses the call). The override is still sent
// first, and used if a write past it is refused; otherwise the disk is made full for real: the
// profile lives on a 96 MB tmpfs and a filler file takes all but 24 KB of it; lifting deletes the
// filler. Mounting needs root: the test checks that first and fails, never skips, without it.
// On that full disk Chromium closes the database connection mid-poll; Newsbar counts that as a
// refusal and goes on through a new connection. It says so in one visible line, keeps the badge what
// the store holds, tries every source, keeps a mark-read made meanwhile across a reload, and once
// there is room again stores every refused item within a minute, exactly once, with exact counters.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InPage, InWorker } from './scopes';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The small disk the profile lives on (mounting needs root). */
const DISK = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-disk-'));
const FILLER = path.join(DISK, 'filler');
let mounted = false;
function mountSmallDisk(): void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', DISK], { stdio: ['ignore', 'ignore', 'pipe'] });
    mounted = true;
  } catch (e) {
    fs.rmSync(DISK, { recursive: true, force: true });
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
    throw new Error(`disk-full.test.ts must mount a 96 MB tmpfs for the profile (run it as root): Chromium does not enforce the DevTools quota override for an extension's origin, so only a really full disk tests Newsbar here. mount said: ${why}`);
  }
}
const freeBytes = () => fs.statfsSync(DISK).bavail * fs.statfsSync(DISK).bsize;

const SOURCES = 40;
let ext: Extension;
let srv: NewsServer;
let cdp: CDPSession;
let control: Page;

/** Source i's feed holding its first n articles (newest first); titles share no words across sources. */
function feed(i: number, n: number): string {
  const items = Array.from({ length: n }, (_, j) => n - 1 - j).map((j) => `<item><guid>d${i}-${j}</guid><title>Wire${i} bulletin${j} zq${i}x${j}</title><link>http://example.test/d${i}/${j}</link><description>${'Lorem ipsum dolor sit amet. '.repeat(20)}</description><pubDate>${new Date(Date.now() - (100 - j) * 60_000).toUTCString()}</pubDate></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${i}</title><link>http://example.test/</link>${items.join('')}</channel></rss>`;
}
const serve = (n: number) => { for (let i = 0; i < SOURCES; i++) srv.route(`/d${i}.xml`, { body: feed(i, n) }); };

const snapshot = () => ext.bg(() => (globalThis as InWorker).newsbar.storeSnapshot());

/** The store checked against itself: every article once, and the kept counters equal a recount. */
async function checkStore(): Promise<{ items: number; unread: number }> {
  const { items, counters } = await snapshot();
  const titles = items.map((i) => i.title);
  assert.equal(new Set(titles).size, titles.length, 'no article stored twice');
  const all = counters.find((c) => c.key === 'all');
  const unread = items.filter((i) => i.read === 0).length;
  assert.deepEqual({ total: all?.total ?? 0, unread: all?.unread ?? 0 }, { total: items.length, unread }, 'the counters equal a recount');
  for (const c of counters.filter((c) => c.key.startsWith('s:'))) {
    const own = items.filter((i) => `s:${i.sourceId}` === c.key);
    assert.deepEqual([c.total, c.unread], [own.length, own.filter((i) => i.read === 0).length], `counter ${c.key}`);
  }
  return { items: items.length, unread };
}

async function badgeMatches(unread: number): Promise<void> {
  const want = unread > 99 ? '99+' : unread > 0 ? String(unread) : '';
  await waitFor(async () => (await ext.badge()).text === want, `the badge to show ${want}`, 10_000);
}

before(async () => {
  // First: without the small disk nothing here can make the disk full (fails loudly, never skips).
  mountSmallDisk();
  srv = await startNewsServer();
  serve(1);
  ext = await launchExtension({ profileParent: DISK });
  await ext.bg(async ({ origin, n }) => {
    const g = globalThis as InWorker;
    const nb = g.newsbar;
    // Stories off: the test counts articles one by one.
    const got = (await g.chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
    await g.chrome.storage.sync.set({ settings: { ...got, groupStories: false } });
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    for (let i = 0; i < n; i++) await nb.addSource({ name: `Wire ${i}`, url: `${origin}/d${i}.xml` });
    await nb.pollNow();
  }, { origin: srv.origin, n: SOURCES });
  control = await ext.page('options.html');
  cdp = await ext.context.newCDPSession(control);
});

after(async () => {
  await cdp?.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${ext.id}` }).catch(() => {});
  await ext?.close();
  await srv?.close();
  if (mounted) execFileSync('umount', [DISK]);
  if (mounted) fs.rmSync(DISK, { recursive: true, force: true });
});

/** Does a write of this many bytes still succeed? (A probe record in 'meta', removed again.) */
const writes = (bytes: number) => ext.bg(async (n) => {
  const db = await (globalThis as InWorker).newsbar.getDb();
  try {
    // Random bytes: a repeated letter compresses to nothing on disk.
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
    await db.put('meta', { key: 'disk-probe', value: bytes } as never);
    await db.delete('meta', 'disk-probe' as never);
    return true;
  } catch {
    return false;
  }
}, bytes);

/** Cuts the room to just above what is stored: the quota override, or (not enforced) a full disk. */
async function cut(headroom: number): Promise<string> {
  const usage = await ext.bg(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${ext.id}`, quotaSize: usage + headroom });
  const seen = await cdp.send('Storage.getUsageAndQuota', { origin: `chrome-extension://${ext.id}` });
  if (!(await writes(4 * headroom))) return `quota override (usage ${usage} B, quota ${seen.quota} B)`;
  assert.ok(mounted, 'the small disk is mounted');
  // Chromium lets an unlimited origin (as it treats the extension) use all the disk's free space.
  const keep = Math.max(0, freeBytes() - headroom);
  fs.writeFileSync(FILLER, Buffer.alloc(0));
  const fd = fs.openSync(FILLER, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 1);
  for (let left = keep; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  fs.closeSync(fd);
  // No write probe here: a write that does not fit makes Chromium close the database (and, while the
  // disk stays full, refuse to open it again), before the poll this test is about.
  assert.ok(freeBytes() <= headroom, `the disk is full but ${headroom} B`);
  return `a full disk (override registered: ${seen.overrideActive}, not enforced for the extension; ${freeBytes()} B left on a 96 MB tmpfs)`;
}

async function lift(): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${ext.id}` });
  fs.rmSync(FILLER, { force: true });
}

describe('a full disk', () => {
  it('says so, keeps the badge right and the user\'s mark-read, and recovers every refused item within a minute', async () => {
    const first = await checkStore();
    assert.equal(first.items, SOURCES);
    // The room: just above what is stored now.
    const how = await cut(24 * 1024);
    const estimate = await ext.bg(async () => navigator.storage.estimate());
    console.log(`# room cut by ${how}; the worker's estimate now ${JSON.stringify({ usage: estimate.usage, quota: estimate.quota })}`);

    const opens = () => ext.bg(() => (globalThis as InWorker).newsbar.getDb().then(() => 'opens', (e: Error) => `does not open (${e.name}: ${e.message})`));
    console.log(`# with the disk full, the database ${await opens()}`);
    const sidebar = await ext.page('sidepanel.html');
    await sidebar.waitForSelector('.list > li');
    console.log(`# the sidebar loaded; the database ${await opens()}`);
    // Each feed has three new articles: more than the quota leaves room for.
    serve(4);
    const polled = await ext.bg(() => (globalThis as InWorker).newsbar.pollNow().then((o) => ({ ok: true as const, o }), (e: Error) => ({ ok: false as const, e: `${e.name}: ${e.message}` })));
    assert.ok(polled.ok, `the poll on a full disk ended in ${polled.ok ? '' : polled.e}`);
    const outcomes = polled.o;
    console.log(`# problems: ${JSON.stringify([...new Set(outcomes.map((o) => (o.kind === 'error' ? JSON.stringify(o.problem) : o.kind)))])}`);
    const refused = outcomes.filter((o) => o.kind === 'error' && o.problem.code === 'storageFull').map((o) => o.sourceId);
    const stored = outcomes.filter((o) => o.kind === 'stored').length;
    console.log(`# while full: ${outcomes.length} sources polled, ${stored} stored, ${refused.length} refused`);
    assert.equal(outcomes.length, SOURCES, 'every source was polled');
    for (let i = 0; i < SOURCES; i++) assert.ok(srv.hits(`/d${i}.xml`) >= 2, `source ${i} was fetched`);
    assert.ok(refused.length > 0, 'some sources\' items were refused');

    // The state, the line, and the badge as the store has it.
    const state = await ext.bg(() => (globalThis as InWorker).newsbar.storageState());
    assert.equal(state.full, true);
    assert.deepEqual([...state.refused].sort(), [...refused].sort());
    await sidebar.waitForSelector('.storage-full', { state: 'visible', timeout: 10_000 });
    assert.match((await sidebar.textContent('.storage-full')) ?? '', /no room left for new articles/);
    // Readable: on the first screen, nothing of it cut off, its text not tiny nor faint.
    const line = await sidebar.evaluate(() => {
      const el = (globalThis as InPage).document.querySelector('.storage-full')!;
      const p = el.querySelector('p')!;
      const r = el.getBoundingClientRect();
      const cs = (globalThis as InPage).getComputedStyle(p);
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vw: (globalThis as InPage).innerWidth, vh: (globalThis as InPage).innerHeight, clipped: p.scrollWidth > p.clientWidth || el.scrollHeight > el.clientHeight, font: parseFloat(cs.fontSize), opacity: parseFloat(cs.opacity), color: cs.color };
    });
    console.log(`# the line: ${JSON.stringify(line)}`);
    assert.ok(line.top >= 0 && line.bottom <= line.vh && line.left >= 0 && line.right <= line.vw, 'the line is on the first screen');
    assert.ok(!line.clipped && line.font >= 12 && line.opacity === 1, 'the line is readable');
    assert.ok(await sidebar.getByRole('button', { name: /keep fewer articles/i }).isVisible(), 'its button is shown');
    const options = await ext.page('options.html#keeping');
    await options.waitForSelector('.storage-full', { timeout: 10_000 });
    await options.close();
    // The badge is checked against the store, so the store must be readable while the disk is full.
    const readable = await opens();
    assert.equal(readable, 'opens', `while the disk is full the store must be readable (to check the badge against it, and for a reloaded sidebar's rows), but the database ${readable}. Chromium 156 closes it when a write finds no room and cannot open it again until there is room (docs/RELIABILITY.md, "A full disk")`);
    const during = await checkStore();
    await badgeMatches(during.unread);

    // A mark-read while full: the row shows it, it survives a reload, and reaches the store later.
    const row = sidebar.locator('li.row.unread').first();
    const id = (await row.getAttribute('data-id'))!;
    await row.locator('.actions .icon-btn').nth(1).click();
    await sidebar.waitForSelector(`li.row.read[data-id="${id}"]`);
    const kept = await ext.bg(async () => Object.keys(await (globalThis as InWorker).chrome.storage.local.get(null)).filter((k) => k.startsWith('keptAction:')).length);
    const readNow = (await snapshot()).items.find((i) => i.id === id)?.read;
    console.log(`# mark-read while full: ${kept} kept action(s), the store has read=${readNow}`);
    assert.ok(kept === 1 || readNow === 1, 'the mark-read is kept or stored');
    await sidebar.reload();
    await sidebar.waitForSelector(`li.row.read[data-id="${id}"]`, { timeout: 10_000 });
    await badgeMatches((await checkStore()).unread);

    // Room again: every refused article arrives within a minute, exactly once.
    await lift();
    const t0 = Date.now();
    await waitFor(async () => {
      const s = await ext.bg(() => (globalThis as InWorker).newsbar.storageState());
      return !s.full && (await snapshot()).items.length === SOURCES * 4;
    }, 'every refused article stored and the line cleared', 60_000);
    const took = Date.now() - t0;
    console.log(`# after the quota was lifted: all ${SOURCES * 4} articles stored in ${took} ms`);
    const end = await checkStore();
    assert.equal(end.items, SOURCES * 4);
    assert.equal((await snapshot()).items.find((i) => i.id === id)?.read, 1, 'the mark-read made while full is stored');
    await badgeMatches(end.unread);
    await sidebar.waitForSelector('.storage-full', { state: 'detached', timeout: 10_000 });
    assert.equal(await sidebar.evaluate(() => (globalThis as InPage).document.querySelectorAll('.storage-full').length), 0);
  });
});
