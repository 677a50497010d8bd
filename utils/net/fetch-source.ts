// One HTTP fetch of a source: conditional GET, a timeout, a size cap, charset decoding, and
// failures turned into plain words for the user. `fetch` is passed in so tests use a real server.
import { decodeBody } from './decode';

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
}

export type FetchOutcome =
  | { kind: 'not-modified'; etag?: string; lastModified?: string }
  | { kind: 'ok'; body: string; contentType: string; etag?: string; lastModified?: string; status: number; finalUrl: string; redirected: boolean };

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** The server asked us to wait this long (Retry-After), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
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

function statusWords(status: number, retryAfterMs?: number): string {
  const wait = retryAfterMs !== undefined ? `; it asked us to wait ${Math.max(1, Math.round(retryAfterMs / 60_000))} min` : '';
  if (status === 401 || status === 403) return `the server refused access (${status}): the address may need a login, or the API key is wrong`;
  if (status === 404) return 'the server answered 404: nothing is at this address any more';
  if (status === 410) return 'the server answered 410: this feed has been removed';
  if (status === 429) return `the server says we asked too often (429)${wait}`;
  if (status === 503) return `the server is unavailable for now (503)${wait}`;
  if (status >= 500) return `the server had a problem (${status}); we will try again later`;
  return `the server answered ${status} instead of a feed`;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) throw new FetchError(`the feed is too large (${(declared / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)`);
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
      throw new FetchError(`the feed is too large (over ${maxBytes / 1048576} MB)`);
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
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    ...opts.headers,
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  try {
    const res = await opts.fetch(url, { headers, signal: ctrl.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    if (res.status === 304) {
      return { kind: 'not-modified', etag: res.headers.get('etag') ?? opts.etag, lastModified: res.headers.get('last-modified') ?? opts.lastModified };
    }
    if (!res.ok) {
      const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now()) : undefined;
      await res.body?.cancel().catch(() => {});
      throw new FetchError(statusWords(res.status, retryAfterMs), res.status, retryAfterMs);
    }
    const contentType = res.headers.get('content-type') ?? '';
    const bytes = await readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return {
      kind: 'ok',
      body: decodeBody(bytes, contentType),
      contentType,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      status: res.status,
      finalUrl: res.url || url,
      redirected: res.redirected,
    };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (ctrl.signal.aborted) throw new FetchError(`the server did not answer within ${Math.round(timeoutMs / 1000)} seconds`);
    throw new FetchError('could not reach the server: you may be offline, or the address is wrong');
  } finally {
    clearTimeout(timer);
  }
}
