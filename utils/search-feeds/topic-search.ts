// A topic's search, the pure part: which feed it follows (Google News in an edition from the browser's
// locale unless the topic chose one, Bing News, or a pasted Google Alerts feed), and which fetched items
// it keeps: the engine's match is loose (stems, parts of words, what the mapping left out), so every item
// is checked against the topic's own query before it is stored.
import type { ParsedItem, Topic } from '../model';
import { parseQuery } from '../topics/query';
import { compileTopic, compiledMatches, prepareDoc } from '../topics/match';
import { htmlToText } from '../normalize/text';
import { mapQuery } from './query-map';
import { bingNewsSearchUrl, editionOf, googleAlertsFeed, googleNewsSearchUrl, type GoogleEdition } from './search-url';
import type { SearchFeedKind } from './kind';

export type TopicSearch =
  | { kind: 'googleNews'; /** Absent: from the browser's locale. */ edition?: GoogleEdition }
  | { kind: 'bingNews' }
  | { kind: 'googleAlerts'; url: string };

/** Why no search feed can be made: words for them come from the page (search_problem_*). */
export type SearchProblem = 'badQuery' | 'nothingToSearch' | 'notAlertsFeed';

export type SearchFeed = { ok: true; kind: SearchFeedKind; url: string; exact: boolean } | { ok: false; problem: SearchProblem };

export function searchFeedOf(topic: Pick<Topic, 'query'>, search: TopicSearch, locale: string): SearchFeed {
  if (search.kind === 'googleAlerts') {
    // The alert's words live at Google; the topic's query still filters what comes.
    const url = googleAlertsFeed(search.url);
    return url ? { ok: true, kind: 'googleAlerts', url, exact: false } : { ok: false, problem: 'notAlertsFeed' };
  }
  const parsed = parseQuery(topic.query);
  if (!parsed.ok) return { ok: false, problem: 'badQuery' };
  const mapped = mapQuery(parsed.ast, search.kind === 'bingNews' ? 'bing' : 'google');
  if (!mapped.q) return { ok: false, problem: 'nothingToSearch' };
  const url = search.kind === 'bingNews' ? bingNewsSearchUrl(mapped.q) : googleNewsSearchUrl(mapped.q, search.edition ?? editionOf(locale));
  return { ok: true, kind: search.kind, url, exact: mapped.exact };
}

/** Does the topic's own query match an item (its source scope does not apply: the search is the topic's own)? Compiled once. */
export function topicMatcher(topic: Pick<Topic, 'query'>): (it: Pick<ParsedItem, 'title' | 'summaryHtml'>) => boolean {
  const compiled = compileTopic({ id: 'search', name: '', query: topic.query, sourceIds: [], notify: false, breaking: false, createdAt: 0 });
  return (it) => compiledMatches(compiled, prepareDoc({ title: it.title, text: htmlToText(it.summaryHtml) }));
}

/** The fetched items the topic's own query matches. */
export function keepMatching<T extends ParsedItem>(topic: Pick<Topic, 'query'>, items: readonly T[]): T[] {
  return items.filter(topicMatcher(topic));
}
