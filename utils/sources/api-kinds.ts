// The news APIs by kind: names, and the request for a source. Apart from the parsers (./index) so that
// pages which only ask "is this an API source, which host does it call" load no feed parser.
import type { ApiKind } from '../model';
import { gnewsRequest } from './gnews';
import { guardianRequest } from './guardian';
import { newsApiRequest, type ApiRequest } from './newsapi';

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
