// What is behind an address the user typed: a feed (which kind, its title), a web page that
// announces feeds, or a problem. Fetched with the poller's own fetcher (charset, size cap, timeout),
// so a feed reads the same when it is added as when it is polled.
import type { FeedKind } from './model';
import { fetchSource, type Fetched } from './net/fetch-source';
import { problemOf, type Problem } from './problems';
import { detectKind, discoverFeeds, parseFeedText, type DiscoveredFeed } from './sources';
import { feedSelfUrl } from './sources/self-url';
import { isApiKind } from './sources/kinds';

export type Inspection =
  | {
      kind: 'feed';
      url: string;
      feedKind: FeedKind;
      title: string;
      items: number;
      /** Where the address led after redirects, and the address the feed gives for itself. */
      finalUrl: string;
      selfUrl?: string;
    }
  | { kind: 'page'; url: string; feeds: DiscoveredFeed[] }
  | { kind: 'problem'; problem: Problem };

export async function inspectUrl(url: string, fetch: typeof globalThis.fetch, opts: { timeoutMs?: number } = {}): Promise<Inspection> {
  let res: Fetched;
  try {
    const out = await fetchSource(url, { fetch, timeoutMs: opts.timeoutMs });
    if (out.kind !== 'ok') throw new Error('a 304 without a conditional request');
    res = out;
  } catch (e) {
    return { kind: 'problem', problem: problemOf(e) };
  }
  const finalUrl = res.finalUrl || url;
  const kind = detectKind(res.body, res.contentType);
  if (kind === 'html') {
    const feeds = discoverFeeds(res.body, finalUrl);
    return feeds.length > 0 ? { kind: 'page', url: finalUrl, feeds } : { kind: 'problem', problem: { code: 'noFeedHere' } };
  }
  if (isApiKind(kind)) return { kind: 'problem', problem: { code: 'isApi' } };
  if (kind === 'unknown') return { kind: 'problem', problem: { code: 'noFeedHere' } };
  try {
    const feed = parseFeedText(res.body, { baseUrl: finalUrl });
    const selfUrl = feedSelfUrl(res.body, finalUrl);
    return { kind: 'feed', url, feedKind: kind, title: feed.title?.trim() ?? '', items: feed.items.length, finalUrl, ...(selfUrl ? { selfUrl } : {}) };
  } catch (e) {
    return { kind: 'problem', problem: problemOf(e) };
  }
}
