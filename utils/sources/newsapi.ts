// NewsAPI (newsapi.org /v2/everything and /v2/top-headlines) -> normalized items.
import { parseDate } from '../normalize/dates';
import { htmlToText } from '../normalize/text';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import { SourceApiError, SourceFormatError, redactKey } from './errors';
import { finishItem } from './item-draft';
import { cleanText, textToHtml } from './item-text';
import { parseJsonText } from './json-text';
import type { ParseOptions, ParsedSourceFeed } from './types';
import type { ParsedItem } from '../model';

export const NEWSAPI_BASE = 'https://newsapi.org/v2/';

export interface ApiParseOptions extends ParseOptions {
  /** The key used for the request: removed from any error message. */
  apiKey?: string;
}

export interface ApiRequest {
  url: string;
  headers: Record<string, string>;
  /** The URL with the key masked, for logs and messages. */
  displayUrl: string;
}

/** The JSON body of an API response, as an object (parse it when it is still text). */
export function apiObject(data: unknown, apiName: string): Record<string, unknown> {
  const obj = typeof data === 'string' ? parseJsonText(data) : data;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new SourceFormatError(`this is not a ${apiName} response`, { problem: { code: 'notApi', api: apiName } });
  }
  return obj as Record<string, unknown>;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** API "content" fields are truncated plain text ending in "… [+1234 chars]": drop the marker. */
export function truncatedText(s: string | undefined): string {
  return (s ?? '').replace(/\s*(?:…|\.\.\.)?\s*\[\+?\d+ chars\]\s*$/, '…').trim();
}

/**
 * An API text field -> HTML. The news APIs document plain text, but their `content` often carries the
 * page's markup (`<ul><li>…`) or entities (`S&amp;P 500`): such text is HTML (sanitized when shown), not
 * text to escape. A tag cut off by the API's truncation is dropped.
 */
export function apiTextToHtml(s: string): string {
  if (!s) return '';
  if (/<\/?[a-z][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(s)) return s.replace(/<[^<>]*…?$/, '…').replace(/……$/, '…');
  return textToHtml(s);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Headlines end with " - Source Name", which the sidebar shows apart. Matched whatever the case and
 * spacing ("- POLITICO" for "Politico", "Title -Reuters"); a title that is only the name is kept.
 */
export function stripPublisherSuffix(title: string, sourceName: string | undefined): string {
  const name = cleanText(sourceName);
  if (!name) return title;
  const re = new RegExp(`\\s*[-–—|]\\s*${name.split(' ').map(escapeRegExp).join('\\s*')}\\s*$`, 'i');
  const m = re.exec(title);
  if (!m || m.index === 0) return title;
  const rest = title.slice(0, m.index).trim();
  return rest || title;
}

/** Request for NewsAPI: a full URL (newsapi.org/v2/...) or a search query. The key goes in a header. */
export function newsApiRequest(baseUrlOrQuery: string, apiKey: string): ApiRequest {
  const q = (baseUrlOrQuery ?? '').trim();
  let url: URL;
  if (/^https?:\/\//i.test(q)) {
    url = new URL(q);
    url.searchParams.delete('apiKey');
    url.searchParams.delete('apikey');
  } else if (q) {
    url = new URL('everything', NEWSAPI_BASE);
    url.searchParams.set('q', q);
    url.searchParams.set('sortBy', 'publishedAt');
    url.searchParams.set('pageSize', '50');
  } else {
    url = new URL('top-headlines', NEWSAPI_BASE);
    url.searchParams.set('category', 'general');
    url.searchParams.set('country', 'us');
    url.searchParams.set('pageSize', '50');
  }
  return { url: url.href, headers: { 'X-Api-Key': apiKey }, displayUrl: url.href };
}

/** A NewsAPI response (text or parsed JSON) -> items. `{status:'error'}` -> SourceApiError with NewsAPI's words. */
export function parseNewsApi(data: unknown, opts: ApiParseOptions = {}): ParsedSourceFeed {
  const o = apiObject(data, 'NewsAPI');
  const key = opts.apiKey ?? '';
  if (o.status === 'error') {
    const message = cleanText(str(o.message)) || 'NewsAPI answered with an error';
    throw new SourceApiError('NewsAPI', redactKey(message, key), str(o.code));
  }
  if (!Array.isArray(o.articles)) {
    throw new SourceFormatError('this is not a NewsAPI response: it has no articles', { field: 'articles', problem: { code: 'notApi', api: 'NewsAPI' } });
  }
  const items: ParsedItem[] = [];
  let skipped = 0;
  for (const raw of o.articles as unknown[]) {
    const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const source = (a.source && typeof a.source === 'object' ? a.source : {}) as Record<string, unknown>;
    let title = htmlToText(str(a.title) ?? '');
    const url = canonicalUrl(str(a.url) ?? '');
    // NewsAPI keeps withdrawn articles as "[Removed]" placeholders.
    if (title === '[Removed]' || /^https?:\/\/removed\.com/i.test(url)) {
      skipped++;
      continue;
    }
    // Headlines carry " - Source Name" at the end; the source is shown elsewhere.
    title = stripPublisherSuffix(title, str(source.name));
    const item = finishItem({
      title,
      url,
      summaryHtml: str(a.description) ?? '',
      contentHtml: apiTextToHtml(truncatedText(str(a.content))),
      author: str(a.author),
      imageUrl: absoluteUrl(str(a.urlToImage) ?? '') || undefined,
      published: parseDate(a.publishedAt, opts.now),
      categories: [],
    });
    if (item) items.push(item);
    else skipped++;
  }
  return { kind: 'newsapi', title: 'NewsAPI', siteUrl: 'https://newsapi.org/', items, skipped };
}
