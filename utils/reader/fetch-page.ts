// Fetching a publisher's page for the reader: one GET, a time limit, a size cap, HTML only, the
// page's own character set, and no cookies (the reader shows what any visitor sees).
import { charsetFromContentType, decodeBody } from '../net/decode';

export const PAGE_TIMEOUT_MS = 20_000;
export const PAGE_MAX_BYTES = 5 * 1024 * 1024;

export type PageErrorCode = 'network' | 'timeout' | 'http' | 'not-html' | 'too-large';

export class PageFetchError extends Error {
  constructor(
    readonly code: PageErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PageFetchError';
  }
}

export interface FetchedPage {
  /** Where the page ended up after redirects: links resolve against it. */
  url: string;
  html: string;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 2048);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

export async function fetchPage(url: string, fetchFn: typeof fetch = fetch, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedPage> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? PAGE_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await fetchFn(url, { credentials: 'omit', redirect: 'follow', signal: ctrl.signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } });
    } catch (e) {
      if (ctrl.signal.aborted) throw new PageFetchError('timeout', `the page did not answer within ${Math.round((opts.timeoutMs ?? PAGE_TIMEOUT_MS) / 1000)} s`);
      throw new PageFetchError('network', `could not reach the page: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new PageFetchError('http', `the site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
    const type = res.headers.get('content-type') ?? '';
    if (type && !/html|xml|text\/plain/i.test(type)) throw new PageFetchError('not-html', `the address is not a web page (${type.split(';')[0]})`);
    const max = opts.maxBytes ?? PAGE_MAX_BYTES;
    const declared = Number(res.headers.get('content-length'));
    if (declared > max) throw new PageFetchError('too-large', `the page is larger than ${Math.round(max / 1048576)} MB`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      if (ctrl.signal.aborted) throw new PageFetchError('timeout', `the page did not finish within ${Math.round((opts.timeoutMs ?? PAGE_TIMEOUT_MS) / 1000)} s`);
      throw new PageFetchError('network', `the page broke off: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (bytes.length > max) throw new PageFetchError('too-large', `the page is larger than ${Math.round(max / 1048576)} MB`);
    const charset = charsetFromContentType(type) ?? charsetFromMeta(bytes);
    return { url: res.url || url, html: decodeBody(bytes, charset ? `text/html; charset=${charset}` : type) };
  } finally {
    clearTimeout(timer);
  }
}
