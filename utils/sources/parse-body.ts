// A source's kind and response body -> normalized items: the one parser entry point of the poller.
// Kept apart from ./index so that the worker can load it (and every parser under it) only when a
// poll has a body to read (entrypoints/background/parsers.ts).
import { detectKind, jsonShape } from './detect';
import { SourceFormatError } from './errors';
import { parseFeedText } from './feed';
import { parseJsonFeedObject } from './json-feed';
import { parseJsonText } from './json-text';
import type { ParsedSourceFeed } from './types';
import { parseGNews } from './gnews';
import { parseGuardian } from './guardian';
import { parseNewsApi, type ApiParseOptions } from './newsapi';
import { API_NAMES } from './api-kinds';
import { isApiKind, KIND_TABLE, kindRow, type ApiKind, type ParserName, type SourceKind } from './kinds';
import { readSearchItems, searchFeedKindOfUrl, type SearchFeedKind } from '../search-feeds/read';
import { parseLivePage, type LiveParseOptions } from './live';

/** A topic's search names its engine (its address may be a test server's); else the address tells. */
export type SearchParseOptions = { searchKind?: SearchFeedKind };
type ParseOptions = ApiParseOptions & LiveParseOptions & SearchParseOptions;

/** parseSourceBody's signature; the poller is given it (sync here, async where it is loaded first). */
export type ParseBody = (
  kind: SourceKind,
  body: string,
  contentType?: string,
  opts?: ParseOptions,
) => ParsedSourceFeed | Promise<ParsedSourceFeed>;

/** The news API adapters, by the parser name of their row in ./kinds (a JSON object -> items). */
const API_PARSERS: Record<Exclude<ParserName, 'feed' | 'live'>, (obj: unknown, opts: ApiParseOptions) => ParsedSourceFeed> = {
  newsapi: parseNewsApi,
  guardian: parseGuardian,
  gnews: parseGNews,
};

function parseApi(kind: ApiKind, obj: unknown, opts: ApiParseOptions): ParsedSourceFeed {
  return API_PARSERS[KIND_TABLE[kind].parser](obj, opts);
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
  opts: ParseOptions = {},
): ParsedSourceFeed {
  const text = (body ?? '').replace(/^\uFEFF/, '');
  if (!text.trim()) throw new SourceFormatError('the source sent an empty response', { problem: { code: 'empty' } });
  const parser = kindRow(kind).parser;
  if (parser === 'live') return parseLivePage(text, opts);
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
  const feed = parseFeedText(text, opts);
  // A search feed subscribed to (Google News, Bing News, Google Alerts): read the engine's way.
  const search = opts.searchKind ?? (opts.baseUrl ? searchFeedKindOfUrl(opts.baseUrl) : undefined);
  return search ? { ...feed, items: readSearchItems(search, feed.items).map(({ outletLabel: _l, related: _r, ...it }) => it) } : feed;
}
