// What is behind an address the user typed: a feed (which kind, its title), a web page that
// announces feeds, or something Newsbar cannot read. The fetch is passed in.
import type { FeedKind } from './model';
import { detectKind, discoverFeeds, parseFeedText, type DiscoveredFeed } from './sources';

export interface Fetched {
  status: number;
  contentType: string;
  url: string;
  text: string;
}

export type InspectProblem = 'unreachable' | 'httpError' | 'noFeed' | 'brokenFeed' | 'isApi';

export type Inspection =
  | { kind: 'feed'; url: string; feedKind: FeedKind; title: string; items: number }
  | { kind: 'page'; url: string; feeds: DiscoveredFeed[] }
  | { kind: 'problem'; problem: InspectProblem; status?: number; detail?: string };

export async function inspectUrl(url: string, fetchText: (url: string) => Promise<Fetched>): Promise<Inspection> {
  let res: Fetched;
  try {
    res = await fetchText(url);
  } catch (e) {
    return { kind: 'problem', problem: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
  }
  if (res.status < 200 || res.status >= 300) return { kind: 'problem', problem: 'httpError', status: res.status };
  const kind = detectKind(res.text, res.contentType);
  if (kind === 'html') {
    const feeds = discoverFeeds(res.text, res.url || url);
    return feeds.length > 0 ? { kind: 'page', url: res.url || url, feeds } : { kind: 'problem', problem: 'noFeed' };
  }
  if (kind === 'newsapi' || kind === 'guardian' || kind === 'gnews') return { kind: 'problem', problem: 'isApi' };
  if (kind === 'unknown') return { kind: 'problem', problem: 'noFeed' };
  try {
    const feed = parseFeedText(res.text, { baseUrl: res.url || url });
    return { kind: 'feed', url, feedKind: kind, title: feed.title?.trim() ?? '', items: feed.items.length };
  } catch (e) {
    return { kind: 'problem', problem: 'brokenFeed', detail: e instanceof Error ? e.message : String(e) };
  }
}
