// A worker killed at random points of a poll, many times, with topics set: in the built extension in
// Debian's Chromium against the local news server. After every kill and wake, and after a last
// complete poll: no article lost or stored twice, every topic match and counter exact (compared to a
// recount), no alert shown twice, nothing left pending, and the badge right on the wake itself.
// Reproduce a run with SEED=<n> (printed at the start).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, waitFor, type Extension } from './harness';
import { startNewsServer, type NewsServer } from '../../scripts/news-server/server';
import { Tallier, type Counter } from '../../utils/db/counters';
import { badgeFor } from '../../utils/badge';
import type { Item, Settings } from '../../utils/model';
import { SETTINGS_KEY } from '../../utils/storage-keys';
import type { InPage, InWorker } from './scopes';

const SEED = Number(process.env.SEED ?? Date.now() % 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const SOURCES = 4;

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);

const T0 = Date.now();
const TOPICS = [
  { id: 'storm', name: 'Storms', query: 'storm', sourceIds: [], notify: true, breaking: false, createdAt: T0 - 2 * 3600_000 },
  { id: 'harbour', name: 'Harbour', query: 'harbour', sourceIds: [], notify: false, breaking: false, createdAt: T0 - 2 * 3600_000 },
];
/** The test's own oracle for the topic rules above (whole words, any case). */
const topicsOf = (title: string) => TOPICS.filter((t) => new RegExp(`\\b${t.query}\\b`, 'i').test(title)).map((t) => t.id);

interface FeedItem {
  /** The article as the test knows it: items with one key are one article. */
  key: string;
  guid?: string;
  link?: string;
  title: string;
  published: number;
}

/**
 * Source s in round r: 3 new articles a round, kept (the feed is cumulative, so the last complete
 * poll can bring back anything a killed poll missed). Their identities collide on purpose: a guid
 * equal to another item's link, link-only and title-only items, and title-only twins that differ
 * only in punctuation (one article). Some titles change a few rounds later, moving topic matches.
 */
function feedItems(s: number, r: number, origin: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (let k = 0; k < 3 * r; k++) {
    const base = `Item ${s}-${k}`;
    const words = [k % 3 === 0 ? 'storm' : '', k % 5 === 0 ? 'harbour' : ''].filter(Boolean).join(' ');
    // Three rounds after it first appeared; never a title-only item (a new title is a new article there).
    const edited = k % 7 === 2 && k % 4 !== 3 && r >= Math.floor(k / 3) + 3;
    const title = `${base} ${words} ${edited ? 'storm update' : 'report'}`.replace(/\s+/g, ' ');
    const published = T0 - 3600_000 + (s * 1000 + k) * 1000;
    const link = `${origin}/kills/s${s}/story-${k}`;
    switch (k % 4) {
      case 0: out.push({ key: `${s}-${k}`, guid: `s${s}-g${k}`, link, title, published }); break;
      case 1: out.push({ key: `${s}-${k}`, link, title, published }); break;
      // Its guid is the previous item's link.
      case 2: out.push({ key: `${s}-${k}`, guid: `${origin}/kills/s${s}/story-${k - 1}`, link: `${link}-x`, title, published }); break;
      case 3:
        out.push({ key: `${s}-${k}`, title: `${title}!`, published });
        out.push({ key: `${s}-${k}`, title: `${title}?`, published }); // its twin: the same article
        break;
    }
  }
  return out;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const rss = (s: number, items: FeedItem[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kill wire ${s}</title><link>http://127.0.0.1/</link>
${items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}<title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}<pubDate>${new Date(i.published).toUTCString()}</pubDate><description>About ${esc(i.title)}</description></item>`).join('\n')}
</channel></rss>`;

let ext: Extension;
let srv: NewsServer;
let page: Page;
let cdp: CDPSession;
let onStatus: ((status: string) => void) | undefined;

/**
 * Stops the worker at once, through a DevTools session kept open (the harness's stopWorker opens a
 * page first, which takes seconds on a busy machine: the poll would be over before the kill).
 */
async function kill(): Promise<void> {
  const stopped = new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('the service worker did not stop')), 10_000);
    onStatus = (status) => {
      if (status === 'stopped') {
        clearTimeout(timer);
        onStatus = undefined;
        res();
      }
    };
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
let sourceIds: string[] = [];
/** Every title ever served per source -> its article key. */
const keyOfTitle = new Map<string, string>();

interface StoreState {
  items: Item[];
  /** Tags whose item is not stored (must be none). */
  orphanTags: number;
  counters: Counter[];
  pending: number;
  notified: string[];
  badge: string;
  badgeMode: 'unread' | 'breaking' | 'alerts' | 'off';
  notifications: string[];
}

async function readState(): Promise<StoreState> {
  return ext.bg(async (KEY: string) => {
    const g = globalThis as InWorker;
    const db = await g.newsbar.getDb();
    const [records, tags, counters, pending, notified] = await Promise.all([db.getAll('items'), db.getAll('tags'), db.getAll('counters'), db.count('pendingAlerts'), db.getAllKeys('notified')]);
    const stored = records.map(g.newsbar.itemRecord.fromRecord);
    // Each item with its topics from the tags store (tags are not in the item).
    const topics = new Map(tags.map((r) => [r.id, r.keys.map((k) => k[0])]));
    const items = stored.map((it) => ({ ...it, topics: topics.get(it.id) ?? [] }));
    const ids = new Set(stored.map((it) => it.id));
    const orphanTags = tags.filter((r) => !ids.has(r.id)).length;
    const sync = await g.chrome.storage.sync.get(KEY);
    const notifications = Object.keys(await new Promise<Record<string, unknown>>((r) => g.chrome.notifications.getAll(r)));
    return { items, orphanTags, counters, pending, notified, badge: await g.chrome.action.getBadgeText({}), badgeMode: (sync[KEY] as Partial<Settings> | undefined)?.badgeMode ?? 'unread', notifications };
  }, SETTINGS_KEY);
}

/** Everything that must hold after any kill: returns a list of what does not. */
function problems(st: StoreState): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const it of st.items) {
    const key = keyOfTitle.get(`${it.sourceId}|${it.title}`);
    if (!key) out.push(`unknown item ${it.id} "${it.title}"`);
    else if (seen.has(key)) out.push(`article ${key} stored twice: ${seen.get(key)} and ${it.id}`);
    else seen.set(key, it.id);
    const want = topicsOf(it.title);
    if (JSON.stringify([...(it.topics ?? [])].sort()) !== JSON.stringify(want.sort())) out.push(`${it.id} "${it.title}" has topics ${JSON.stringify(it.topics)}, wants ${JSON.stringify(want)}`);
    if (it.alert !== (want.includes('storm') ? 1 : 0)) out.push(`${it.id} alert ${it.alert}`);
  }
  const tally = new Tallier();
  for (const it of st.items) tally.add(it);
  const fresh = Object.fromEntries(tally.result().map((c) => [c.key, c]));
  const kept = Object.fromEntries(st.counters.map((c) => [c.key, c]));
  if (JSON.stringify(kept, Object.keys(kept).sort()) !== JSON.stringify(fresh, Object.keys(kept).sort()) || Object.keys(kept).sort().join() !== Object.keys(fresh).sort().join()) {
    out.push(`counters ${JSON.stringify(kept)} != recount ${JSON.stringify(fresh)}`);
  }
  const unread = st.items.filter((i) => !i.read).length;
  const unreadAlerts = st.items.filter((i) => !i.read && i.alert).length;
  const want = badgeFor(st.badgeMode, { unread, unreadAlerts, unreadBreaking: 0 }).text;
  if (st.badge !== want) out.push(`badge "${st.badge}", wants "${want}"`);
  if (st.pending !== 0) out.push(`${st.pending} alerts still pending`);
  if (st.orphanTags !== 0) out.push(`${st.orphanTags} tags of items no longer stored`);
  return out;
}

before(async () => {
  console.log(`# kills: SEED=${SEED} ROUNDS=${ROUNDS}`);
  const t = Date.now();
  srv = await startNewsServer();
  ext = await launchExtension();
  if (process.env.DEBUG) console.log(`# launched in ${Date.now() - t} ms`);
  // The alarm far off: after a kill, only the wake itself may put things right.
  await ext.bg(async (topics: typeof TOPICS) => {
    const g = globalThis as InWorker;
    await g.chrome.alarms.create('poll', { delayInMinutes: 600, periodInMinutes: 600 });
    for (const s of await g.newsbar.listSources()) await g.newsbar.removeSource(s.id);
    await g.chrome.storage.sync.set({ topicIds: topics.map((t) => t.id), ...Object.fromEntries(topics.map((t) => [`topic:${t.id}`, t])) });
  }, TOPICS);
  for (let s = 0; s < SOURCES; s++) {
    const src = await ext.bg((a: { name: string; url: string }) => (globalThis as InWorker).newsbar.addSource(a), { name: `Kill wire ${s}`, url: srv.url(`/kills/${s}.rss`) });
    sourceIds.push(src.id);
  }
  page = await ext.page('sidepanel.html');
  cdp = await ext.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ runningStatus: string }> }) => {
    for (const v of versions) onStatus?.(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
});

after(async () => {
  await page?.close().catch(() => {});
  await ext?.close();
  await srv?.close();
});

function serveRound(r: number) {
  for (let s = 0; s < SOURCES; s++) {
    const items = feedItems(s, r, srv.origin);
    for (const i of items) keyOfTitle.set(`${sourceIds[s]}|${i.title}`, i.key);
    // Each source answers after its own random delay, so the kill lands between different stores.
    srv.route(`/kills/${s}.rss`, { body: rss(s, items), delayMs: Math.floor(random() * 500), conditional: false });
  }
}

describe('a worker killed at random points of polls', () => {
  it(`keeps every article once, every match and counter exact, the badge right, no alert twice (${ROUNDS} kills)`, async () => {
    const shown = new Set<string>();
    // A first poll runs to its end: how long a poll takes here decides where kills may land.
    serveRound(1);
    let t = Date.now();
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    let pollMs = Date.now() - t;
    let killedMidPoll = 0;
    for (let r = 2; r <= ROUNDS + 1; r++) {
      serveRound(r);
      let finished = false;
      t = Date.now();
      const poll = ext.bg(() => (globalThis as InWorker).newsbar.pollNow()).then(() => {
        finished = true;
        pollMs = Date.now() - t; // polls grow with the feeds
      }, () => {});
      // Anywhere from the start of the poll to a little past its end.
      await new Promise((res) => setTimeout(res, Math.floor(random() * pollMs * 1.2)));
      const midPoll = !finished;
      const t1 = Date.now();
      await kill();
      const t2 = Date.now();
      if (midPoll && !finished) killedMidPoll++;
      void poll;
      // Woken by a message that changes nothing: the start-up alone must set the badge and notify.
      await page.evaluate(() => (globalThis as InPage).chrome.runtime.sendMessage({ type: 'e2e-wake' }).catch(() => {}));
      let st!: StoreState;
      await waitFor(async () => problems((st = await readState())).length === 0, `a consistent store after kill ${r - 1}`, 10_000).catch(() => {
        assert.fail(`after kill ${r - 1} (SEED=${SEED}): ${problems(st).join('; ')}`);
      });
      const t3 = Date.now();
      if (process.env.DEBUG) console.log(`# kill ${r - 1} (poll ~${pollMs} ms): stop ${t2 - t1} ms, wake+check ${t3 - t2} ms, mid-poll ${midPoll && !finished}`);
      for (const id of st.notifications) {
        assert.ok(!id.startsWith('nb-item:') || !shown.has(id), `${id} shown twice (SEED=${SEED})`);
        shown.add(id);
      }
      await ext.bg(async (ids: string[]) => {
        for (const id of ids) await (globalThis as InWorker).chrome.notifications.clear(id);
      }, st.notifications);
    }
    assert.ok(killedMidPoll >= ROUNDS / 2, `only ${killedMidPoll} of ${ROUNDS} kills landed during a poll: the test would prove little`);

    // A last complete poll brings whatever a killed poll never fetched; nothing may be lost.
    t = Date.now();
    await ext.bg(() => (globalThis as InWorker).newsbar.pollNow());
    const st = await readState();
    if (process.env.DEBUG) console.log(`# kills done, last poll in ${Date.now() - t} ms`);
    assert.deepEqual(problems(st), []);
    const want = new Set<string>();
    for (let s = 0; s < SOURCES; s++) for (const i of feedItems(s, ROUNDS + 1, srv.origin)) want.add(`${sourceIds[s]}|${i.key}`);
    const have = new Set(st.items.map((it) => `${it.sourceId}|${keyOfTitle.get(`${it.sourceId}|${it.title}`)}`));
    assert.deepEqual([...want].filter((k) => !have.has(k)), [], 'articles lost');
    assert.equal(st.items.length, want.size);
    // Every alert was dealt with (shown, or lost with a kill between recording and showing: never twice).
    const alerting = st.items.filter((i) => i.alert).map((i) => i.id);
    assert.deepEqual(alerting.filter((id) => !st.notified.includes(id)), [], 'alerts never handled');
    console.log(`# kills: ${ROUNDS} kills, ${killedMidPoll} during a poll; ${st.items.length} articles, ${alerting.length} alerting, ${shown.size} notifications shown`);
  });
});
