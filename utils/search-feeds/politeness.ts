// How politely a topic's search feed is polled: never more often than every 30 minutes, with jitter
// (so topics made together do not ask together); the poller's back-off on failures; a 429 or 503 (the
// engine asking us to slow down) backs off for hours, said in plain words on the topic; and a cap on
// search requests per hour across all topics. Pure: the clock and randomness come in.
import { nextPollAfterFailure, nextPollAfterSuccess } from '../poller/backoff';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A search feed is never asked more often than this. */
export const SEARCH_MIN_INTERVAL_MIN = 30;
/** Up to this many minutes more, at random, each time. */
export const SEARCH_JITTER_MIN = 10;
/** Search requests per hour across all topics. */
export const SEARCH_REQUESTS_PER_HOUR = 12;
/** After a 429 or 503: this long, doubling with each one in a row, at most a day. */
export const THROTTLED_BASE_MS = 2 * HOUR;
export const THROTTLED_MAX_MS = 24 * HOUR;

export function searchInterval(intervalMin: number): number {
  return Math.max(SEARCH_MIN_INTERVAL_MIN, intervalMin);
}

/** After a search feed answered (200 or 304). */
export function nextSearchAfterSuccess(now: number, intervalMin: number, random: () => number): number {
  return nextPollAfterSuccess(now, searchInterval(intervalMin)) + Math.floor(random() * SEARCH_JITTER_MIN * MIN);
}

export interface SearchFailure {
  /** The HTTP status, when the engine answered. */
  status?: number;
  /** Its Retry-After, in ms from now. */
  retryAfterMs?: number;
}

/** The engine asked us to slow down. */
export const isThrottled = (f: SearchFailure) => f.status === 429 || f.status === 503;

/**
 * When to ask again after a failure (`failures` in a row, this one included). Throttled: hours, never
 * sooner than Retry-After; `throttledUntil` is what the topic says ("Google News asked Newsbar to slow
 * down: searching again at 15:40"). Anything else: the poller's back-off over the search interval.
 */
export function nextSearchAfterFailure(now: number, intervalMin: number, failures: number, f: SearchFailure, random: () => number): { at: number; throttledUntil?: number } {
  if (isThrottled(f)) {
    const base = Math.min(THROTTLED_MAX_MS, THROTTLED_BASE_MS * 2 ** Math.max(0, failures - 1));
    const at = now + Math.max(base * (1 + 0.2 * random()), f.retryAfterMs ?? 0);
    return { at, throttledUntil: at };
  }
  return { at: nextPollAfterFailure(now, searchInterval(intervalMin), failures, random, f.retryAfterMs) };
}

/**
 * The per-hour cap across topics: given the times of the search requests made (any order), may one
 * more be made now? When not, `retryAt` is when the oldest one in the hour leaves it.
 */
export function underHourlyCap(requestTimes: readonly number[], now: number, cap = SEARCH_REQUESTS_PER_HOUR): { ok: true } | { ok: false; retryAt: number } {
  const inHour = requestTimes.filter((t) => t > now - HOUR && t <= now).sort((a, b) => a - b);
  if (inHour.length < cap) return { ok: true };
  return { ok: false, retryAt: inHour[inHour.length - cap]! + HOUR };
}

/** The request times worth keeping (the last hour's): what the cap's record is trimmed to. */
export const keepLastHour = (requestTimes: readonly number[], now: number): number[] => requestTimes.filter((t) => t > now - HOUR);
