// Which search engine wrote a feed, from its address alone: small, so the sidebar can name an outlet
// "Reuters via Google News" without loading the readers (read.ts).
export type SearchFeedKind = 'googleNews' | 'bingNews' | 'googleAlerts';

/** The engines' own names (brands: the same in every language). */
export const ENGINE_NAMES: Record<SearchFeedKind, string> = { googleNews: 'Google News', bingNews: 'Bing News', googleAlerts: 'Google Alerts' };

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
