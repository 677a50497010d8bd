// A search feed's items as Newsbar keeps them: which engine wrote the feed (from its address, or from
// what the feed says about itself for a file), and each item cleaned the engine's way: its outlet
// ("Reuters via Google News"), its title without the publisher suffix, the address it opens, its
// summary without Google's title-only lines, and Google's related coverage as its other reports.
import type { ParsedItem } from '../model';
import type { ParsedSourceFeed } from '../sources/types';
import { cleanGoogleSummary, stripPublisher, unwrapRedirect, type RelatedReport, type SearchEngineName } from './clean-item';

export type SearchFeedKind = 'googleNews' | 'bingNews' | 'googleAlerts';

const ENGINE_NAMES: Record<SearchFeedKind, SearchEngineName> = { googleNews: 'Google News', bingNews: 'Bing News', googleAlerts: 'Google Alerts' };

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/** The kind of search feed at this address, if it is one. */
export function searchFeedKindOfUrl(url: string): SearchFeedKind | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'news.google.com' && u.pathname.startsWith('/rss')) return 'googleNews';
  if (host === 'bing.com' && u.pathname.startsWith('/news') && u.searchParams.get('format')?.toLowerCase() === 'rss') return 'bingNews';
  if (/^google\.[a-z.]+$/.test(host) && u.pathname.startsWith('/alerts/feeds/')) return 'googleAlerts';
  return undefined;
}

/** A feed read from a file or an unknown address: what it says about itself (its site, its links). */
export function searchFeedKindOf(feed: Pick<ParsedSourceFeed, 'siteUrl' | 'title' | 'items'>, url?: string): SearchFeedKind | undefined {
  const byUrl = url ? searchFeedKindOfUrl(url) : undefined;
  if (byUrl) return byUrl;
  const site = hostOf(feed.siteUrl);
  if (site === 'news.google.com') return 'googleNews';
  if (site === 'bing.com' && feed.items.some((it) => /bing\.com\/news\/apiclick\.aspx/i.test(it.url))) return 'bingNews';
  if (/^Google Alert\b/.test(feed.title ?? '') || (site.startsWith('google.') && feed.items.some((it) => /google\.[a-z.]+\/url\?/.test(it.url)))) return 'googleAlerts';
  return undefined;
}

export interface SearchItem extends ParsedItem {
  /** The outlet as shown: "Reuters via Google News". */
  outletLabel: string;
  /** Google News' related coverage (other outlets' reports of the same story). */
  related: RelatedReport[];
}

export function outletLabel(outlet: string | undefined, kind: SearchFeedKind): string {
  return outlet ? `${outlet} via ${ENGINE_NAMES[kind]}` : ENGINE_NAMES[kind];
}

/** One item cleaned for its engine. */
export function readSearchItem(kind: SearchFeedKind, it: ParsedItem): SearchItem {
  if (kind === 'googleNews') {
    // Google News article links are opened as given: decoding them would mean asking Google.
    const title = stripPublisher(it.title, it.outlet);
    const { summaryHtml, related } = cleanGoogleSummary(it.summaryHtml, title);
    return { ...it, title, summaryHtml, outletLabel: outletLabel(it.outlet, kind), related };
  }
  const url = unwrapRedirect(it.url);
  // Bing's and Alerts' outlet is not in a field feed readers share: the article's own site names it.
  const outlet = it.outlet ?? (hostOf(url) || undefined);
  return { ...it, url, ...(outlet ? { outlet } : {}), outletLabel: outletLabel(outlet, kind), related: [] };
}

export const readSearchItems = (kind: SearchFeedKind, items: readonly ParsedItem[]): SearchItem[] => items.map((it) => readSearchItem(kind, it));
