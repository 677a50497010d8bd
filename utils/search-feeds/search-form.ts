// The topic editor's "Also search the news" fields, to and from a topic's search: the edition is typed as
// a locale ("de-AT"), empty when it follows the browser's; a pasted Alerts address is checked as it is.
import type { Topic } from '../model';
import { editionOf, type GoogleEdition } from './search-url';
import { searchFeedOf, type SearchProblem, type TopicSearch } from './topic-search';

export type SearchEngineChoice = TopicSearch['kind'];

export interface SearchForm {
  on: boolean;
  engine: SearchEngineChoice;
  /** A locale ("en-GB", "de-AT"); empty: the browser's. */
  edition: string;
  alertsUrl: string;
}

/** An edition as the locale typed for it ("de-AT", "en-GB"). */
export const localeOfEdition = (ed: GoogleEdition): string => `${ed.ceid.split(':')[1] ?? ed.hl}-${ed.gl}`;

export function formOfSearch(search: TopicSearch | undefined): SearchForm {
  return {
    on: !!search,
    engine: search?.kind ?? 'googleNews',
    edition: search?.kind === 'googleNews' && search.edition ? localeOfEdition(search.edition) : '',
    alertsUrl: search?.kind === 'googleAlerts' ? search.url : '',
  };
}

const LOCALE = /^[a-z]{2,3}([-_][a-z]{2})?$/i;

/** The topic's search from the fields (undefined: off), or why it cannot be made. */
export function searchOfForm(form: SearchForm, query: Topic['query'], locale: string): { ok: true; search?: TopicSearch; url?: string } | { ok: false; problem: SearchProblem | 'badEdition' } {
  if (!form.on) return { ok: true };
  let search: TopicSearch;
  if (form.engine === 'googleAlerts') search = { kind: 'googleAlerts', url: form.alertsUrl.trim() };
  else if (form.engine === 'bingNews') search = { kind: 'bingNews' };
  else {
    const typed = form.edition.trim();
    if (typed && !LOCALE.test(typed)) return { ok: false, problem: 'badEdition' };
    search = typed ? { kind: 'googleNews', edition: editionOf(typed) } : { kind: 'googleNews' };
  }
  const feed = searchFeedOf({ query }, search, locale);
  return feed.ok ? { ok: true, search: search.kind === 'googleAlerts' ? { kind: 'googleAlerts', url: feed.url } : search, url: feed.url } : { ok: false, problem: feed.problem };
}
