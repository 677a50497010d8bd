// Following live coverage: a live page is polled often while its coverage runs and stops by itself
// when the page says the coverage has ended (coverageEndTime) or no new update came for a day.
import type { LiveState, Source } from '../model';

export { LIVE_INTERVAL_MIN } from '../model';
/** No new update for this long: the coverage is over, whatever the page says. */
export const LIVE_QUIET_MS = 24 * 60 * 60_000;

export function isEnded(s: Pick<Source, 'live'>): boolean {
  return s.live?.state === 'ended';
}

/**
 * The live state after a poll of a live page. `coverageEnd` is what the page said this time (undefined
 * when it said nothing or was not read: 304, error); `newUpdates` how many updates were new.
 */
export function nextLiveState(source: Source, now: number, seen: { coverageEnd?: number; newUpdates: number; read: boolean }): LiveState {
  const prev: LiveState = source.live ?? { state: 'live' };
  const next: LiveState = { ...prev };
  if (seen.read) next.coverageEnd = seen.coverageEnd;
  if (seen.newUpdates > 0) next.lastUpdateAt = now;
  if (next.state === 'ended') return next;
  const quietSince = next.lastUpdateAt ?? source.addedAt;
  if (next.coverageEnd !== undefined && next.coverageEnd <= now) return { ...next, state: 'ended', endedAt: now, endedBecause: 'coverage-end' };
  if (now - quietSince >= LIVE_QUIET_MS) return { ...next, state: 'ended', endedAt: now, endedBecause: 'quiet' };
  return next;
}
