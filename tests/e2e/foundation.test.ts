// The ingestion path in the real built extension in Debian's Chromium: a feed on the local news
// server lands in IndexedDB and on the badge; alarms drive polls; a worker killed mid-poll loses
// and duplicates nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;

const rss = (n: number, prefix: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${prefix} feed</title><link>http://127.0.0.1/</link>
${Array.from({ length: n }, (_, i) => `<item><guid>${prefix}-${i}</guid><title>${extra}${prefix} story ${i}</title><link>http://127.0.0.1/${prefix}/${i}</link><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>About ${prefix} ${i}</description></item>`).join('\n')}
</channel></rss>`;

const bgSources = () => ext.bg(() => (globalThis as InWorker).newsbar.listSources()) as Promise<Array<{ id: string; name: string; url: string; health: string; problem?: { code: string; status?: number }; itemCount?: number }>>;

/** Items of one source, read straight from the extension's IndexedDB in the worker. */
const itemsOf = (sourceId: string) =>
  ext.bg(
    (id: string) =>
      new Promise<Array<{ id: string; title: string }>>((resolve, reject) => {
        const req = indexedDB.open('newsbar');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          // Records as stored (utils/db/items/item-record.ts): the id is the key, the title `t`, the source a number.
          const { fromRecord, sourceItemsRange } = (globalThis as unknown as InWorker).newsbar.itemRecord;
          const all = db.transaction('items').objectStore('items').index('bySource').getAll(sourceItemsRange(id));
          all.onsuccess = () => {
            resolve(all.result.map((r) => fromRecord(r)).map((i) => ({ id: i.id, title: i.title })));
            db.close();
          };
        };
      }),
    sourceId,
  );

before(async () => {
  srv = await startNewsServer();
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('foundation', () => {
  it('installs with the poll alarm and the side panel on the toolbar button, and adds no source by itself', async () => {
    const alarm = await ext.bg(() => (globalThis as InWorker).chrome.alarms.get('poll'));
    assert.equal(alarm?.periodInMinutes, 1);
    // The starter packs are offered in the sidebar's welcome instead.
    assert.deepEqual(await bgSources(), []);
    const behaviour = await ext.bg(() => (globalThis as InWorker).chrome.sidePanel.getPanelBehavior());
    assert.equal(behaviour.openPanelOnActionClick, true);
  });

  it('polls a feed from the local server into IndexedDB and counts it on the badge', async () => {
    srv.route('/world.xml', { body: rss(3, 'world') });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'World', url }), srv.url('/world.xml'));
    const out = await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    assert.equal(out[0].kind, 'stored');
    assert.deepEqual((await itemsOf(src.id)).map((i) => i.title).sort(), ['world story 0', 'world story 1', 'world story 2']);
    assert.equal((await ext.badge()).text, '3');
    const [s] = (await bgSources()).filter((x) => x.id === src.id);
    assert.equal(s.health, 'ok');
    assert.equal(s.itemCount, 3);
  });

  it('shows a failing source in plain words and goes on with the others', async () => {
    srv.route('/gone.xml', { status: 404, body: 'no' });
    srv.route('/page.html', { body: '<!doctype html><html><head><title>Home</title></head><body>Hi</body></html>', headers: { 'content-type': 'text/html' } });
    srv.route('/more.xml', { body: rss(2, 'more') });
    for (const [name, p] of [['Gone', '/gone.xml'], ['Page', '/page.html'], ['More', '/more.xml']]) {
      await ext.bg((a: { name: string; url: string }) => (globalThis as InWorker).newsbar.addSource(a), { name, url: srv.url(p) });
    }
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    const byName = Object.fromEntries((await bgSources()).map((s) => [s.name, s]));
    assert.deepEqual(byName.Gone.problem, { code: 'http', status: 404 });
    assert.deepEqual(byName.Page.problem, { code: 'htmlPage' });
    assert.equal(byName.More.health, 'ok');
    assert.equal((await ext.badge()).text, '5');
  });

  it('turns the badge to the breaking colour for a breaking item', async () => {
    srv.route('/live.xml', { body: rss(1, 'live', 'BREAKING: ') });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'Live', url }), srv.url('/live.xml'));
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    const badge = await ext.badge();
    assert.equal(badge.text, '6');
    assert.deepEqual(badge.color, [196, 30, 58, 255]);
  });

  it('the alarm drives polls on its own', async () => {
    srv.route('/alarm.xml', { body: rss(2, 'alarm') });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'Alarm', url }), srv.url('/alarm.xml'));
    // Unpacked extensions may use short alarm periods: fire every 3 s instead of every minute.
    await ext.bg(() => (globalThis as InWorker).chrome.alarms.create('poll', { periodInMinutes: 0.05 }));
    await waitFor(async () => (await itemsOf(src.id)).length === 2, 'the alarm-driven poll', 20_000);
    assert.ok(srv.hits('/alarm.xml') >= 1);
    await ext.bg(() => (globalThis as InWorker).chrome.alarms.create('poll', { periodInMinutes: 1 }));
  });

  it('a worker killed mid-poll loses and duplicates nothing; the next poll carries on', async () => {
    srv.route('/slow.xml', { body: rss(4, 'slow'), delayMs: 4000 });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'Slow', url }), srv.url('/slow.xml'));
    const hitsBefore = srv.hits('/slow.xml');
    void ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id).catch(() => {});
    await waitFor(() => srv.hits('/slow.xml') > hitsBefore, 'the slow fetch to start');
    await ext.stopWorker();
    await ext.wake();
    await new Promise((r) => setTimeout(r, 4500)); // the server answers to a dead worker
    assert.equal((await itemsOf(src.id)).length, 0, 'nothing half-written');
    srv.route('/slow.xml', { body: rss(4, 'slow') });
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    const items = await itemsOf(src.id);
    assert.equal(items.length, 4);
    assert.equal(new Set(items.map((i) => i.id)).size, 4);
    // Everything stored before the kill is still there.
    assert.equal((await ext.badge()).text, '12');
  });

  it('a restarted worker loads the parsers only when a poll reads a feed', async () => {
    srv.route('/after-wake.xml', { body: rss(3, 'wake') });
    const src = await ext.bg((url: string) => (globalThis as InWorker).newsbar.addSource({ name: 'After wake', url }), srv.url('/after-wake.xml'));
    await ext.stopWorker();
    await ext.wake();
    const loaded = () => ext.bg(() => '__newsbarParsers' in globalThis);
    assert.equal(await loaded(), false, 'a wake without a feed to read leaves the parsers out');
    await ext.bg((id: string) => (globalThis as InWorker).newsbar.pollNow(id), src.id);
    assert.equal((await itemsOf(src.id)).length, 3, 'the feed read by the parsers imported after the restart');
    assert.equal(await loaded(), true);
  });
});

describe('builds', () => {
  it('the Firefox build opens the same page as its sidebar and keeps browser.action (MV3)', () => {
    const file = '.output/firefox-mv3/manifest.json';
    assert.ok(fs.existsSync(file), 'run npm run build:firefox first');
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(m.manifest_version, 3);
    assert.equal(m.sidebar_action.default_panel, 'sidepanel.html');
    assert.ok(m.action);
    assert.deepEqual(m.background.scripts, ['background.js']);
  });
});
