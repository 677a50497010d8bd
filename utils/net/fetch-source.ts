// One HTTP fetch of a source, for the poller, the options page and the reader alike: conditional GET,
// a timeout, a size cap, charset decoding, and failures as typed problems. `fetch` is passed in so tests
// use a real server.
import { decodeBody, decodePage } from './decode';
import { ProblemError, type Problem } from '../problems';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface FetchOptions {
  fetch: typeof fetch;
  etag?: string;
  lastModified?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => number;
  /**
   * A web page for the reader, not a feed: asks for HTML, refuses any other type (`notPage`) before
   * reading it, and reads the charset a page declares in a <meta> when the headers name none.
   */
  page?: boolean;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** A source's body as fetched: the one result type for the poller and the options page. */
export interface Fetched {
  body: string;
  contentType: string;
  status: number;
  /** The address after redirects. */
  finalUrl: string;
  redirected: boolean;
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome = { kind: 'not-modified'; etag?: string; lastModified?: string } | ({ kind: 'ok' } & Fetched);

/** A fetch that failed: its Problem says why (unreachable, timeout, redirect loop, HTTP status, size). */
export class FetchError extends ProblemError {
  constructor(
    problem: Problem,
    readonly status?: number,
    /** The server asked us to wait this long (Retry-After), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(problem);
    this.name = 'FetchError';
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(v: string | null, now: number): number | undefined {
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function httpProblem(status: number, retryAfterMs?: number): Problem {
  return retryAfterMs !== undefined ? { code: 'http', status, retryAfterMin: Math.max(1, Math.round(retryAfterMs / 60_000)) } : { code: 'http', status };
}

/**
 * Why a fetch failed at the network level. A browser's fetch says only "Failed to fetch" for a redirect
 * loop and for being offline alike, so a second request that does not follow redirects tells them apart:
 * a server that answers it with a redirect is reachable, and following it is what failed.
 */
async function networkProblem(e: unknown, url: string, init: RequestInit, f: typeof fetch): Promise<Problem> {
  const cause = (e as { cause?: { message?: string } } | null)?.cause?.message ?? '';
  if (/redirect count exceeded|too many redirects/i.test(cause)) return { code: 'redirectLoop' }; // node's fetch says so
  try {
    const probe = await f(url, { ...init, redirect: 'manual' });
    await probe.body?.cancel().catch(() => {});
    if (probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400)) return { code: 'redirectLoop' };
  } catch {
    // unreachable indeed
  }
  return { code: 'unreachable' };
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) throw new FetchError({ code: 'tooLarge', limitMb: maxBytes / 1048576 });
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError({ code: 'tooLarge', limitMb: maxBytes / 1048576 });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

export async function fetchSource(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const ctrl = new AbortController();
  // The timer covers the headers and the body: a server that trickles bytes forever is cut off too.
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: opts.page ? PAGE_ACCEPT : FEED_ACCEPT, ...opts.headers };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  try {
    const init: RequestInit = { headers, signal: ctrl.signal, cache: 'no-store', credentials: 'omit' };
    let res: Response;
    try {
      res = await opts.fetch(url, { ...init, redirect: 'follow' });
    } catch (e) {
      if (ctrl.signal.aborted) throw e;
      throw new FetchError(await networkProblem(e, url, init, opts.fetch));
    }
    if (res.status === 304) {
      return { kind: 'not-modified', etag: res.headers.get('etag') ?? opts.etag, lastModified: res.headers.get('last-modified') ?? opts.lastModified };
    }
    if (!res.ok) {
      const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now()) : undefined;
      await res.body?.cancel().catch(() => {});
      throw new FetchError(httpProblem(res.status, retryAfterMs), res.status, retryAfterMs);
    }
    const contentType = res.headers.get('content-type') ?? '';
    // A picture or a download is no page: refused before its bytes are read.
    if (opts.page && contentType && !/html|xml|text\/plain/i.test(contentType)) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError({ code: 'notPage', type: contentType.split(';')[0]!.trim() });
    }
    const bytes = await readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return {
      kind: 'ok',
      body: opts.page ? decodePage(bytes, contentType) : decodeBody(bytes, contentType),
      contentType,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      status: res.status,
      finalUrl: res.url || url,
      redirected: res.redirected,
    };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (ctrl.signal.aborted) throw new FetchError({ code: 'timeout', seconds: Math.round(timeoutMs / 1000) });
    throw new FetchError({ code: 'unreachable' });
  } finally {
    clearTimeout(timer);
  }
}
