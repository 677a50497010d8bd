// One entry point for the poller: a source's kind and response body -> normalized items.
import type { ApiKind, SourceKind } from '../model';
import { detectKind, jsonShape } from './detect';
import { SourceFormatError } from './errors';
import { parseFeedText } from './feed';
import { parseJsonFeedObject } from './json-feed';
import { parseJsonText } from './json-text';
import type { ParsedSourceFeed } from './types';
import { gnewsRequest, parseGNews } from './gnews';
import { guardianRequest, parseGuardian } from './guardian';
import { newsApiRequest, parseNewsApi, type ApiParseOptions, type ApiRequest } from './newsapi';
import { parseLivePage, type LiveParseOptions } from './live';

export { NoLiveUpdatesError, SourceApiError, SourceFormatError, maskKey, redactKey } from './errors';
export { parseLivePage, type LiveParseOptions, type ParsedLivePage } from './live';
export { detectKind, discoverFeeds, type DetectedKind, type DiscoveredFeed } from './detect';
export { parseFeedText } from './feed';
export type { ParseOptions, ParsedSourceFeed } from './types';
export { parseNewsApi, type ApiParseOptions, type ApiRequest } from './newsapi';
export { parseGuardian } from './guardian';
export { parseGNews } from './gnews';
export { DEFAULT_SOURCES, type DefaultSource } from './defaults';

const API_KINDS: ReadonlySet<string> = new Set<ApiKind>(['newsapi', 'guardian', 'gnews']);

/** How each news API is named in messages. */
export const API_NAMES: Record<ApiKind, string> = { newsapi: 'NewsAPI', guardian: 'The Guardian API', gnews: 'GNews' };

export function isApiKind(kind: string): kind is ApiKind {
  return API_KINDS.has(kind);
}

/** The request for a news API source: URL and headers (the key is in one of them; never log `url`). */
export function apiRequest(kind: ApiKind, baseUrlOrQuery: string, apiKey: string): ApiRequest {
  switch (kind) {
    case 'newsapi':
      return newsApiRequest(baseUrlOrQuery, apiKey);
    case 'guardian':
      return guardianRequest(baseUrlOrQuery, apiKey);
    case 'gnews':
      return gnewsRequest(baseUrlOrQuery, apiKey);
  }
}

function parseApi(kind: ApiKind, obj: unknown, opts: ApiParseOptions): ParsedSourceFeed {
  switch (kind) {
    case 'newsapi':
      return parseNewsApi(obj, opts);
    case 'guardian':
      return parseGuardian(obj, opts);
    case 'gnews':
      return parseGNews(obj, opts);
  }
}

/**
 * Parse a response body for a source of the given kind. 'feed' (and the feed kinds) detect the format
 * from the body; JSON bodies are recognized as JSON Feed or one of the news APIs.
 * Throws SourceFormatError (plain words, line when known) or SourceApiError (the API's own error).
 */
export function parseSourceBody(
  kind: SourceKind,
  body: string,
  contentType?: string,
  opts: ApiParseOptions & LiveParseOptions = {},
): ParsedSourceFeed {
  const text = (body ?? '').replace(/^\uFEFF/, '');
  if (!text.trim()) throw new SourceFormatError('the source sent an empty response', { problem: { code: 'empty' } });
  if (kind === 'live') return parseLivePage(text, opts);
  if (isApiKind(kind)) {
    const first = text.trimStart()[0];
    if (first !== '{' && first !== '[') {
      if (detectKind(text, contentType) === 'html') throw new SourceFormatError('this is an HTML page, not a news API response', { problem: { code: 'notApi', api: API_NAMES[kind] } });
      throw new SourceFormatError('this is not a JSON response from the news API', { problem: { code: 'notApi', api: API_NAMES[kind] } });
    }
    return parseApi(kind, parseJsonText(text), opts);
  }
  const detected = detectKind(text, contentType);
  if (detected === 'html') throw new SourceFormatError('this is an HTML page, not a feed', { problem: { code: 'htmlPage' } });
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const obj = parseJsonText(text);
    const shape = jsonShape(obj);
    if (shape === 'json') return parseJsonFeedObject(obj, opts);
    if (shape && isApiKind(shape)) return parseApi(shape, obj, opts);
    throw new SourceFormatError('this JSON is not a JSON Feed or a known news API response');
  }
  return parseFeedText(text, opts);
}
