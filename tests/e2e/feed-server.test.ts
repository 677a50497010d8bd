// Newsbar as a client of a real FreshRSS on 127.0.0.1 (Google Reader API), in Debian's Chromium,
// through the options page as a person does it: a wrong password first (refused, in words), then
// connected; the server's feeds, folders, items, read and starred states arrive; reading and starring
// in the sidebar reach the server; a change on the server reaches Newsbar; a feed added, renamed,
// moved and removed in the options page follows on the server; the server stopped
// mid-session with the worker killed while a change waits, then back: nothing lost; an idle sync's
// requests counted. Fails loudly when FreshRSS cannot start.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, waitFor, type Extension } from './harness';
import { axeViolations } from './axe';
import { READ, rssFeed, startFreshRss, STARRED, type FreshRss } from './freshrss';
import type { InWorker } from './scopes';

let ext: Extension;
let fr: FreshRss;

const WIRE = [
  { slug: 'harbour-bridge-reopens', title: 'Harbour bridge reopens after repairs', ago: 10 },
  { slug: 'ferry-timetable-winter', title: 'Winter ferry timetable published', ago: 20 },
  { slug: 'fish-market-moves', title: 'Fish market moves to the old docks', ago: 30 },
];
const BAY = [{ slug: 'bay-swim-race', title: 'Annual bay swim race draws a record field', ago: 12 }];
const BLOG = [
  { slug: 'hill-walk-guide', title: 'A guide to the hill walks above town', ago: 15 },
  { slug: 'garden-frost-tips', title: 'Protecting garden plants from early frost', ago: 25 },
];

type Snapshot = { items: Array<{ title: string; read: number; starred: number }> };
const snapshot = () => ext.bg(() => (globalThis as InWorker).newsbar.storeSnapshot()) as Promise<Snapshot>;
const local = async (title: string) => (await snapshot()).items.find((it) => it.title === title);
const syncNow = () => ext.bg(() => (globalThis as InWorker).newsbar.syncNow());
const onServer = async (title: string) => (await fr.items()).find((it) => it.title === title);

describe('sync with a real FreshRSS', { timeout: 180_000 }, () => {
  before(async () => {
    fr = await startFreshRss({});
    // The feeds name their items by this server's own address.
    const write = (name: string, title: string, items: typeof WIRE) => {
      const body = rssFeed(title, `${fr.feedBase}/${name}`, items);
      return import('node:fs').then((fs) => fs.writeFileSync(`${fr.feedsDir}/${name}.xml`, body));
    };
    await write('wire', 'Harbour Wire', WIRE);
    await write('blog', 'Hill Blog', BLOG);
    await write('bay', 'Bay Notes', BAY);
    const wire = JSON.parse(await fr.call('subscription/quickadd', [['quickadd', `${fr.feedBase}/wire.xml`]])) as { streamId: string };
    await fr.call('subscription/quickadd', [['quickadd', `${fr.feedBase}/blog.xml`]]);
    await fr.call('subscription/edit', [['ac', 'edit'], ['s', wire.streamId], ['a', 'user/-/label/Harbour']]);
    const items = await fr.items();
    assert.equal(items.length, 5, 'FreshRSS read both feeds');
    // State made "on another device" before Newsbar connects.
    const id = (title: string) => items.find((it) => it.title === title)!.id;
    await fr.call('edit-tag', [['a', READ], ['i', id(WIRE[2]!.title)]]);
    await fr.call('edit-tag', [['a', STARRED], ['i', id(BLOG[0]!.title)]]);
    ext = await launchExtension();
  });

  after(async () => {
    await ext?.close();
    await fr?.close();
  });

  let options: Page;

  it('a wrong password is refused in words and changes nothing; the right one connects', async () => {
    options = await ext.page('options.html#feed-server');
    const connect = async (password: string) => {
      await options.getByLabel('Server address').fill(fr.api);
      await options.getByLabel('User name').fill(fr.user);
      await options.getByLabel('API password').fill(password);
      await options.getByRole('button', { name: 'Connect' }).click();
    };
    await connect('not-the-password');
    await options.getByText('The server refused the user name or API password.').waitFor();
    assert.deepEqual(await axeViolations(options), [], 'the section with its error is accessible');
    await options.locator('#feed-server').scrollIntoViewIfNeeded();
    await screenshot(options, 'feed-server-refused');
    assert.equal(await ext.bg(() => (globalThis as InWorker).chrome.storage.local.get(['feedServer', 'feedServerSecret']).then((v) => Object.keys(v).length)), 0);
    await connect(fr.apiPassword);
    await options.getByText(`Connected as alice to ${new URL(fr.api).host}`).waitFor();
    assert.equal(await options.getByLabel('API password').count(), 0, 'the password is not shown again');
    assert.deepEqual(await axeViolations(options), []);
    await screenshot(options, 'feed-server-connected');
  });

  it("the server's feeds become sources in their folders, with items and states", async () => {
    await syncNow();
    const sources = await ext.bg(() => (globalThis as InWorker).newsbar.listSources());
    const server = sources.filter((s) => s.server).map((s) => [s.name, s.folder ?? '']).sort();
    assert.deepEqual(server, [['Harbour Wire', 'Harbour'], ['Hill Blog', 'Uncategorized']]);
    const snap = await snapshot();
    for (const it of [...WIRE, ...BLOG]) assert.ok(snap.items.some((x) => x.title === it.title), `${it.title} stored`);
    assert.equal((await local(WIRE[2]!.title))?.read, 1);
    assert.equal((await local(BLOG[0]!.title))?.starred, 1);
    assert.equal((await local(WIRE[0]!.title))?.read, 0);
    // The badge counts server items as any: 4 unread.
    assert.equal((await ext.badge()).text, '4');
    await options.reload();
    await options.getByTestId('server-last-sync').getByText(/Last synced/).waitFor();
    // The source manager marks them as the server's.
    assert.equal(await options.locator('tr', { hasText: 'Harbour Wire' }).locator('.col-kind').innerText().then((x) => x.includes('(feed server)')), true);
  });

  let side: Page;

  it('reading and starring in the sidebar reach the server', async () => {
    side = await ext.page('sidepanel.html');
    await side.getByRole('button', { name: `Mark read: ${WIRE[0]!.title}` }).click();
    await side.getByRole('button', { name: `Star: ${WIRE[1]!.title}` }).click();
    await waitFor(async () => (await local(WIRE[1]!.title))?.starred === 1 || undefined, 'the star stored');
    await syncNow();
    assert.equal((await onServer(WIRE[0]!.title))?.read, true);
    assert.equal((await onServer(WIRE[1]!.title))?.starred, true);
  });

  it('a change on the server reaches Newsbar, and an idle sync makes at most 3 requests', async () => {
    const id = (await onServer(BLOG[1]!.title))!.id;
    await fr.call('edit-tag', [['a', READ], ['i', id]]);
    await syncNow();
    assert.equal((await local(BLOG[1]!.title))?.read, 1);
    const idle = await syncNow();
    assert.ok(idle.requests <= 3, `idle sync made ${idle.requests} requests`);
    assert.equal(idle.newIds.length + idle.sent + idle.flagsTaken, 0);
  });

  it('a feed added in the options page while connected is subscribed on the server, its items stored once', async () => {
    await options.getByLabel('Feed or website address').fill(`${fr.feedBase}/bay.xml`);
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('Added Bay Notes').waitFor();
    // Polled here at once as a new source, then subscribed there on the next sync.
    await waitFor(async () => (await local(BAY[0]!.title)) ?? undefined, 'the new feed polled');
    await syncNow();
    const subs = JSON.parse(await fr.call('subscription/list?output=json')) as { subscriptions: Array<{ id: string; url: string; title: string }> };
    const bay = subs.subscriptions.find((x) => x.url === `${fr.feedBase}/bay.xml`);
    assert.ok(bay, 'FreshRSS has the feed');
    const sources = await ext.bg(() => (globalThis as InWorker).newsbar.listSources());
    assert.equal(sources.find((x) => x.name === 'Bay Notes')?.server, bay.id);
    await syncNow();
    assert.ok(await onServer(BAY[0]!.title), "FreshRSS read the feed's item");
    assert.equal((await snapshot()).items.filter((it) => it.title === BAY[0]!.title).length, 1, 'stored once');
    // Marked read here, sent there.
    await side.reload();
    await side.getByRole('button', { name: `Mark read: ${BAY[0]!.title}` }).click();
    await waitFor(async () => (await local(BAY[0]!.title))?.read === 1 || undefined, 'the read stored');
    await syncNow();
    assert.equal((await onServer(BAY[0]!.title))?.read, true);
  });

  it('server stopped mid-session, a change made and the worker killed, server back: nothing lost', async () => {
    await fr.stop();
    await side.reload();
    await side.getByRole('button', { name: `Mark read: ${WIRE[1]!.title}` }).click();
    await waitFor(async () => (await local(WIRE[1]!.title))?.read === 1 || undefined, 'the read stored');
    const failed = await ext.bg(() => (globalThis as InWorker).newsbar.syncNow().then(() => 'synced', (e: { problem?: { code: string } }) => e.problem?.code ?? String(e)));
    assert.equal(failed, 'unreachable');
    await options.reload();
    await options.getByTestId('server-problem').waitFor();
    await ext.stopWorker();
    await fr.start();
    await ext.wake();
    await syncNow();
    assert.equal((await onServer(WIRE[1]!.title))?.read, true);
    assert.equal((await local(WIRE[1]!.title))?.read, 1);
    assert.equal((await snapshot()).items.length, 6);
    await options.reload();
    await options.getByText(/Connected as alice/).waitFor();
    assert.equal(await options.getByTestId('server-problem').count(), 0);
  });

  it('a new API password on the server: refused in words, the new one typed in, the sync goes on', async () => {
    await fr.setApiPassword('alice-new-api-pass');
    const failed = await ext.bg(() => (globalThis as InWorker).newsbar.syncNow().then(() => 'synced', (e: { problem?: { code: string } }) => e.problem?.code ?? String(e)));
    assert.equal(failed, 'serverRefused');
    await options.reload();
    await options.getByTestId('server-problem').getByText('The server refused the user name or API password.').waitFor();
    await options.getByLabel('API password').fill(fr.apiPassword);
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await waitFor(async () => (await options.getByTestId('server-problem').count()) === 0 || undefined, 'the problem gone');
    const r = await syncNow();
    assert.equal(r.newIds.length, 0, 'went on from the last sync: nothing fetched again');
    assert.equal((await snapshot()).items.length, 6);
  });

  it("the sidebar's Mark all read reaches the server through its own call", async () => {
    await side.reload();
    assert.ok((await fr.items()).some((it) => !it.read), 'something unread on the server');
    await side.getByRole('button', { name: 'Mark all read' }).click();
    await waitFor(async () => (await snapshot()).items.every((it) => it.read === 1) || undefined, 'all read here');
    await syncNow();
    assert.deepEqual((await fr.items()).filter((it) => !it.read).map((it) => it.title), []);
    assert.equal((await ext.badge()).text, '');
  });

  it('renaming, moving and removing a server source in the options page does the same on the server', async () => {
    type Subs = { subscriptions: Array<{ id: string; url: string; title: string; categories: Array<{ label: string }> }> };
    const serverSubs = async () => (JSON.parse(await fr.call('subscription/list?output=json')) as Subs).subscriptions;
    const details = () => options.locator('.source', { hasText: 'Hill' });
    await options.getByRole('button', { name: 'Hill Blog', exact: true }).click();
    await details().getByRole('button', { name: 'Rename' }).click();
    await details().getByLabel('New name').fill('Hill Notes');
    await details().getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await ext.bg(() => (globalThis as InWorker).newsbar.listSources())).some((x) => x.name === 'Hill Notes') || undefined, 'renamed here');
    await details().getByRole('button', { name: 'Folder…' }).click();
    await details().getByLabel('Folder', { exact: true }).fill('Reading');
    await details().getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await ext.bg(() => (globalThis as InWorker).newsbar.listSources())).some((x) => x.folder === 'Reading') || undefined, 'moved here');
    await syncNow();
    const blog = (await serverSubs()).find((x) => x.url === `${fr.feedBase}/blog.xml`);
    assert.equal(blog?.title, 'Hill Notes');
    assert.deepEqual(blog?.categories.map((c) => c.label), ['Reading']);
    // Removed here (after the page's Undo time): unsubscribed there.
    await options.getByRole('button', { name: 'Bay Notes', exact: true }).click();
    await options.locator('.source', { hasText: 'Bay Notes' }).getByRole('button', { name: 'Remove' }).click();
    await waitFor(async () => !(await ext.bg(() => (globalThis as InWorker).newsbar.listSources())).some((x) => x.name === 'Bay Notes') || undefined, 'removed here', 20_000);
    await syncNow();
    assert.equal((await serverSubs()).some((x) => x.url === `${fr.feedBase}/bay.xml`), false);
    assert.equal((await syncNow()).requests <= 3, true, 'idle again');
  });

  it('disconnect keeps the sources as local ones when asked', async () => {
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await options.getByRole('button', { name: 'Keep them as local sources' }).click();
    await options.getByLabel('Server address').waitFor();
    const sources = await ext.bg(() => (globalThis as InWorker).newsbar.listSources());
    const names = sources.filter((s) => s.name === 'Harbour Wire' || s.name === 'Hill Notes');
    assert.equal(names.length, 2);
    assert.ok(sources.every((s) => !s.server));
    assert.equal((await snapshot()).items.length, 5);
    const stored = await ext.bg(() => (globalThis as InWorker).chrome.storage.local.get(['feedServer', 'feedServerSecret']));
    assert.deepEqual(stored, {});
    // Fetched by Newsbar itself from now on: the feed's own items are the server's copies, not new ones.
    const t0 = Date.now();
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    const polled = (await ext.bg(() => (globalThis as InWorker).newsbar.listSources())).filter((s) => names.some((n) => n.id === s.id));
    assert.ok(polled.every((s) => (s.lastSuccessAt ?? 0) >= t0 && !s.relinkByUrl), 'fetched by Newsbar');
    const after = (await snapshot()).items;
    assert.equal(after.length, 5);
    assert.ok(after.every((it) => it.read === 1), 'still read');
  });
});
