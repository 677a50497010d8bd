// A client of the Google Reader API that feed servers speak (FreshRSS, Miniflux, The Old Reader,
// BazQux, Inoreader-compatible). Pure: `fetch` is passed in, so tests run it against recorded answers
// and the worker against the real server. Every failure is a ProblemError carrying a Problem code.
import { FetchError } from '../net/fetch-source';
import { ProblemError } from '../problems';

export const READING_LIST = 'user/-/state/com.google/reading-list';
export const READ = 'user/-/state/com.google/read';
export const STARRED = 'user/-/state/com.google/starred';
export const LABEL_PREFIX = 'user/-/label/';
/** A server answer slower than this is a timeout: the sync tries again later. */
export const SERVER_TIMEOUT_MS = 30_000;
/** Items asked for per page of stream/contents, and ids per page of stream/items/ids. */
export const PAGE_ITEMS = 1000;
/**
 * Ids are small, and a server answers a full page with a continuation even when nothing follows
 * (FreshRSS: `count >= n`): a page far above what a reader holds keeps an idle sync to one request
 * per list. A server with a lower cap answers its cap and a continuation, which is followed.
 */
export const PAGE_IDS = 100_000;

export interface ServerSubscription {
  /** The server's id of the subscription ("feed/1"): not its URL on every server. */
  id: string;
  title: string;
  url: string;
  htmlUrl?: string;
  /** Its labels (folders), by name. */
  labels: string[];
}

export interface ServerItem {
  /** The long id ("tag:google.com,2005:reader/item/<16 hex>"), as stream/contents gives it. */
  id: string;
  /** The item id as a decimal string (what stream/items/ids lists). */
  shortId: string;
  /** The subscription it came from ("feed/1"). */
  feedId: string;
  title: string;
  url: string;
  html: string;
  author?: string;
  /** UTC ms, when the feed gave one. */
  published?: number;
  /** When the server stored it, µs as a decimal string (ids sort by it). */
  crawledUsec: string;
  read: boolean;
  starred: boolean;
}

export interface ServerSession {
  /** The API's base, ".../api/greader.php" or a site's root: what ClientLogin and /reader/api/0 hang under. */
  base: string;
  /** The auth token of ClientLogin (the "Auth=" line). */
  auth: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** Counts every request made (for the idle-sync budget and the benchmarks). */
  onRequest?: (path: string) => void;
}

/** A short (decimal) item id from a long one; a short id is returned as it is. Ids stay strings: some servers use all 64 bits. */
export function shortItemId(id: string): string {
  const m = /\/item\/([0-9a-f]{1,16})$/i.exec(id);
  if (!m) return id;
  return BigInt.asIntN(64, BigInt(`0x${m[1]}`)).toString();
}

/** The long form of a short id (what every server accepts in edit-tag). */
export function longItemId(id: string): string {
  if (id.startsWith('tag:')) return id;
  const hex = BigInt.asUintN(64, BigInt(id)).toString(16).padStart(16, '0');
  return `tag:google.com,2005:reader/item/${hex}`;
}

/** Is the host a loopback one (the only place a plain-HTTP server is allowed)? */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The API bases to try for what the user typed: the address itself when it already names the API
 * (FreshRSS documents ".../api/greader.php"), else the site root and FreshRSS's path under it.
 * HTTPS is required except on loopback (throws 'needsHttps'); not a URL throws 'invalidUrl'.
 */
export function apiBases(typed: string): string[] {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim()) ? typed.trim() : `https://${typed.trim()}`);
  } catch {
    throw new ProblemError({ code: 'invalidUrl' });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) throw new ProblemError({ code: 'needsHttps' });
  url.search = '';
  url.hash = '';
  // Trailing pieces people paste from a client's settings: the login or the API path itself.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(accounts\/ClientLogin|reader\/api\/0.*)$/, '');
  const root = `${url.origin}${path}`;
  if (/greader\.php$/.test(path)) return [root];
  return [root, `${root}/api/greader.php`];
}

async function request(s: Pick<ServerSession, 'fetch' | 'timeoutMs' | 'onRequest'>, url: string, init: RequestInit): Promise<Response> {
  const timeoutMs = s.timeoutMs ?? SERVER_TIMEOUT_MS;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  s.onRequest?.(new URL(url).pathname);
  try {
    return await s.fetch(url, { ...init, signal: ctl.signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  } catch (e) {
    if (ctl.signal.aborted) throw new FetchError({ code: 'timeout', seconds: Math.round(timeoutMs / 1000) });
    throw new FetchError({ code: 'unreachable' });
  } finally {
    clearTimeout(timer);
  }
}

async function text(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch {
    throw new FetchError({ code: 'unreachable' });
  }
}

/** A non-2xx answer as a problem: 401/403 means the server refused the user name or password (or token). */
function failed(res: Response): never {
  if (res.status === 401 || res.status === 403) throw new FetchError({ code: 'serverRefused' }, res.status);
  const ra = Number(res.headers.get('retry-after'));
  throw new FetchError({ code: 'http', status: res.status, ...(ra > 0 ? { retryAfterMin: Math.max(1, Math.round(ra / 60)) } : {}) }, res.status, ra > 0 ? ra * 1000 : undefined);
}

/**
 * ClientLogin: the auth token for this user and API password. A refusal is 'serverRefused'; an
 * address that answers but is no Google Reader API is 'notFeedServer'.
 */
export async function clientLogin(s: Pick<ServerSession, 'base' | 'fetch' | 'timeoutMs' | 'onRequest'>, user: string, password: string): Promise<string> {
  const body = new URLSearchParams({ Email: user, Passwd: password });
  const res = await request(s, `${s.base}/accounts/ClientLogin`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (res.status === 401 || res.status === 403) throw new FetchError({ code: 'serverRefused' }, res.status);
  if (res.status === 404 || res.status === 405 || res.status === 501) throw new FetchError({ code: 'notFeedServer' }, res.status);
  if (!res.ok) failed(res);
  const auth = /^Auth=(.+)$/m.exec(await text(res))?.[1]?.trim();
  if (!auth) throw new FetchError({ code: 'notFeedServer' }, res.status);
  return auth;
}

/** Logs in at the first of the address's API bases that answers as a Google Reader API. */
export async function connect(typed: string, user: string, password: string, deps: Pick<ServerSession, 'fetch' | 'timeoutMs' | 'onRequest'>): Promise<ServerSession> {
  let last: unknown;
  for (const base of apiBases(typed)) {
    try {
      const auth = await clientLogin({ ...deps, base }, user, password);
      return { ...deps, base, auth };
    } catch (e) {
      // A refusal or an unreachable server is the answer; only "not the API here" tries the next path.
      if (!(e instanceof ProblemError) || e.problem.code !== 'notFeedServer') throw e;
      last = e;
    }
  }
  throw last;
}

async function call(s: ServerSession, path: string, params: Array<[string, string]> = [], post?: Array<[string, string]>): Promise<string> {
  const qs = params.length ? `?${new URLSearchParams(params)}` : '';
  const headers: Record<string, string> = { authorization: `GoogleLogin auth=${s.auth}` };
  const init: RequestInit = post ? { method: 'POST', body: new URLSearchParams(post), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } } : { headers };
  const res = await request(s, `${s.base}/reader/api/0/${path}${qs}`, init);
  if (!res.ok) failed(res);
  return text(res);
}

async function callJson(s: ServerSession, path: string, params: Array<[string, string]> = [], post?: Array<[string, string]>): Promise<Record<string, unknown>> {
  const body = await call(s, path, params, post);
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // below
  }
  throw new ProblemError({ code: 'notFeedServer' });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The user's name as the server knows it. */
export async function userInfo(s: ServerSession): Promise<{ userName: string }> {
  const v = await callJson(s, 'user-info', [['output', 'json']]);
  return { userName: str(v.userName) ?? str(v.userId) ?? '' };
}

/** The edit token (T) that write calls carry. */
export async function editToken(s: ServerSession): Promise<string> {
  return (await call(s, 'token')).trim();
}

export async function subscriptions(s: ServerSession): Promise<ServerSubscription[]> {
  const v = await callJson(s, 'subscription/list', [['output', 'json']]);
  if (!Array.isArray(v.subscriptions)) throw new ProblemError({ code: 'notFeedServer' });
  const out: ServerSubscription[] = [];
  for (const raw of v.subscriptions) {
    const o = obj(raw);
    const id = str(o.id);
    // Subscription ids are "feed/<number>" on FreshRSS: the feed's address is `url` (some servers put it only in the id).
    const url = str(o.url) ?? (id?.startsWith('feed/') ? id.slice(5) : undefined);
    if (!id || !url) continue;
    const labels = list(o.categories).map((c) => str(obj(c).label) ?? str(obj(c).id)?.replace(LABEL_PREFIX, '')).filter((l): l is string => !!l);
    out.push({ id, title: str(o.title) ?? url, url, htmlUrl: str(o.htmlUrl), labels });
  }
  return out;
}

function itemOf(raw: unknown): ServerItem | undefined {
  const o = obj(raw);
  const id = str(o.id);
  if (!id) return undefined;
  const cats = list(o.categories).map(str);
  const link = str(obj(list(o.canonical)[0]).href) ?? str(obj(list(o.alternate)[0]).href) ?? '';
  const published = typeof o.published === 'number' && o.published > 0 ? o.published * 1000 : undefined;
  return {
    id,
    shortId: shortItemId(id),
    feedId: str(obj(o.origin).streamId) ?? '',
    title: str(o.title) ?? '',
    url: link,
    html: str(obj(o.content).content) ?? str(obj(o.summary).content) ?? '',
    author: str(o.author) || undefined,
    published,
    crawledUsec: str(o.timestampUsec) ?? (str(o.crawlTimeMsec) ? `${str(o.crawlTimeMsec)}000` : '0'),
    read: cats.includes(READ),
    starred: cats.includes(STARRED),
  };
}

/**
 * Every item of the reading list the server stored after `sinceSec` (unix s; 0: all), newest first,
 * page after page until the server gives no continuation.
 */
export async function itemsSince(s: ServerSession, sinceSec: number, page = PAGE_ITEMS): Promise<ServerItem[]> {
  const out: ServerItem[] = [];
  let c: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const params: Array<[string, string]> = [['n', String(page)], ['output', 'json']];
    if (sinceSec > 0) params.push(['ot', String(Math.floor(sinceSec))]);
    if (c) params.push(['c', c]);
    const v = await callJson(s, `stream/contents/${READING_LIST}`, params);
    if (!Array.isArray(v.items)) throw new ProblemError({ code: 'notFeedServer' });
    for (const raw of v.items) {
      const it = itemOf(raw);
      if (it) out.push(it);
    }
    c = str(v.continuation);
    // A continuation may come with a short last page; the page after is empty, with none.
    if (!c || v.items.length === 0) break;
  }
  return out;
}

/** The short ids of a stream's items (`exclude`: less those with this state), every page. */
export async function itemIds(s: ServerSession, stream: string, exclude?: string, page = PAGE_IDS): Promise<string[]> {
  const out: string[] = [];
  let c: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const params: Array<[string, string]> = [['s', stream], ['n', String(page)], ['output', 'json']];
    if (exclude) params.push(['xt', exclude]);
    if (c) params.push(['c', c]);
    const v = await callJson(s, 'stream/items/ids', params);
    const refs = list(v.itemRefs);
    if (!Array.isArray(v.itemRefs) && v.itemRefs !== undefined && v.itemRefs !== null) throw new ProblemError({ code: 'notFeedServer' });
    for (const r of refs) {
      const id = str(obj(r).id);
      if (id) out.push(shortItemId(id));
    }
    c = str(v.continuation);
    if (!c || refs.length === 0) break;
  }
  return out;
}

function expectOk(body: string): void {
  if (body.trim() !== 'OK') throw new ProblemError({ code: 'notFeedServer' });
}

/** Adds (`add`) or removes a state on items (read, starred); ids long or short. */
export async function editTag(s: ServerSession, token: string, ids: readonly string[], change: { add?: string; remove?: string }): Promise<void> {
  const post: Array<[string, string]> = [['T', token]];
  if (change.add) post.push(['a', change.add]);
  if (change.remove) post.push(['r', change.remove]);
  for (const id of ids) post.push(['i', longItemId(id)]);
  expectOk(await call(s, 'edit-tag', [], post));
}

/** Marks a stream read on the server up to `beforeMs` (its own "mark all as read"). */
export async function markAllAsRead(s: ServerSession, token: string, stream: string, beforeMs: number): Promise<void> {
  expectOk(await call(s, 'mark-all-as-read', [], [['T', token], ['s', stream], ['ts', `${Math.floor(beforeMs)}000000`]]));
}

/** Subscribes to a feed; resolves to the server's id of the subscription. */
export async function quickAdd(s: ServerSession, token: string, url: string): Promise<{ id: string; title?: string }> {
  const v = await callJson(s, 'subscription/quickadd', [], [['T', token], ['quickadd', url]]);
  const id = str(v.streamId);
  if (!id || Number(v.numResults) === 0) throw new ProblemError({ code: 'noFeedHere' });
  return { id, title: str(v.streamName) };
}

/** Renames and/or moves a subscription (to label `label`), or unsubscribes it. */
export async function editSubscription(s: ServerSession, token: string, id: string, edit: { title?: string; label?: string; from?: string } | 'unsubscribe'): Promise<void> {
  const post: Array<[string, string]> = [['T', token], ['s', id], ['ac', edit === 'unsubscribe' ? 'unsubscribe' : 'edit']];
  if (edit !== 'unsubscribe') {
    if (edit.title) post.push(['t', edit.title]);
    if (edit.label) post.push(['a', `${LABEL_PREFIX}${edit.label}`]);
    if (edit.from && edit.from !== edit.label) post.push(['r', `${LABEL_PREFIX}${edit.from}`]);
  }
  expectOk(await call(s, 'subscription/edit', [], post));
}
