// A search feed's items as Newsbar keeps them: which engine wrote the feed (from its address, or from
// what the feed says about itself for a file), and each item cleaned the engine's way: its outlet
// ("Reuters via Google News"), its title without the publisher suffix, the address it opens, its
// summary without Google's title-only lines, and Google's related coverage as its other reports.
import type { ParsedItem } from '../model';
import type { ParsedSourceFeed } from '../sources/types';
import { cleanGoogleSummary, stripPublisher, unwrapRedirect, type RelatedReport } from './clean-item';
import { ENGINE_NAMES, searchFeedKindOfUrl, type SearchFeedKind } from './kind';

export { searchFeedKindOfUrl, type SearchFeedKind };

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
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
