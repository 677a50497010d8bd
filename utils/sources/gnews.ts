// GNews API v4 (gnews.io/api/v4/search and /top-headlines) -> normalized items.
import { parseDate } from '../normalize/dates';
import { htmlToText } from '../normalize/text';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import type { ParsedItem } from '../model';
import { SourceApiError, SourceFormatError, maskKey, redactKey } from './errors';
import { finishItem } from './item-draft';
import { cleanText } from './item-text';
import { apiObject, apiTextToHtml, str, stripPublisherSuffix, truncatedText, type ApiParseOptions, type ApiRequest } from './newsapi';
import type { ParsedSourceFeed } from './types';

export const GNEWS_BASE = 'https://gnews.io/api/v4/';

/** Request for GNews: a gnews.io URL or a search query. The key goes in `apikey`. */
export function gnewsRequest(baseUrlOrQuery: string, apiKey: string): ApiRequest {
  const q = (baseUrlOrQuery ?? '').trim();
  let url: URL;
  if (/^https?:\/\//i.test(q)) url = new URL(q);
  else if (q) {
    url = new URL('search', GNEWS_BASE);
    url.searchParams.set('q', q);
    url.searchParams.set('sortby', 'publishedAt');
  } else {
    url = new URL('top-headlines', GNEWS_BASE);
    url.searchParams.set('category', 'general');
  }
  if (!url.searchParams.has('max')) url.searchParams.set('max', '50');
  url.searchParams.set('apikey', apiKey);
  const display = new URL(url.href);
  display.searchParams.set('apikey', maskKey(apiKey));
  return { url: url.href, headers: {}, displayUrl: display.href };
}

/** A GNews response -> items. `{errors: [...]}` -> SourceApiError (key redacted). */
export function parseGNews(data: unknown, opts: ApiParseOptions = {}): ParsedSourceFeed {
  const o = apiObject(data, 'GNews');
  const key = opts.apiKey ?? '';
  if (o.errors) {
    const list = Array.isArray(o.errors) ? o.errors : typeof o.errors === 'object' ? Object.values(o.errors as object) : [o.errors];
    const message = list.map((e) => cleanText(String(e))).filter(Boolean).join('; ') || 'the API answered with an error';
    throw new SourceApiError('GNews', redactKey(message, key));
  }
  if (!Array.isArray(o.articles)) throw new SourceFormatError('this is not a GNews response: it has no articles', { field: 'articles', problem: { code: 'notApi', api: 'GNews' } });
  const items: ParsedItem[] = [];
  let skipped = 0;
  for (const raw of o.articles as unknown[]) {
    const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const source = (a.source && typeof a.source === 'object' ? a.source : {}) as Record<string, unknown>;
    const item = finishItem({
      guid: str(a.id),
      title: stripPublisherSuffix(htmlToText(str(a.title) ?? ''), str(source.name)),
      url: canonicalUrl(str(a.url) ?? ''),
      summaryHtml: str(a.description) ?? '',
      contentHtml: apiTextToHtml(truncatedText(str(a.content))),
      imageUrl: absoluteUrl(str(a.image) ?? '') || undefined,
      published: parseDate(a.publishedAt, opts.now),
      categories: [],
    });
    if (item) items.push(item);
    else skipped++;
  }
  return { kind: 'gnews', title: 'GNews', siteUrl: 'https://gnews.io/', items, skipped };
}
