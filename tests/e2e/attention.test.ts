// Alerts that respect attention, end to end in Debian's Chromium: two feeds carrying the same 30
// stories give one row per story and one summary notification; reading an item in the sidebar clears
// its notification; quiet hours hold alerts and one digest follows; a summary opens its topic; the
// sidebar snoozes alerts and says so. Notifications are read with chrome.notifications.getAll in
// the worker.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';
import type { Settings } from '../../utils/model';

let ext: Extension;
let srv: NewsServer;

type Story = { guid: string; title: string; link: string; minAgo: number };
const rss = (name: string, items: Story[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${i.link}</link><pubDate>${new Date(Date.now() - i.minAgo * 60_000).toUTCString()}</pubDate><description>About ${i.title}</description></item>`).join('\n')}
</channel></rss>`;
const stories = (prefix: string, n: number, title: (i: number) => string, link: (i: number) => string): Story[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: title(i), link: link(i), minAgo: i + 1 }));

const shown = async () => Object.keys(await ext.bg(() => new Promise<Record<string, boolean>>((r) => (globalThis as InWorker).chrome.notifications.getAll(r))));
const clearAll = async () => ext.bg(async () => {
  const c = (globalThis as InWorker).chrome;
  for (const id of Object.keys(await new Promise<Record<string, boolean>>((r) => c.notifications.getAll(r)))) await c.notifications.clear(id);
});
const addSource = (name: string, path: string) => ext.bg((s: { name: string; url: string }) => (globalThis as InWorker).newsbar.addSource(s), { name, url: srv.url(path) }) as Promise<{ id: string }>;
const poll = (sourceId?: string) => ext.bg((id?: string) => (globalThis as InWorker).newsbar.pollNow(id), sourceId);
const setSettings = (patch: Record<string, unknown>) => ext.bg(async (p: Record<string, unknown>) => {
  const c = (globalThis as InWorker).chrome;
  const cur = (await c.storage.sync.get('settings')).settings ?? {};
  await c.storage.sync.set({ settings: { ...cur, ...p } });
}, patch);
const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

before(async () => {
  srv = await startNewsServer();
  ext = await launchExtension({ viewport: { width: 400, height: 800 } });
  await ext.bg(async () => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    // One topic that notifies, matching every story of these tests.
    const topic = { id: 'storms', name: 'Storms', query: 'storm', sourceIds: [], notify: true, breaking: false, createdAt: 0 };
    await (globalThis as InWorker).chrome.storage.sync.set({ 'topic:storms': topic, topicIds: ['storms'] });
  });
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('alerts that respect attention', { timeout: 60_000 }, () => {
  it('two feeds with the same 30 stories: 30 rows naming both sources, one summary notification, badge 30', async () => {
    const same = (p: string) => stories(p, 30, (i) => `Storm report number ${i} from the coast`, (i) => `http://127.0.0.1/story/${i}`);
    srv.route('/wire-a.rss', { body: rss('Wire A', same('a')) });
    srv.route('/wire-b.rss', { body: rss('Wire B', same('b')) });
    await addSource('Wire A', '/wire-a.rss');
    await addSource('Wire B', '/wire-b.rss');
    await poll();
    const ids = await shown();
    assert.equal(ids.length, 1, `one notification: ${ids}`);
    assert.match(ids[0], /^nb-topic:storms:/);
    assert.equal((await ext.badge()).text, '30');
    // Polled again (both feeds, new guids would change nothing either): nothing new.
    await poll();
    assert.deepEqual(await shown(), ids);
    assert.equal((await ext.badge()).text, '30');
    const page = await ext.page('sidepanel.html');
    await page.locator('.list > li').first().waitFor();
    const source = await page.locator('.list > li .source').first().textContent();
    assert.match(source ?? '', /Wire A, also Wire B|Wire B, also Wire A/);
    await page.close();
    await clearAll();
  });

  it('the same story under a new guid and link-less title twin does not notify again', async () => {
    srv.route('/wire-c.rss', { body: rss('Wire C', [
      { guid: 'c-new-guid', title: 'Storm report number 3 from the coast', link: 'http://127.0.0.1/story/3', minAgo: 1 },
      { guid: 'c-title', title: 'STORM report number 4 — from the coast!', link: 'http://127.0.0.1/elsewhere/4', minAgo: 1 },
    ]) });
    const c = await addSource('Wire C', '/wire-c.rss');
    await poll(c.id);
    assert.deepEqual(await shown(), []);
  });

  it('an item read in the sidebar clears its notification', async () => {
    srv.route('/wire-d.rss', { body: rss('Wire D', stories('d', 2, (i) => `Storm warning ${i} for the valley`, (i) => `http://127.0.0.1/valley/${i}`)) });
    const d = await addSource('Wire D', '/wire-d.rss');
    await poll(d.id);
    const ids = await shown();
    assert.equal(ids.length, 2, `two item notifications: ${ids}`);
    assert.ok(ids.every((id) => id.startsWith('nb-item:')));
    const page = await ext.page('sidepanel.html');
    const row = page.locator('.list > li', { hasText: 'Storm warning 0 for the valley' });
    await row.getByRole('button', { name: /Mark read/ }).click();
    await waitFor(async () => (await shown()).length === 1, 'the read item\'s notification to go');
    await page.close();
    await clearAll();
  });

  it('quiet hours hold alerts; one digest when they end', async () => {
    const now = new Date();
    await setSettings({ quietStart: hhmm(new Date(now.getTime() - 3600_000)), quietEnd: hhmm(new Date(now.getTime() + 3600_000)) });
    srv.route('/wire-e.rss', { body: rss('Wire E', stories('e', 3, (i) => `Night storm ${i} over the hills`, (i) => `http://127.0.0.1/night/${i}`)) });
    const e = await addSource('Wire E', '/wire-e.rss');
    await poll(e.id);
    assert.deepEqual(await shown(), []);
    await setSettings({ quietStart: '00:00', quietEnd: '00:00' });
    const ids = await waitFor(async () => {
      const s = await shown();
      return s.length > 0 ? s : null;
    }, 'the digest') as string[];
    assert.equal(ids.length, 1);
    assert.match(ids[0], /^nb-digest:storms:/);
    // Said once: the next poll sends no second digest.
    await poll(e.id);
    assert.equal((await shown()).length, 1);
    await clearAll();
  });

  it('a summary opens the sidebar on its topic; the sidebar snoozes alerts and shows until when', async () => {
    const page = await ext.page('sidepanel.html?topic=storms');
    await waitFor(async () => (await page.locator('#list-h').textContent()) === 'Storms', 'the topic filter');
    await page.getByRole('group', { name: 'Snooze alerts' }).or(page.locator('summary[aria-label="Snooze alerts"]')).first().click();
    await page.getByRole('button', { name: 'For 1 hour' }).click();
    const chip = page.locator('.snooze-chip');
    await chip.waitFor();
    assert.match((await chip.textContent()) ?? '', /Alerts snoozed until/);
    const until = await ext.bg(async () => ((await (globalThis as InWorker).chrome.storage.sync.get('settings')).settings as Settings).snoozeUntil);
    assert.ok(until > Date.now() + 50 * 60_000, 'snoozed for about an hour');
    await chip.getByRole('button', { name: 'Turn alerts back on' }).click();
    await chip.waitFor({ state: 'detached' });
    assert.equal(await ext.bg(async () => ((await (globalThis as InWorker).chrome.storage.sync.get('settings')).settings as Settings).snoozeUntil), 0);
    await page.close();
  });
});
