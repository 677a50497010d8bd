// Errors of the source adapters. Each carries a Problem (a code the pages word in the user's language);
// the message is the same in English with details, for the command line (`npm run parse`).
import type { Problem } from '../problems';

/** The body is not something Newsbar can read (HTML page, broken XML/JSON, unknown shape, empty). */
export class SourceFormatError extends Error {
  /** What is wrong, as a code (stored on the source). */
  problem: Problem;
  /** 1-based line of the problem in the body, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The field or element involved, when known. */
  field?: string;

  constructor(message: string, details: { line?: number; column?: number; field?: string; problem?: Problem } = {}) {
    super(message);
    this.name = 'SourceFormatError';
    this.problem = details.problem ?? { code: 'notFeed' };
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
    if (details.field !== undefined) this.field = details.field;
  }
}

/**
 * A page followed as live coverage holds no updates Newsbar can read (no LiveBlogPosting with updates,
 * no microdata updates, no timestamped list): problem 'noLiveUpdates'.
 */
export class NoLiveUpdatesError extends SourceFormatError {
  constructor() {
    super('this page has no live updates', { problem: { code: 'noLiveUpdates' } });
    this.name = 'NoLiveUpdatesError';
  }
}

/**
 * A news API answered with an error of its own (bad key, rate limit...). The message never holds the key.
 * It is a SourceFormatError too, so code that handles those shows the API's words as they are.
 */
export class SourceApiError extends SourceFormatError {
  /** The API's error code ("apiKeyInvalid", "rateLimited"...), when it gives one. */
  code?: string;

  /**
   * `api`: the API's name; `said`: its own words (with any key already taken out), cut to what a message
   * can show: an answer can put kilobytes in its error field, and these words are stored with the source.
   */
  constructor(api: string, said: string, code?: string) {
    const words = said.length > API_SAID_MAX ? `${said.slice(0, API_SAID_MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : said;
    super(`${api}: ${words}`, { field: 'status', problem: { code: 'apiError', api, said: words } });
    this.name = 'SourceApiError';
    if (code !== undefined) this.code = code.length > API_SAID_MAX ? code.slice(0, API_SAID_MAX) : code;
  }
}

/** The longest an API's own error words are quoted. */
export const API_SAID_MAX = 300;

/** A key as it may be shown: "abcd…wxyz" for long keys, less for short ones; never the whole key. */
export function maskKey(key: string): string {
  const k = (key ?? '').trim();
  if (!k) return '';
  if (k.length >= 16) return `${k.slice(0, 4)}…${k.slice(-4)}`;
  if (k.length >= 8) return `${k.slice(0, 2)}…${k.slice(-2)}`;
  return '…';
}

/** Replace every appearance of the key in `s` (raw or URL-encoded) by its masked form. */
export function redactKey(s: string, key: string): string {
  const k = (key ?? '').trim();
  if (!k || !s) return s;
  let out = s;
  for (const form of new Set([k, encodeURIComponent(k), encodeURIComponent(k).replace(/%20/g, '+')])) {
    out = out.split(form).join(maskKey(k));
  }
  return out;
}
