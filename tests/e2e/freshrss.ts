// A real FreshRSS on 127.0.0.1 for the feed server tests, started with ../shared/servers/freshrss's
// script (where ../shared is not, the project's copy with the release scripts/bootstrap.sh fetched;
// or FRESHRSS_SCRIPT) on free ports, with feeds this test writes. Fails loudly when it cannot
// start: a sync test must never pass without its server. Also a tiny Google Reader API client, to
// change state "on another device" and read the server's state back.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SHARED_SCRIPT = path.resolve('../shared/servers/freshrss/start-freshrss.sh');
const OWN_SCRIPT = path.resolve('scripts/freshrss/start-freshrss.sh');
export const FRESHRSS_SCRIPT = process.env.FRESHRSS_SCRIPT ?? (fs.existsSync(SHARED_SCRIPT) ? SHARED_SCRIPT : OWN_SCRIPT);
export const READ = 'user/-/state/com.google/read';
export const STARRED = 'user/-/state/com.google/starred';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface FreshRss {
  root: string;
  api: string;
  feedsDir: string;
  feedBase: string;
  user: string;
  apiPassword: string;
  /** Stops both PHP servers (the install stays, for start() again). */
  stop(): Promise<void>;
  /** Starts them again on the same ports, keeping the data (FRESHRSS_KEEP=1). */
  start(): Promise<void>;
  /** Makes FreshRSS fetch its feeds now. */
  refresh(): Promise<void>;
  /** Stops and removes everything. */
  close(): Promise<void>;
  /** Changes the user's API password (FreshRSS's own command line): the old auth token stops working. */
  setApiPassword(password: string): Promise<void>;
  /** An authorised Google Reader API call; `form` makes it a POST with the edit token. */
  call(apiPath: string, form?: Array<[string, string]>): Promise<string>;
  /** The server's item ids (short) of a stream, less `exclude`. */
  ids(stream: string, exclude?: string): Promise<string[]>;
  /** Every item of the reading list: title, short id, read, starred. */
  items(): Promise<Array<{ title: string; id: string; read: boolean; starred: boolean }>>;
  /** The requests FreshRSS answered so far ("GET /api/greader.php/…"), from its own server's log. */
  requestLog(): string[];
}

export async function startFreshRss(feeds: Record<string, string>): Promise<FreshRss> {
  if (!fs.existsSync(FRESHRSS_SCRIPT)) throw new Error(`FreshRSS script not found at ${FRESHRSS_SCRIPT} (set FRESHRSS_SCRIPT)`);
  if (FRESHRSS_SCRIPT === OWN_SCRIPT && !fs.existsSync(path.resolve('scripts/freshrss/vendor/freshrss-1.24.3-slim.tgz'))) {
    throw new Error('FreshRSS is not on this machine: ../shared/servers/freshrss is missing and scripts/bootstrap.sh has not fetched the release');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-freshrss-'));
  const feedsDir = path.join(dir, 'feeds');
  fs.mkdirSync(feedsDir);
  for (const [name, body] of Object.entries(feeds)) fs.writeFileSync(path.join(feedsDir, name), body);
  // The script writes its fixture news.xml when missing: an empty channel keeps it out of the way.
  fs.writeFileSync(path.join(feedsDir, 'news.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>unused</title></channel></rss>');
  const [port, feedPort] = [await freePort(), await freePort()];
  const env = { ...process.env, FRESHRSS_ROOT: dir, FRESHRSS_PORT: String(port), FEED_PORT: String(feedPort), FEEDS_DIR: feedsDir };
  const script = (cmd: string, extra: Record<string, string> = {}) => run('bash', [FRESHRSS_SCRIPT, cmd], { env: { ...env, ...extra }, timeout: 180_000 });
  // The shared script starts the feed server, waits for FreshRSS, then asks the feed server once: on a
  // loaded machine that one ask can come before the feed server listens (curl's exit 7, and the script
  // ends there with both servers started). Then the feed server is waited for here instead.
  const startServers = async (extra: Record<string, string> = {}) => {
    try {
      await script('start', extra);
    } catch (e) {
      if ((e as { code?: number }).code !== 7) throw e;
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${feedPort}/news.xml`).then((r) => r.ok, () => false);
        if (ok) return;
        if (Date.now() > deadline) throw e;
        await new Promise((res) => setTimeout(res, 100));
      }
    }
  };
  try {
    await startServers();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`FreshRSS did not start: ${err.message}\n${err.stderr ?? ''}`);
  }
  const root = `http://127.0.0.1:${port}`;
  const api = `${root}/api/greader.php`;
  const user = 'alice';
  let apiPassword = 'alice-api-pass';
  let auth = '';
  let token = '';
  async function call(apiPath: string, form?: Array<[string, string]>): Promise<string> {
    if (!auth) {
      const r = await fetch(`${api}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: user, Passwd: apiPassword }) });
      auth = /^Auth=(.+)$/m.exec(await r.text())?.[1] ?? '';
      if (!auth) throw new Error('FreshRSS refused the test user');
    }
    const headers = { authorization: `GoogleLogin auth=${auth}` };
    if (form && !token) token = (await (await fetch(`${api}/reader/api/0/token`, { headers })).text()).trim();
    const res = await fetch(`${api}/reader/api/0/${apiPath}`, form ? { method: 'POST', headers, body: new URLSearchParams([['T', token], ...form]) } : { headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`FreshRSS ${apiPath}: ${res.status} ${text}`);
    return text;
  }
  const fr: FreshRss = {
    root,
    api,
    feedsDir,
    feedBase: `http://127.0.0.1:${feedPort}`,
    user,
    get apiPassword() {
      return apiPassword;
    },
    stop: async () => void (await script('stop')),
    start: () => startServers({ FRESHRSS_KEEP: '1' }),
    refresh: async () => void (await script('refresh')),
    setApiPassword: async (password) => {
      await run('php', ['cli/update-user.php', '--user', user, '--api-password', password], { cwd: path.join(dir, 'FreshRSS'), timeout: 60_000 });
      // The running server may read the user's config from a cache for a moment (PHP's opcache checks a
      // file again only every few seconds): the change counts once the server itself takes the new password.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const r = await fetch(`${api}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: user, Passwd: password }) });
        if (/^Auth=/m.test(await r.text())) break;
        if (Date.now() > deadline) throw new Error('FreshRSS did not take the new API password');
        await new Promise((res) => setTimeout(res, 250));
      }
      apiPassword = password;
      auth = '';
      token = '';
    },
    close: async () => {
      await script('stop').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
    call,
    // Counted where they arrive, not by the client that makes them.
    requestLog: () =>
      fs
        .readFileSync(path.join(dir, 'freshrss.log'), 'utf8')
        .split('\n')
        .flatMap((line) => /\[\d{3}\]: (\S+ \S+)/.exec(line)?.[1] ?? []),
    ids: async (stream, exclude) => {
      const q = new URLSearchParams({ s: stream, n: '1000', output: 'json', ...(exclude ? { xt: exclude } : {}) });
      return (JSON.parse(await call(`stream/items/ids?${q}`)) as { itemRefs?: Array<{ id: string }> }).itemRefs?.map((r) => r.id) ?? [];
    },
    items: async () => {
      const v = JSON.parse(await call('stream/contents/user/-/state/com.google/reading-list?n=1000&output=json')) as { items: Array<{ id: string; title: string; categories: string[] }> };
      return v.items.map((it) => ({
        title: it.title,
        id: BigInt(`0x${it.id.slice(it.id.lastIndexOf('/') + 1)}`).toString(),
        read: it.categories.includes(READ),
        starred: it.categories.includes(STARRED),
      }));
    },
  };
  return fr;
}

/** An RSS feed of these items, published `ago` minutes before now (the store keeps only recent ones). */
export function rssFeed(title: string, base: string, items: Array<{ slug: string; title: string; ago: number }>): string {
  const now = Date.now();
  const entries = items
    .map((it) => `<item><title>${it.title}</title><link>${base}/${it.slug}</link><guid isPermaLink="false">${it.slug}</guid><pubDate>${new Date(now - it.ago * 60_000).toUTCString()}</pubDate><description>${it.title}: the details.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link><description>test</description>${entries}</channel></rss>`;
}
