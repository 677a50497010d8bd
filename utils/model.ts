// The one normalized shape every source kind is turned into, and the records kept next to it.
import type { Problem } from './problems';
import { defaultSettings } from './settings-spec';

/** IndexedDB cannot index booleans, so flags that are queried are stored as 0/1. */
export type Flag = 0 | 1;

/** The kinds of source, one row each in utils/sources/kinds.ts ('feed' = detect the format from the body; 'live' = a followed live page). */
export type { ApiKind, FeedKind, LiveKind, SourceKind } from './sources/kinds';
import type { ApiKind, FeedKind, LiveKind, SourceKind } from './sources/kinds';
import type { TopicSearch } from './search-feeds/topic-search';
import type { SearchFeedKind } from './search-feeds/kind';

/** What an item says, as an adapter yields it and as it is stored. */
export interface ItemContent {
  /** Plain text, never HTML. */
  title: string;
  /** The article's address; stored canonical (tracking parameters removed). */
  url: string;
  /** Untrusted HTML; sanitized only when shown. */
  summaryHtml: string;
  contentHtml: string;
  author?: string;
  imageUrl?: string;
}

/** A stored item. (The source's guid is not kept: the id holds the identity.) */
export interface Item extends ItemContent {
  /** Stable id: 11 characters hashed from the source id and the item's identity (utils/normalize/ids.ts), also the dedupe key. */
  id: string;
  sourceId: string;
  /** Other sources that carry the same story (same canonical link): one row names them all. */
  alsoFrom?: string[];
  /**
   * The story this item belongs to when other sources' reports of the same event were grouped with it
   * (utils/stories/): the id of the story's first report. Absent: a story of one.
   */
  story?: string;
  /** 1: shown inside its story's row, not as a row of its own (the row is the story's lead). */
  folded?: Flag;
  /** Filled on read for a story's row, never stored: how many reports and sources the story has. */
  storyInfo?: StoryInfo;
  /** UTC ms; the first-seen time when the source gives none or an unreadable one. */
  published: number;
  firstSeen: number;
  /** Last time the source changed this item's text (0 if never). */
  updated: number;
  /** The feed's categories, as parsed. Not stored (nothing reads them): [] in an item read back. */
  categories: string[];
  /** Breaking: the source marks it (sourceBreaking) or a topic set as breaking matches it. */
  breaking: Flag;
  /** The source itself marks it as breaking (a live feed, a "BREAKING" prefix or category). */
  sourceBreaking?: Flag;
  /**
   * Ids of matched topics. Never stored in the item: the tags live in their own store (utils/db/tags.ts)
   * and are filled in on read where they are shown or needed (page rows, alerts, a re-match). When
   * writing, absent means "unchanged" and a list means "exactly these".
   */
  topics?: string[];
  /** The publisher a search feed names for it ("Reuters"), shown as "Reuters via Google News". */
  outlet?: string;
  /**
   * Ids of the mute rules that hide it (utils/mutes/). Like `topics`, never stored in the item: kept in
   * its tag record (utils/db/tags.ts) and filled in on read; when writing, absent means "unchanged".
   */
  muted?: string[];
  /** 1 when a topic that notifies matched (counted by the "topic alerts" badge mode). */
  alert: Flag;
  read: Flag;
  starred: Flag;
}

/** A story's row, as the list shows it: "+N sources", and reports that came after it was read. */
export interface StoryInfo {
  /** Reports in the story, the row's own included. */
  reports: number;
  /** Distinct sources carrying it, the row's own included. */
  sources: number;
  /** Reports that joined after the story was read (shown quietly: "2 new reports"). */
  newReports: number;
}

/** What a source adapter yields before the store assigns ids and flags. */
export interface ParsedItem extends ItemContent {
  guid?: string;
  /** UTC ms, or undefined when missing/unreadable. */
  published?: number;
  categories: string[];
  /** The source marks it as breaking/live. */
  breaking: boolean;
  /** The publisher an aggregator or search feed names for the item (RSS <source>): "Reuters". */
  outlet?: string;
}

export interface ParsedFeed {
  kind: FeedKind | ApiKind | LiveKind;
  title?: string;
  siteUrl?: string;
  items: ParsedItem[];
}

export type SourceHealth = 'new' | 'ok' | 'error';

export interface Source {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  enabled: boolean;
  /** Minutes between polls (>= 1). */
  intervalMin: number;
  /** Every item of this source counts as breaking (a live page / breaking feed). */
  breaking: boolean;
  /** Site favicon (http URL), derived from the site URL. */
  siteUrl?: string;
  /** The one folder the source is filed under (OPML folders, nested ones as "Outer / Inner"); none when unset. */
  folder?: string;
  addedAt: number;
  // --- state, written by the poller ---
  etag?: string;
  lastModified?: string;
  lastPollAt?: number;
  lastSuccessAt?: number;
  nextPollAt: number;
  /** Consecutive failures, for exponential back-off. */
  failures: number;
  health: SourceHealth;
  /** What went wrong on the last poll, as a code (worded where it is shown: utils/problem-text.ts). */
  problem?: Problem;
  lastStatus?: number;
  /** The server asked not to be asked again before this time (Retry-After, UTC ms); "Refresh now" waits too. */
  retryUntil?: number;
  itemCount?: number;
  /** Other addresses of this feed seen when it was added (where it redirected, its own self link). */
  aliases?: string[];
  /** Where the last polls were redirected to, and how many in a row (see the poller). */
  redirectTo?: string;
  redirectCount?: number;
  /** A live page's coverage (kind 'live' only). */
  live?: LiveState;
  /** The user's favourite: a story it reports is headed by its headline. */
  favourite?: boolean;
  /** "Tell me when this story develops": a read story this source reports on again comes back unread. */
  followStories?: boolean;
  /**
   * The feed server's id of this subscription ("feed/1") when the source comes from the connected feed
   * server (utils/feed-server/): its items are read from the server, and Newsbar never fetches it itself.
   */
  server?: string;
  /**
   * The topic whose search this source follows ("Also search the news", utils/search-feeds/topic-source.ts):
   * not one of the user's subscriptions (never listed, synced or exported as one), polled politely, and
   * removed with the topic's search. Disabled: the search is off, kept only for its starred items.
   */
  topicId?: string;
  /** The engine of a topic's search (its address may be a test server's). */
  searchEngine?: SearchFeedKind;
  /** A topic's search: the engine asked Newsbar to slow down (429/503); not asked again before this (UTC ms). */
  throttledUntil?: number;
  /** Was the feed server's until Disconnect: its next poll matches the feed's items to the server's copies by link (utils/db/items.ts). */
  relinkByUrl?: boolean;
}

export interface LiveState {
  /** 'ended': the coverage is over and the page is no longer polled (the user may keep or remove it). */
  state: 'live' | 'ended';
  /** The page's own title, as its heading in the ticker. */
  title?: string;
  /** When the page says its coverage ends (coverageEndTime), UTC ms. */
  coverageEnd?: number;
  /** When a new update last came. */
  lastUpdateAt?: number;
  endedAt?: number;
  endedBecause?: 'coverage-end' | 'quiet';
}

export interface Topic {
  id: string;
  name: string;
  query: string;
  /** Limit to these sources; empty = all. */
  sourceIds: string[];
  notify: boolean;
  breaking: boolean;
  createdAt: number;
  /** "Tell me when this story develops": a read story of this topic that gains a report comes back unread. */
  followStories?: boolean;
  /** "Also search the news": the topic follows a search feed built from its query (absent: off). */
  search?: TopicSearch;
}

/**
 * A mute rule: items its query matches are kept but hidden and counted nowhere (utils/mutes/). Synced
 * with the topics; its id starts with "m-" (tag records tell mutes from topics by it).
 */
export interface MuteRule {
  id: string;
  /** A query in the topics' language (utils/topics/query.ts). */
  query: string;
  /** Only items of these sources; empty (with no folders) = every source. */
  sourceIds: string[];
  /** Only items of sources filed in these folders (an outer folder holds its inner folders). */
  folders: string[];
  createdAt: number;
}

export type BadgeMode = 'unread' | 'breaking' | 'alerts' | 'off';

export interface Settings {
  badgeMode: BadgeMode;
  /** How long a breaking item stays in the ticker, minutes. */
  breakingWindowMin: number;
  retentionDays: number;
  maxItemsPerSource: number;
  /** "HH:MM" 24 h, local time; equal = no quiet hours. */
  quietStart: string;
  quietEnd: string;
  /** Alerts are silent until this time (UTC ms); 0 = not snoozed. */
  snoozeUntil: number;
  /** Up to this many alert matches in a poll are notified one by one; more become one summary. */
  alertItemsMax: number;
  /**
   * Load pictures from the sources' sites (thumbnails, images in articles, favicons). Off: nothing remote is
   * fetched for an article until the user asks with "Show images" on it.
   */
  loadRemoteImages: boolean;
  /** "Group the same story from several sources": one row, one count and one alert per story. */
  groupStories: boolean;
  /** The badge and unread counts count articles (every report) instead of stories. */
  countArticles: boolean;
}

/** The defaults, from the one table of settings (utils/settings-spec.ts). */
export const DEFAULT_SETTINGS: Settings = defaultSettings();

export const MIN_INTERVAL_MIN = 1;
export const DEFAULT_INTERVAL_MIN = 10;
/** Live pages are polled this often while their coverage runs. */
export const LIVE_INTERVAL_MIN = 2;
