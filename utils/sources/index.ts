// The source adapters' public face: parsing (parse-body.ts), detection, the news APIs, the defaults.

export { NoLiveUpdatesError, SourceApiError, SourceFormatError, maskKey, redactKey } from './errors';
export { parseLivePage, type LiveParseOptions, type ParsedLivePage } from './live';
export { detectKind, discoverFeeds, type DetectedKind, type DiscoveredFeed } from './detect';
export { parseFeedText } from './feed';
export type { ParseOptions, ParsedSourceFeed } from './types';
export { parseNewsApi, type ApiParseOptions, type ApiRequest } from './newsapi';
export { parseGuardian } from './guardian';
export { parseGNews } from './gnews';
export { DEFAULT_SOURCES, type DefaultSource } from './defaults';
export { API_NAMES, apiRequest, isApiKind } from './api-kinds';
export { parseSourceBody, type ParseBody } from './parse-body';
