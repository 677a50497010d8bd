// The host permissions a list of sources needs (one pattern per origin), for a single prompt.
import type { SourceKind, Topic } from './model';
import { searchFeedOf } from './search-feeds/topic-search';
import { apiRequest, isApiKind } from './sources/api-kinds';
import { hostPattern } from './net/host-pattern';

export function originsFor(sources: ReadonlyArray<{ url: string; kind?: SourceKind }>): string[] {
  const out = new Set<string>();
  for (const s of sources) {
    try {
      const url = s.kind && isApiKind(s.kind) ? apiRequest(s.kind, s.url, 'x').url : s.url;
      out.add(hostPattern(url));
    } catch {
      // not a URL: nothing to ask for
    }
  }
  return [...out];
}

/** The host permissions the topics' searches need (an imported topic that searches the news). */
export function searchOrigins(topics: ReadonlyArray<Pick<Topic, 'query' | 'search'>>, locale: string): string[] {
  const out = new Set<string>();
  for (const t of topics) {
    const feed = t.search && searchFeedOf(t, t.search, locale);
    if (feed?.ok) out.add(hostPattern(feed.url));
  }
  return [...out];
}
