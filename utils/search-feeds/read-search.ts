// A topic's search read from outside (a settings file, another device): the engine and its settings
// checked field by field; anything else is refused as a whole, so no half-read search is followed.
import { googleAlertsFeed } from './search-url';
import type { TopicSearch } from './topic-search';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const EDITION = { hl: /^[a-z]{2,3}(-[A-Z]{2})?$/, gl: /^[A-Z]{2}$/, ceid: /^[A-Z]{2}:[a-z]{2,3}$/ };

/** The search, or undefined when `v` is not one. */
export function readTopicSearch(v: unknown): TopicSearch | undefined {
  if (!isObj(v)) return undefined;
  if (v.kind === 'bingNews') return { kind: 'bingNews' };
  if (v.kind === 'googleAlerts') {
    const url = typeof v.url === 'string' ? googleAlertsFeed(v.url) : undefined;
    return url ? { kind: 'googleAlerts', url } : undefined;
  }
  if (v.kind !== 'googleNews') return undefined;
  if (v.edition === undefined) return { kind: 'googleNews' };
  const ed = v.edition;
  if (!isObj(ed) || !(Object.keys(EDITION) as Array<keyof typeof EDITION>).every((k) => typeof ed[k] === 'string' && EDITION[k].test(ed[k] as string))) return undefined;
  return { kind: 'googleNews', edition: { hl: ed.hl as string, gl: ed.gl as string, ceid: ed.ceid as string } };
}
