// Feed server (`npm run bench:server-sync`): connecting to a real FreshRSS holding 200 feeds x 50 items
// and its first full sync, beside Newsbar's own ingest of the same feeds from the same fixture feed
// server; each in a fresh profile, in pairs whose order alternates. Then the requests of an idle sync,
// counted in FreshRSS's own request log.
// Env: SERVER_SYNC_RUNS (3), SERVER_SYNC_FEEDS (200), SERVER_SYNC_ITEMS (50).
import { launchExtension, type Extension } from '../../tests/e2e/harness';
import type { InWorker } from '../../tests/e2e/scopes';
import type { FreshRss } from '../../tests/e2e/freshrss';
import { feedUrl, freshRssWithFeeds } from './freshrss-feeds';
import { fmt, median, ms, verdict, type Section } from './common';

const RUNS = Number(process.env.SERVER_SYNC_RUNS ?? 3);
const FEEDS = Number(process.env.SERVER_SYNC_FEEDS ?? 200);
const PER_FEED = Number(process.env.SERVER_SYNC_ITEMS ?? 50);

/** A fresh profile with no sources or items, and no poll alarm to race the measured work. */
async function emptyProfile(): Promise<Extension> {
  const ext = await launchExtension({ viewport: { width: 400, height: 900 } });
  await ext.bg(async () => {
    const w = globalThis as InWorker;
    await w.newsbar.installed();
    await w.chrome.alarms.clear('poll');
    const db = await w.newsbar.getDb();
    await db.clear('items');
    await db.clear('sources');
    await w.newsbar.recount();
  });
  return ext;
}

async function count(ext: Extension): Promise<number> {
  return ext.bg(() => (globalThis as InWorker).newsbar.countItems()) as Promise<number>;
}

/** Connect (as the options page asks the worker) -> the first sync has stored everything (its lastSyncAt saved). */
async function firstSync(ext: Extension, fr: FreshRss): Promise<number> {
  return ext.bg(
    async (a: { api: string; user: string; password: string }) => {
      const w = globalThis as InWorker;
      const t0 = performance.now();
      const done = new Promise<void>((resolve, reject) => {
        w.chrome.storage.onChanged.addListener((changes, area) => {
          const acc = changes.feedServer?.newValue as { lastSyncAt?: number; problem?: { code: string } } | undefined;
          if (area !== 'local' || !acc) return;
          if (acc.problem) reject(new Error(`first sync failed: ${acc.problem.code}`));
          else if (acc.lastSyncAt) resolve();
        });
      });
      const reply = await w.newsbar.connectServer(a.api, a.user, a.password);
      if (!reply.ok) throw new Error(`connect refused: ${JSON.stringify(reply)}`);
      await done;
      return performance.now() - t0;
    },
    { api: fr.api, user: fr.user, password: fr.apiPassword },
  );
}

/** The same feeds added as Newsbar's own sources -> one poll of all of them has stored everything and set the badge. */
async function ownIngest(ext: Extension, fr: FreshRss): Promise<number> {
  const urls = Array.from({ length: FEEDS }, (_, i) => feedUrl(fr, i));
  await ext.bg(async (urls: string[]) => {
    const nb = (globalThis as InWorker).newsbar;
    for (let i = 0; i < urls.length; i++) await nb.addSource({ name: `Bench ${i}`, url: urls[i]! });
  }, urls);
  return ext.bg(async () => {
    const t0 = performance.now();
    await (globalThis as InWorker).newsbar.pollNow();
    return performance.now() - t0;
  });
}

/** An idle sync right after the first: the requests FreshRSS saw, and the ones the sync counted itself. */
async function idleSync(ext: Extension, fr: FreshRss): Promise<{ atServer: string[]; counted: number }> {
  const before = fr.requestLog().length;
  const r = await ext.bg(() => (globalThis as InWorker).newsbar.syncNow());
  if (r.newIds.length + r.sent + r.flagsTaken) throw new Error(`the idle sync was not idle: ${JSON.stringify({ ...r, newIds: r.newIds.length })}`);
  await new Promise((res) => setTimeout(res, 300)); // php -S writes its log line as it closes the connection
  return { atServer: fr.requestLog().slice(before), counted: r.requests };
}

async function inProfile<T>(run: (ext: Extension) => Promise<T>): Promise<T> {
  const ext = await emptyProfile();
  try {
    return await run(ext);
  } finally {
    await ext.close();
  }
}

export async function benchServerSync(): Promise<Section> {
  const want = FEEDS * PER_FEED;
  const fr = await freshRssWithFeeds(FEEDS, PER_FEED);
  const syncs: number[] = [];
  const ingests: number[] = [];
  const ratios: number[] = [];
  const idle: Array<{ atServer: string[]; counted: number }> = [];
  const firstRequests: string[][] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const sync = () =>
        inProfile(async (ext) => {
          const before = fr.requestLog().length;
          const t = await firstSync(ext, fr);
          firstRequests.push(fr.requestLog().slice(before));
          const n = await count(ext);
          if (n !== want) throw new Error(`the first sync stored ${n} items, expected ${want}`);
          idle.push(await idleSync(ext, fr));
          return t;
        });
      const ingest = () =>
        inProfile(async (ext) => {
          const t = await ownIngest(ext, fr);
          const n = await count(ext);
          if (n !== want) throw new Error(`the ingest stored ${n} items, expected ${want}`);
          return t;
        });
      // Alternating order: a noisy spell or a warm disk cache favours neither.
      let s: number, i: number;
      if (run % 2 === 0) {
        s = await sync();
        i = await ingest();
      } else {
        i = await ingest();
        s = await sync();
      }
      syncs.push(s);
      ingests.push(i);
      ratios.push(s / i);
      console.error(`server-sync run ${run + 1}/${RUNS}: first sync ${ms(s)}, own ingest ${ms(i)}`);
    }
  } finally {
    await fr.close();
  }
  const r = median(ratios);
  const atServer = idle.map((x) => x.atServer.length);
  const worst = Math.max(...atServer);
  const shown = (p: string) => decodeURIComponent(p.replace(/^(\S+) \/api\/greader\.php\/reader\/api\/0\//, '$1 ')).replace(/(n=\d+|output=json)&?/g, '').replace(/[?&]$/, '');
  const paths = idle.find((x) => x.atServer.length === worst)?.atServer.map(shown).join(', ') ?? '';
  // The first sync's pages, one entry per kind of request with its count.
  const kinds = new Map<string, number>();
  for (const p of firstRequests[0] ?? []) {
    const k = shown(p).replace(/\?.*/, '');
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const firstList = [...kinds].map(([k, n]) => (n > 1 ? `${k} x ${n}` : k)).join(', ');
  return {
    title: `Feed server: first sync of ${FEEDS} feeds x ${PER_FEED} items from FreshRSS`,
    rows: [
      { metric: `connect -> first sync has stored all ${fmt(want)} items`, value: ms(median(syncs)), baseline: `${ms(median(ingests))} (own ingest of the same feeds)`, ratio: `${r.toFixed(2)} (sync / ingest, paired; ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})` },
      { metric: 'throughput of the first sync', value: `${fmt(want / (median(syncs) / 1000))} items/s`, baseline: `${fmt(want / (median(ingests) / 1000))} items/s` },
      { metric: 'requests of connect + first sync (at FreshRSS)', value: fmt(median(firstRequests.map((x) => x.length))) },
      { metric: 'requests of an idle sync (at FreshRSS; most of any run)', value: String(worst), baseline: `${Math.max(...idle.map((x) => x.counted))} (counted by the sync itself)`, target: '<= 3', verdict: verdict(worst <= 3) },
    ],
    notes: [
      `${RUNS} pair${RUNS === 1 ? '' : 's'}, each side in a fresh profile, the order alternating; medians. FreshRSS 1.24.3 (php -S, SQLite) on 127.0.0.1 had fetched the feeds before; the own ingest reads the same files from FreshRSS's fixture feed server (php -S, one request at a time).`,
      `Connect + first sync (first run, at FreshRSS): ${firstList}. It ends when the account records the sync (the badge is set just after). The ingest ends when the poll has stored everything and set the badge. Neither includes the search indexing that follows.`,
      `The idle sync is the worker handle's syncNow() right after the first sync; its requests are counted in FreshRSS's own server log: ${paths}.`,
      // greader.php answers a full page (count >= n) with a continuation.
      ...(paths.includes('&c=') ? ['An id list of 10,000 or more (the page size) takes a second request: FreshRSS gives a continuation whenever a page is full.'] : []),
    ],
  };
}
