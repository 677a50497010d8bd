// Fetching a publisher's page for the reader, through the one fetcher (utils/net/fetch-source.ts):
// one GET with its time limit and size cap, HTML only, the page's own character set, no cookies (the
// reader shows what any visitor sees), and failures as Problems (FetchError) worded where shown.
import { FetchError, fetchSource } from '../net/fetch-source';

export interface FetchedPage {
  /** Where the page ended up after redirects: links resolve against it. */
  url: string;
  html: string;
}

/** `fetchFn` defaults to the global fetch, wrapped: a browser's fetch refuses to be called as another object's method. */
export async function fetchPage(url: string, fetchFn: typeof fetch = (input, init) => fetch(input, init), opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedPage> {
  const got = await fetchSource(url, { fetch: fetchFn, page: true, ...opts });
  // No validators were sent, so a 304 is a server's mistake: nothing to read.
  if (got.kind !== 'ok') throw new FetchError({ code: 'http', status: 304 }, 304);
  return { url: got.finalUrl, html: got.body };
}
