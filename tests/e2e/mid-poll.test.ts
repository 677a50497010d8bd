// An open sidebar shows each source's articles as they are stored, while slower sources of the same
// poll are still loading: the user who just added sources or came back online sees the first
// articles at once, and hears one summary when the whole poll is done.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import type { InWorker } from './scopes';

let ext: Extension;
let srv: NewsServer;

const rss = (prefix: string, n: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${prefix}</title><link>http://example.test/</link>${Array.from({ length: n }, (_, i) => `<item><guid>${prefix}-${i}</guid><title>${prefix} headline ${i}</title><link>http://example.test/${prefix}/${i}</link><pubDate>${new Date(Date.now() - (i + 1) * 60_000).toUTCString()}</pubDate></item>`).join('')}</channel></rss>`;

before(async () => {
  srv = await startNewsServer();
  srv.route('/quick.xml', { body: rss('Quick', 5) });
  // The slow site answers after 6 s: the poll is still running when the quick one is shown.
  srv.route('/slow.xml', { body: rss('Slow', 5), delayMs: 6_000 });
  ext = await launchExtension();
  await ext.bg(async ({ origin }) => {
    const nb = (globalThis as InWorker).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    await nb.addSource({ name: 'Quick Wire', url: `${origin}/quick.xml` });
    await nb.addSource({ name: 'Slow Wire', url: `${origin}/slow.xml` });
  }, { origin: srv.origin });
});

after(async () => {
  await ext?.close();
  await srv?.close();
});

describe('articles shown while a poll runs', () => {
  it('the quick source appears while the slow one loads; one summary at the end', async () => {
    const page = await ext.page('sidepanel.html');
    await page.waitForSelector('#app .empty, #app .list');
    const titles = () => page.$$eval('.list .title-btn', (els) => els.map((e) => e.textContent ?? ''));
    // Start the poll without waiting for it.
    void ext.bg(() => (globalThis as InWorker).newsbar.pollNow()).catch(() => {});
    await waitFor(async () => (await titles()).includes('Quick headline 0'), 'the quick source in the list');
    const during = await titles();
    assert.equal(during.filter((t) => t.startsWith('Slow')).length, 0, 'the slow source is not stored yet');
    assert.equal(await page.locator('[role=status]').textContent(), '', 'nothing announced before the poll ends');
    await waitFor(async () => (await titles()).includes('Slow headline 0'), 'the slow source in the list', 20_000);
    await waitFor(async () => (await page.locator('[role=status]').textContent()) === '10 new', 'one summary for the poll');
    await page.close();
  });
});
