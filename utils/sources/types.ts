// Shapes shared by every source adapter (feeds and news APIs).
import type { ParsedFeed } from '../model';

export interface ParseOptions {
  /** Where the body came from: relative site links are resolved against it. */
  baseUrl?: string;
  /** Clock for the plausibility check of dates (UTC ms). */
  now?: number;
}

/** ParsedFeed plus what the adapter had to leave out. */
export interface ParsedSourceFeed extends ParsedFeed {
  /** Items dropped because they had neither a title nor a link. */
  skipped: number;
}

/** What a format mapper needs besides the feed: the base for relative links and the clock. */
export interface MapContext {
  base?: string;
  now?: number;
}
