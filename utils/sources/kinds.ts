// Every kind of source, one row each. `SourceKind` and every list and switch over kinds (the poll's
// request and Accept header, the parser, the settings file, OPML, the duplicate rule, the options
// page's labels and API choices) are read from here. Adding a kind: a row, an adapter, tests
// (docs/ARCHITECTURE.md, "Adding a source kind"; tests/unit/sources/kinds.test.ts checks every row).
// Loads none of the XML feed parsers (feedsmith): only the news APIs' request builders, which come with
// their small JSON readers, as api-kinds.ts did before.
import { DEFAULT_INTERVAL_MIN, LIVE_INTERVAL_MIN } from '../model';
import { gnewsRequest } from './gnews';
import { guardianRequest } from './guardian';
import { newsApiRequest, type ApiRequest } from './newsapi';

/** feed: a syndication feed (RSS, RDF, Atom, JSON Feed); api: a news API needing a key; live: a followed web page. */
export type SourceFamily = 'feed' | 'api' | 'live';

/**
 * Which reader turns a body of this kind into items (utils/sources/parse-body.ts has one entry per
 * name): 'feed' detects the format from the body (any feed, or a news API's JSON), an API's name its
 * adapter, 'live' the live page reader.
 */
export type ParserName = 'feed' | 'newsapi' | 'guardian' | 'gnews' | 'live';

/** What counts as the same source: 'address' any spelling of the address among the kinds with this rule (utils/normalize/feed-address.ts); 'request' the same kind with the same query. */
export type DuplicateRule = 'address' | 'request';

export interface KindRow {
  /** Shown in the source manager. */
  label: string;
  family: SourceFamily;
  parser: ParserName;
  /** The Accept header of a poll; absent: the feeds' one (utils/net/fetch-source.ts). */
  accept?: string;
  /** A new source's poll interval and breaking flag, unless the user chose. */
  defaults: { intervalMin: number; breaking: boolean };
  /**
   * Written to an OPML export (as an RSS outline, read back as 'feed': the format is detected on the
   * first poll). Only feeds: other readers cannot use a news API (it needs a key) or a live page (a web
   * page, not a feed: they, and Newsbar reading the file back, would poll its HTML as a feed).
   */
  opml: boolean;
  /** Carried by the settings file (every kind: it is the whole backup of what the user set up). */
  settingsFile: boolean;
  duplicate: DuplicateRule;
  /** A news API: its name in messages, its choice in the options form, and the request of a poll (the key is in it: never log `url`). */
  api?: { name: string; formLabel: string; defaultQuery: string; request: (baseUrlOrQuery: string, apiKey: string) => ApiRequest };
}

const FEED = { family: 'feed', parser: 'feed', defaults: { intervalMin: DEFAULT_INTERVAL_MIN, breaking: false }, opml: true, settingsFile: true, duplicate: 'address' } as const;
const API = { family: 'api', defaults: { intervalMin: DEFAULT_INTERVAL_MIN, breaking: false }, opml: false, settingsFile: true, duplicate: 'request' } as const;

export const KIND_TABLE = {
  /** A feed whose format is detected from the body on every poll (what OPML import and the settings file give). */
  feed: { ...FEED, label: 'Feed' },
  rss: { ...FEED, label: 'RSS' },
  atom: { ...FEED, label: 'Atom' },
  rdf: { ...FEED, label: 'RDF' },
  json: { ...FEED, label: 'JSON Feed' },
  newsapi: { ...API, label: 'NewsAPI', parser: 'newsapi', api: { name: 'NewsAPI', formLabel: 'NewsAPI', defaultQuery: 'https://newsapi.org/v2/top-headlines?category=general&country=us', request: newsApiRequest } },
  guardian: { ...API, label: 'Guardian', parser: 'guardian', api: { name: 'The Guardian API', formLabel: 'The Guardian', defaultQuery: 'https://content.guardianapis.com/search', request: guardianRequest } },
  gnews: { ...API, label: 'GNews', parser: 'gnews', api: { name: 'GNews', formLabel: 'GNews', defaultQuery: 'https://gnews.io/api/v4/top-headlines?category=general', request: gnewsRequest } },
  /** A live page: an HTML page whose updates (LiveBlogPosting, microdata, a timestamped list) are followed; polled often while its coverage runs, every update breaking. */
  live: {
    label: 'live', family: 'live', parser: 'live', accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
    defaults: { intervalMin: LIVE_INTERVAL_MIN, breaking: true }, opml: false, settingsFile: true, duplicate: 'address',
  },
} as const satisfies Record<string, KindRow>;

type Table = typeof KIND_TABLE;
export type SourceKind = keyof Table;
type KindsOf<F extends SourceFamily> = { [K in SourceKind]: Table[K]['family'] extends F ? K : never }[SourceKind];
/** The feed formats a body is detected as ('feed' itself is "detect it"). */
export type FeedKind = Exclude<KindsOf<'feed'>, 'feed'>;
export type ApiKind = KindsOf<'api'>;
export type LiveKind = KindsOf<'live'>;

/** Every kind, in the table's order. */
export const SOURCE_KINDS = Object.keys(KIND_TABLE) as SourceKind[];

export function isSourceKind(kind: unknown): kind is SourceKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND_TABLE, kind);
}

/** A kind's row; an unknown kind (a record from a newer Newsbar) reads as a feed. */
export function kindRow(kind: string | undefined): KindRow {
  return isSourceKind(kind) ? KIND_TABLE[kind] : KIND_TABLE.feed;
}

export const API_KINDS = SOURCE_KINDS.filter((k): k is ApiKind => KIND_TABLE[k].family === 'api');

export function isApiKind(kind: string): kind is ApiKind {
  return isSourceKind(kind) && KIND_TABLE[kind].family === 'api';
}

/** The source manager's label of a kind. */
export const kindLabel = (kind: string): string => (isSourceKind(kind) ? KIND_TABLE[kind].label : kind);

/** Whether an OPML export carries sources of this kind. */
export const inOpml = (kind: string): boolean => kindRow(kind).opml;
