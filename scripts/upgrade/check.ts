// An update in real Chromium: an older build stores items (some read, some starred, some tagged by a
// topic), then the extension's folder is replaced by the new build and the extension reloaded from it,
// as after an update. The new build's worker migrates the database; this checks that every item, its
// read and starred state and its tags are still there, that the search index still names every item, and
// that polls after it add only what is new (the same feeds, and a new source carrying stored stories).
//
// Both builds must be e2e builds (`npm run build`): they may fetch from the local news server.
// Used by tests/e2e/upgrade.test.ts (from the previous release, built by ./build-old.ts) and by
// `npm run check:upgrade -- <old build dir>` (scripts/upgrade/cli.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/harness';
import { rssFeed } from '../bench/common';
import { startNewsServer } from '../news-server/server';


/** What must survive the update, per item id. */
interface Kept {
  version: number;
  /** `story` and `folded` from schema 18 on: the story an item belongs to, and whether its row is the story's. */
  items: Record<string, { url: string; read: number; starred: number; topics: string[]; story?: string; folded?: number }>;
}

/** One event under three outlets' headlines and links, stored by the old build: one row after the update. */
const STORY_FEEDS = [
  ['Wire', 'wire.example/world/chile-earthquake-tsunami-warning', 'Magnitude 7.1 earthquake strikes off Chile coast, tsunami warning issued'],
  ['Paper', 'paper.example/news/chile-quake-tsunami-warning', 'Chile earthquake: 7.1 quake off the coast triggers tsunami warning'],
  ['TV', 'tv.example/chile-earthquake-7-1-tsunami', 'Tsunami warning after 7.1 earthquake hits Chile coastline'],
].map(([name, link, title], i) => ({
  name: `Story ${name}`,
  path: `/up/story-${i}.xml`,
  url: `https://${link}`,
  body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${link.split('/')[0]}/</link><item><title>${title}</title><link>https://${link}</link><guid>https://${link}</guid><pubDate>${new Date(Date.now() - (3 - i) * 600_000).toUTCString()}</pubDate></item></channel></rss>`,
}));

/**
 * A generated feed of word salad without the event's words: otherwise a random headline such as
 * "Coast quake tsunami vote ..." may take the event's reports into its own story, depending on the
 * order the old build happened to store them in, and this check is about the update, not about
 * grouping word salad (tests/unit/stories holds the grouping's own cases).
 */
function filler(prefix: string, n: number, seed: number): string {
  return rssFeed(prefix, n, seed).replace(/\b(coast|quake|tsunami)\b/gi, (w) => ({ coast: 'garden', quake: 'opera', tsunami: 'glacier' })[w.toLowerCase()] ?? w);
}

async function launch(extDir: string, profile: string): Promise<{ context: BrowserContext; run: <T, A = undefined>(fn: string | ((arg: A) => T | Promise<T>), arg?: A) => Promise<T> }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const sw = async () => {
    for (let i = 0; i < 300; i++) {
      for (const w of context.serviceWorkers().reverse()) {
        const ready = await Promise.race([w.evaluate(() => typeof (globalThis as { newsbar?: unknown }).newsbar === 'object').catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
        if (ready) return w;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the service worker did not come up');
  };
  /** Evaluates in the current worker; once more in a fresh one if the worker went away meanwhile. */
  const run = async <T, A>(fn: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<T> => {
    try {
      return (await (await sw()).evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T;
    } catch (e) {
      if (!/closed|destroyed/i.test(String(e))) throw e;
      return (await (await sw()).evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T;
    }
  };
  return { context, run };
}

// Runs in the worker of either build: the database read raw, items decoded by the build's own codec
// when it has one (newsbar.itemRecord), tags from the tags store.
const SNAPSHOT = `(async () => {
  const nb = globalThis.newsbar;
  const db = await nb.openDb();
  const decode = nb.itemRecord ? (r, k) => nb.itemRecord.fromRecord(r, k) : (r) => r;
  const hasTags = db.objectStoreNames.contains('tags');
  const tx = db.transaction(hasTags ? ['items', 'tags'] : ['items']);
  const keys = await tx.objectStore('items').getAllKeys();
  const records = await tx.objectStore('items').getAll();
  const tags = hasTags ? await tx.objectStore('tags').getAll() : [];
  // Tags: one record per item with its [topic, time] keys (0.9), one per topic and item (0.8), or in
  // the item (0.7).
  const topicsOf = new Map();
  const tag = (id, topic) => topicsOf.set(id, [...(topicsOf.get(id) ?? []), topic]);
  for (const t of tags) if (t.keys) for (const k of t.keys) tag(t.id, k[0]); else tag(t.item, t.topic);
  const items = {};
  records.forEach((r, i) => {
    const it = decode(r, keys[i]);
    items[it.id] = { url: it.url, read: it.read ? 1 : 0, starred: it.starred ? 1 : 0, topics: [...(hasTags ? topicsOf.get(it.id) ?? [] : it.topics ?? [])].sort(), story: it.story, folded: it.folded ? 1 : 0 };
  });
  return { version: db.version, items };
})()`;

// Runs in the new build's worker (one that has newsbar.segmentDocs): the ids of stored items that the
// search index names neither in a segment (by store key) nor in its queue (by id), i.e. that a search
// would no longer find.
const UNINDEXED = `(async () => {
  const nb = globalThis.newsbar;
  if (!nb.segmentDocs) return [];
  const db = await nb.openDb();
  const tx = db.transaction(['items', 'searchDocs', 'searchQueue']);
  const [records, docs, qKeys, qValues] = await Promise.all([tx.objectStore('items').getAll(), tx.objectStore('searchDocs').getAll(),
    tx.objectStore('searchQueue').getAllKeys(), tx.objectStore('searchQueue').getAll()]);
  const indexed = new Set(docs.flatMap((d) => nb.segmentDocs.decodeDocs(d).keys));
  const queued = new Set(qValues.flatMap((v, i) => (v === 1 ? [qKeys[i][1]] : v)));
  return records.map((r) => ({ k: r.k, id: nb.itemRecord.fromRecord(r).id })).filter((r) => !indexed.has(r.k) && !queued.has(r.id)).map((r) => r.id);
})()`;

export interface UpgradeResult {
  from: { version: string; schema: number };
  to: { version: string; schema: number };
  /** Items before, and how many of them were read, starred, tagged. */
  items: number;
  read: number;
  starred: number;
  tagged: number;
  /** What was lost or changed (empty when everything was kept). */
  problems: string[];
}

/**
 * Stores `feeds` x `perFeed` items with the build in `oldDir`, updates to `newDir`, compares. With
 * `schema`, the database must be at that version after the update (the new build's code ran).
 */
export async function checkUpgrade(oldDir: string, newDir: string, feeds = 40, perFeed = 50, schema?: number): Promise<UpgradeResult> {
  const FEEDS = feeds;
  const PER_FEED = perFeed;
  const ext = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-upgrade-ext-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-upgrade-profile-'));
  fs.cpSync(path.resolve(oldDir), ext, { recursive: true });
  const srv = await startNewsServer();
  try {
    for (let s = 0; s < FEEDS; s++) srv.route(`/up/${s}.xml`, { body: filler(`u${s}`, PER_FEED, s) });
    for (const f of STORY_FEEDS) srv.route(f.path, { body: f.body });
    const browser = await launch(ext, profile);
    await browser.run(() => (globalThis as any).newsbar.installed());
    const oldVersion = await browser.run(() => (globalThis as any).chrome.runtime.getManifest().version);
    await browser.run(async () => {
      // A topic on a few of the generated words: many items get a tag, the others none.
      await (globalThis as any).chrome.storage.sync.set({ topicIds: ['world'], 'topic:world': { id: 'world', name: 'World', query: 'storm OR flood OR election', sourceIds: [], notify: false, breaking: false, createdAt: 1 } });
    });
    await browser.run(async (a: { origin: string; n: number; stories: Array<{ name: string; path: string }> }) => {
      const nb = (globalThis as any).newsbar;
      for (let i = 0; i < a.n; i++) await nb.addSource({ name: `Upgrade ${i}`, url: `${a.origin}/up/${i}.xml` });
      for (const f of a.stories) await nb.addSource({ name: f.name, url: `${a.origin}${f.path}` });
      await nb.pollNow();
      await nb.rematch?.();
    }, { origin: srv.origin, n: FEEDS, stories: STORY_FEEDS.map(({ name, path }) => ({ name, path })) });
    // Every third item read, every seventh starred: through the build's own records (schema 12 keeps
    // Item as it is), then its counters recounted.
    await browser.run(async () => {
      const nb = (globalThis as any).newsbar;
      const db = await nb.openDb();
      const tx = db.transaction('items', 'readwrite');
      let i = 0;
      // A build with a codec (schema 13 on) keeps the flags in its own fields: the item goes through it.
      const codec = nb.itemRecord;
      for (let c = await tx.store.openCursor(); c; c = await c.continue(), i++) {
        const it = codec ? codec.fromRecord(c.value) : { ...c.value };
        if (i % 3 === 0) it.read = 1;
        if (i % 7 === 0) Object.assign(it, { starred: 1, starredAt: it.published });
        await c.update(codec ? codec.toRecord(it, c.primaryKey) : it);
      }
      await tx.done;
      await nb.recount();
    });
    const kept: Kept = await browser.run(SNAPSHOT);
    const n = Object.keys(kept.items).length;
    if (n !== FEEDS * PER_FEED + STORY_FEEDS.length) throw new Error(`the old build stored ${n} items, not ${FEEDS * PER_FEED + STORY_FEEDS.length}`);

    // The update: the same folder (so the same extension id) with the new build's files. Chrome keeps
    // a command-line extension's installed worker script in the profile across restarts (and its
    // runtime.reload() unloads such an extension), so that copy is deleted: at the next start Chrome
    // installs the new build's worker, which opens (and migrates) the database as after an update.
    await browser.context.close();
    fs.rmSync(path.join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
    fs.rmSync(ext, { recursive: true, force: true });
    fs.cpSync(path.resolve(newDir), ext, { recursive: true });
    const after = await launch(ext, profile);
    await after.run(() => (globalThis as any).newsbar.installed());
    // The one-off grouping of the stored window (schema 18 on) runs on the first wake: wait for it.
    await after.run(() => (globalThis as any).newsbar.syncStories?.());
    const newVersion = await after.run(() => (globalThis as any).chrome.runtime.getManifest().version);
    const got: Kept = await after.run(SNAPSHOT);
    const counted = await after.run(() => (globalThis as any).newsbar.countItems());
    const unindexed: string[] = await after.run(UNINDEXED);
    // A poll after the update, each feed one item longer: the dedupe must find every stored item
    // (schema 16 finds them through the identity maps the migration made), so only the new ones come.
    for (let s = 0; s < FEEDS; s++) srv.route(`/up/${s}.xml`, { body: filler(`u${s}`, PER_FEED + 1, s) });
    const repolled = await after.run(async () => {
      const nb = (globalThis as any).newsbar;
      await nb.pollNow();
      return nb.countItems();
    });
    const again: Kept = await after.run(SNAPSHOT);
    // A new source carrying the first feed's stories under guids of its own: each is a story already
    // stored (the same link), so it joins that row and adds nothing (schema 17 finds the stories of
    // other sources through the links the migration put in the identity maps).
    const mirror = filler('u0', PER_FEED + 1, 0).replaceAll('<guid isPermaLink="false">u0-', '<guid isPermaLink="false">mirror-');
    if (mirror.includes('>u0-')) throw new Error('the mirror feed kept the first feed\'s guids');
    srv.route('/up/mirror.xml', { body: mirror });
    const mirrored = await after.run(async (url: string) => {
      const nb = (globalThis as any).newsbar;
      const s = await nb.addSource({ name: 'Mirror', url });
      await nb.pollNow(s.id);
      return nb.countItems();
    }, `${srv.origin}/up/mirror.xml`);
    await after.context.close();

    const problems: string[] = [];
    const byUrl = new Map(Object.values(got.items).map((x) => [x.url, x]));
    // A story's row carries its folded reports' topics (schema 18).
    const rowOf = new Map(Object.values(got.items).filter((x) => x.story !== undefined && !x.folded).map((x) => [x.story!, x]));
    for (const [id, k] of Object.entries(kept.items)) {
      // Ids may be renamed by a migration: match by the item's URL when the id is gone.
      const g = got.items[id] ?? byUrl.get(k.url);
      const topics = g?.folded ? (rowOf.get(g.story!)?.topics ?? []) : g?.topics ?? [];
      if (!g) problems.push(`missing ${id} ${k.url}`);
      // In a story the row's topics are all its reports' (a superset of each one's).
      else if (g.read !== k.read || g.starred !== k.starred || (g.story !== undefined ? !k.topics.every((t) => topics.includes(t)) : topics.join() !== k.topics.join())) problems.push(`changed ${id}: ${JSON.stringify(k)} -> ${JSON.stringify(g)}`);
    }
    // The three outlets' reports of one event are one story after the update: one row.
    if (schema === undefined || schema >= 18) {
      const stories = new Set(STORY_FEEDS.map((f) => byUrl.get(f.url)?.story));
      const rows = STORY_FEEDS.filter((f) => !byUrl.get(f.url)?.folded).length;
      if (stories.size !== 1 || stories.has(undefined) || rows !== 1) problems.push(`the stored reports of one event were not grouped into one row: ${JSON.stringify(STORY_FEEDS.map((f) => byUrl.get(f.url)))}`);
    }
    const nAfter = Object.keys(got.items).length;
    if (schema !== undefined && got.version !== schema) problems.push(`the database is at schema ${got.version}, not ${schema}: the new build's worker did not run`);
    if (nAfter !== n) problems.push(`${n} items before, ${nAfter} after`);
    if (counted !== n) problems.push(`the counters say ${JSON.stringify(counted)} items, ${n} stored`);
    if (unindexed.length) problems.push(`${unindexed.length} items no longer in the search index, e.g. ${unindexed[0]}`);
    if (repolled !== n + FEEDS) problems.push(`the poll after the update left ${repolled} items, not ${n} + ${FEEDS} new: the dedupe did not find what was stored`);
    if (mirrored !== n + FEEDS) problems.push(`a source carrying ${PER_FEED + 1} stored stories under its own guids left ${mirrored} items, not ${n + FEEDS}: the same story was not found`);
    for (const [id, g] of Object.entries(got.items)) {
      const a = again.items[id];
      if (!a || a.read !== g.read || a.starred !== g.starred) problems.push(`the poll after the update changed ${id}: ${JSON.stringify(g)} -> ${JSON.stringify(a)}`);
    }
    const all = Object.values(kept.items);
    return {
      from: { version: oldVersion, schema: kept.version },
      to: { version: newVersion, schema: got.version },
      items: n,
      read: all.filter((x) => x.read).length,
      starred: all.filter((x) => x.starred).length,
      tagged: all.filter((x) => x.topics.length).length,
      problems,
    };
  } finally {
    await srv.close();
    fs.rmSync(ext, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

