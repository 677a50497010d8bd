// `npm run demo`: builds Newsbar, starts the demo news server on 127.0.0.1, and opens Chromium with
// the extension loaded and the demo sources configured: a normal window with the demo's live page in
// its tab, Newsbar's toolbar button pinned and its side panel open beside the page, as a user sees it.
// With --headless (or no display) it runs a few polls, prints what arrived and the badge, saves a
// screenshot of the sidebar and exits.
// With --server it also starts a real FreshRSS on 127.0.0.1 (../shared/servers/freshrss), subscribes
// it to the demo's world feed and connects Newsbar to it: that feed's items and read state then come
// from the server (the window shows FreshRSS's own page beside Newsbar's side panel); the live pages
// and the API source stay Newsbar's own.
// Ctrl-C stops everything it started.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startNewsServer } from './news-server/server';
import { DEMO_SEARCH_TOPIC } from './news-server/demo-search';
import type { Problem } from '../utils/problems';
import '../utils/i18n-english';
import { problemText } from '../utils/problem-text';
import type { BrowserContext } from 'playwright-core';
import { launchExtension, type Extension } from '../tests/e2e/harness';
import { DEMO_WINDOW_ARGS } from './demo-window';
import { startFreshRss, type FreshRss } from '../tests/e2e/freshrss';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || (!process.env.DISPLAY && !args.has('--headed'));
const withServer = args.has('--server');
const UPDATE_SEC = 20;
const DEMO_KEY = 'demo-key-0123456789';

if (!args.has('--no-build')) {
  console.log('Building the extension ...');
  execSync('npm run build:e2e', { stdio: 'inherit' }); // the build that may read the local demo server
}

const srv = await startNewsServer({ port: Number(process.env.DEMO_PORT ?? 0), updateEverySec: UPDATE_SEC, demoApiKey: DEMO_KEY });
console.log(`Demo news server: ${srv.origin}/demo/`);
let ext: Extension | undefined;
let timer: NodeJS.Timeout | undefined;
let freshRss: FreshRss | undefined;

// Ctrl-C reaches the demo twice (from the terminal and relayed by tsx): the second waits for the first.
let stopping: Promise<never> | undefined;
function stop(code = 0): Promise<never> {
  stopping ??= (async () => {
    if (timer) clearInterval(timer);
    await ext?.close().catch(() => {});
    await freshRss?.close().catch(() => {});
    await srv.close();
    console.log('Stopped.');
    process.exit(code);
  })();
  return stopping;
}
/**
 * Opens Newsbar's side panel in the window. Chromium allows that only in answer to a user's gesture on
 * a page of the extension: the demo puts a button on one, clicks it, and closes that tab again.
 */
async function openSidePanel(context: BrowserContext, id: string): Promise<boolean> {
  const p = await context.newPage();
  try {
    await p.goto(`chrome-extension://${id}/options.html`);
    await p.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'newsbar-demo-open-panel';
      b.textContent = 'Open the side panel';
      b.addEventListener('click', () => {
        const c = (globalThis as any).chrome;
        void c.windows.getCurrent().then((w: { id: number }) => c.sidePanel.open({ windowId: w.id })).then(
          () => (b.dataset.done = 'ok'),
          (e: Error) => (b.dataset.done = e.message),
        );
      });
      document.body.prepend(b);
    });
    await p.click('#newsbar-demo-open-panel');
    const done = await p.waitForFunction(() => document.getElementById('newsbar-demo-open-panel')?.dataset.done, undefined, { timeout: 5000 }).then((h) => h.jsonValue());
    if (done !== 'ok') console.warn(`The side panel did not open: ${String(done)}`);
    return done === 'ok';
  } finally {
    await p.close();
  }
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
// Run through npm (npm, a shell, tsx, then this): when npm's own process is stopped (killed, or its
// terminal closed), the demo stops everything it started too, instead of leaving Chromium open.
const starters = ancestors();
setInterval(() => {
  if (starters.some((pid) => !alive(pid))) void stop(0);
}, 1000).unref();

/** The processes this one was started by, nearest first (Linux names each one's parent in /proc). */
function ancestors(): number[] {
  const out: number[] = [];
  for (let pid = process.ppid; pid > 1 && out.length < 6; ) {
    out.push(pid);
    try {
      pid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
    } catch {
      break; // no /proc: only the direct parent is watched
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

try {
  ext = headless
    ? await launchExtension({ headless, viewport: { width: 420, height: 860 }, ownSignals: true })
    : await launchExtension({ headless, viewport: null, args: DEMO_WINDOW_ARGS, pinAction: true, ownSignals: true });
  // The demo has no internet: it adds its own local sources (a new install has none until chosen).
  await ext.bg(async (a: { origin: string; key: string; server: boolean; topic: { name: string; query: string } }) => {
    const nb = (globalThis as any).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
    // Two real live pages: a live blog with LiveBlogPosting JSON-LD, and a page with a dated "Latest" list.
    await nb.followLive(`${a.origin}/demo/live/storm`, 'Live: storm on the coast');
    await nb.followLive(`${a.origin}/demo/latest`, 'Election day: the latest');
    if (!a.server) await nb.addSource({ name: 'Demo World', url: `${a.origin}/demo/world.rss`, kind: 'feed', intervalMin: 1 });
    await nb.addSource({ name: 'Demo Analysis', url: `${a.origin}/demo/analysis.json`, kind: 'feed', intervalMin: 1 });
    await nb.addSource({ name: 'Demo Wire (NewsAPI-style)', url: `${a.origin}/demo/v2/top-headlines?country=us`, kind: 'newsapi', intervalMin: 1, apiKey: a.key });
    // A topic that also searches the news: "Google News" is the demo server's search (no internet here).
    await nb.setSearchBase(a.origin);
    await nb.saveTopic({ id: 't-demo-bridge', ...a.topic, sourceIds: [], notify: true, breaking: false, createdAt: Date.now(), search: { kind: 'googleNews' } });
  }, { origin: srv.origin, key: DEMO_KEY, server: withServer, topic: DEMO_SEARCH_TOPIC });
  if (withServer) {
    freshRss = await startFreshRss({});
    await freshRss.call('subscription/quickadd', [['quickadd', `${srv.origin}/demo/world.rss`]]);
    const reply = await ext.bg((a: { api: string; user: string; password: string }) => (globalThis as any).newsbar.connectServer(a.api, a.user, a.password), { api: freshRss.api, user: freshRss.user, password: freshRss.apiPassword });
    if (!reply.ok) throw new Error(`Newsbar could not connect to FreshRSS: ${problemText(reply.problem)}`);
    console.log(`FreshRSS: ${freshRss.root}/i/ (user alice, password alice-web-pass); Newsbar is connected as ${reply.user} to ${reply.host}`);
  }

  const poll = async () => {
    if (freshRss) {
      // FreshRSS fetches the demo feed, then Newsbar syncs with it.
      await freshRss.refresh();
      const r = await ext!.bg(() => (globalThis as any).newsbar.syncNow());
      console.log(`${new Date().toLocaleTimeString()}  sync with FreshRSS: ${r.newIds.length} new item(s), ${r.sent} change(s) sent, ${r.requests} request(s)`);
    }
    const out = await ext!.bg(() => (globalThis as any).newsbar.pollNow());
    const badge = await ext!.badge();
    const fresh = (out as Array<{ kind: string; newIds?: string[] }>).reduce((n, o) => n + (o.newIds?.length ?? 0), 0);
    console.log(`${new Date().toLocaleTimeString()}  poll: ${fresh} new item(s); badge "${badge.text}"`);
    return out;
  };

  await poll();
  if (headless) {
    console.log(`Waiting ${UPDATE_SEC + 2} s for the next breaking update ...`);
    await new Promise((r) => setTimeout(r, (UPDATE_SEC + 2) * 1000));
    await poll();
    const summary = await ext.bg(async () => {
      const nb = (globalThis as any).newsbar;
      const stories = await (await nb.getDb()).getAll('stories');
      return { sources: await nb.listSources(), count: await nb.countItems(), stories: stories.filter((s: { items: string[] }) => s.items.length > 1).map((s: { items: string[]; sources: string[] }) => ({ reports: s.items.length, sources: new Set(s.sources).size })) };
    });
    console.log(`\n${summary.count} items stored:`);
    for (const s of summary.sources as Array<{ name: string; itemCount?: number; health: string; problem?: Problem }>) {
      console.log(`  ${s.name}: ${s.itemCount ?? 0} items, ${s.health}${s.problem ? ` (${problemText(s.problem)})` : ''}`);
    }
    const grouped = summary.stories as Array<{ reports: number; sources: number }>;
    console.log(`Stories told by several sources, one row each: ${grouped.length} (${grouped.map((s) => `${s.reports} reports from ${s.sources} sources`).join(', ') || 'none'})`);
    const badge = await ext.badge();
    console.log(`Badge: "${badge.text}" (colour rgba ${badge.color.join(',')})`);
    const page = await ext.page('sidepanel.html');
    await page.waitForTimeout(1500);
    const out = path.resolve('test-results/demo-sidebar.png');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`Sidebar screenshot: ${out}`);
    await stop(0);
  } else {
    // A normal window: the demo's live page in the tab, Newsbar's side panel beside it.
    const tab = ext.context.pages().find((p) => p.url() === 'about:blank') ?? (await ext.context.newPage());
    // With the server: FreshRSS's own page beside Newsbar, the same items and states in both.
    await tab.goto(freshRss ? `${freshRss.root}/i/` : `${srv.origin}/demo/live/storm`);
    const open = await openSidePanel(ext.context, ext.id);
    await tab.bringToFront();
    console.log(
      open
        ? `Chromium is open with the demo live page and Newsbar's side panel beside it (its toolbar button is pinned).`
        : `Chromium is open with the demo live page. Click Newsbar's toolbar button for the side panel.`,
    );
    console.log(`A new breaking update arrives every ${UPDATE_SEC} s. Ctrl-C to stop.`);
    timer = setInterval(() => void poll().catch((e) => console.error(String(e))), UPDATE_SEC * 1000);
    ext.context.on('close', () => void stop(0));
  }
} catch (e) {
  console.error(`Demo failed: ${e instanceof Error ? e.message : String(e)}`);
  await stop(1);
}
