// The news APIs, read from the kinds table (./kinds): their names, and the request for a source.
// Apart from the parsers (./index) so that pages which only ask "is this an API source, which host
// does it call" load no feed parser.
import { KIND_TABLE, type ApiKind } from './kinds';
import type { ApiRequest } from './newsapi';

export { isApiKind } from './kinds';

/** How each news API is named in messages. */
export const API_NAMES = Object.fromEntries(
  (Object.keys(KIND_TABLE) as Array<keyof typeof KIND_TABLE>).flatMap((k) => {
    const row = KIND_TABLE[k];
    return 'api' in row ? [[k, row.api.name]] : [];
  }),
) as Record<ApiKind, string>;

/** The request for a news API source: URL and headers (the key is in one of them; never log `url`). */
export function apiRequest(kind: ApiKind, baseUrlOrQuery: string, apiKey: string): ApiRequest {
  return KIND_TABLE[kind].api.request(baseUrlOrQuery, apiKey);
}
