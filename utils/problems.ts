// What went wrong, as a code with its parameters. Problems are stored (Source.problem) and thrown
// (ProblemError) as codes; only the page showing one turns it into words, in the user's language
// (utils/problem-text.ts). A new kind of failure adds a code here and a `problem_<code>` message.
import { isQuotaError } from './db/quota';

export type Problem =
  // reaching the address
  | { code: 'unreachable' }
  | { code: 'timeout'; seconds: number }
  | { code: 'redirectLoop' }
  | { code: 'tooLarge'; limitMb: number }
  | { code: 'http'; status: number; retryAfterMin?: number }
  | { code: 'needsKey' }
  /** The reader asked for a web page and got something else (`type`: the Content-Type given). */
  | { code: 'notPage'; type: string }
  // reading what came back
  | { code: 'empty' }
  | { code: 'htmlPage' }
  | { code: 'notFeed' }
  | { code: 'badXml'; line?: number; column?: number }
  | { code: 'badJson'; line?: number; column?: number }
  | { code: 'noItems' }
  /** A JSON Feed whose `version` is not a JSON Feed version ("1.0"), and which has no items to read. */
  | { code: 'jsonFeedVersion'; version: string }
  | { code: 'notApi'; api: string }
  /** A news API refused with its own words (the API's text is shown as it is, key redacted). */
  | { code: 'apiError'; api: string; said: string }
  /** A page followed as live coverage has no live updates (no LiveBlogPosting, microdata or dated list). */
  | { code: 'noLiveUpdates' }
  /** A page nested deeper than Newsbar reads (a hostile or broken page). */
  | { code: 'tooDeep'; levels: number }
  // what the user typed or imported
  | { code: 'noAddress' }
  | { code: 'needsFullUrl' }
  | { code: 'invalidUrl' }
  | { code: 'duplicate'; name?: string }
  | { code: 'isApi' }
  | { code: 'noFeedHere' }
  /** storage.sync refused a write: all of it is full, one entry is too large, too many entries, too many writes. */
  | { code: 'syncQuota'; limit: 'total' | 'item' | 'count' | 'rate' }
  /** The browser has no room left for Newsbar's database (a full disk or the quota): nothing of this poll was stored. */
  | { code: 'storageFull' }
  // the feed server (utils/feed-server/)
  /** The feed server refused the user name or API password (or the saved token). */
  | { code: 'serverRefused' }
  /** The address answers, but not as a Google Reader API. */
  | { code: 'notFeedServer' }
  /** A feed server on a plain-HTTP address that is not this machine's. */
  | { code: 'needsHttps' }
  /** Something Newsbar did not expect (a bug); `detail` is for a bug report. */
  | { code: 'unexpected'; detail: string }
  /** An error stored as text by an older version of Newsbar, shown as it is until the next poll. */
  | { code: 'legacy'; text: string };

export type ProblemCode = Problem['code'];

/** An error that carries a Problem; its message is for logs only (pages word the problem). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem, message?: string) {
    super(message ?? `${problem.code} ${JSON.stringify(problem)}`);
    this.name = 'ProblemError';
  }
}

export function isProblem(v: unknown): v is Problem {
  return !!v && typeof v === 'object' && typeof (v as Problem).code === 'string';
}

/** The Problem an error carries, or 'unexpected'. */
export function problemOf(e: unknown): Problem {
  const p = (e as { problem?: unknown } | null)?.problem;
  if (isProblem(p)) return p;
  if (isQuotaError(e)) return { code: 'storageFull' };
  return { code: 'unexpected', detail: e instanceof Error ? e.message : String(e) };
}

/** Every string parameter of a problem passed through `f` (used to take API keys out). */
export function mapProblemText(p: Problem, f: (s: string) => string): Problem {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = k !== 'code' && typeof v === 'string' ? f(v) : v;
  return out as Problem;
}

/**
 * A lastError sentence stored by Newsbar before problems were codes. The sentences were Newsbar's
 * own, so the common ones are recognised; anything else is kept as text (the next poll replaces it).
 */
export function problemFromLegacyText(text: string): Problem {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /\b(?:answered|refused access|asked too often|unavailable for now|had a problem) \(?(\d{3})\b/.exec(s))) {
    const wait = /wait (\d+) min/.exec(s);
    return { code: 'http', status: Number(m[1]), ...(wait ? { retryAfterMin: Number(wait[1]) } : {}) };
  }
  if ((m = /did not answer within (\d+) seconds/.exec(s))) return { code: 'timeout', seconds: Number(m[1]) };
  if (/could not reach the server/.test(s)) return { code: 'unreachable' };
  if (/HTML page/.test(s)) return { code: 'htmlPage' };
  if (/needs an API key/.test(s)) return { code: 'needsKey' };
  return { code: 'legacy', text: s };
}
