// Trimming before the browser's quota is reached: from navigator.storage.estimate(), how far back
// articles are kept this time. Pure; the worker asks before each poll (storage-watch.ts).

/** From this share of the quota used, retention runs early, over every source. */
export const TRIM_AT = 0.8;
/** From this share, articles are kept for half the retention days (never below one day). */
export const TRIM_HARDER_AT = 0.9;
/** Below this much free room a write that grows the store is not tried again yet. */
export const ROOM_MARGIN = 4 * 1024 * 1024;

export interface Estimate {
  usage?: number;
  quota?: number;
}

/**
 * How many days of unstarred articles to keep now, or undefined when there is no pressure (or the
 * browser does not say). Never more aggressive than half the user's retention: an estimate that lags
 * behind a removal (the browser compacts its files later) cannot trim further on its own.
 */
export function trimDays(e: Estimate, retentionDays: number): number | undefined {
  if (!e.quota || e.usage === undefined) return undefined;
  const used = e.usage / e.quota;
  if (used >= TRIM_HARDER_AT) return Math.max(1, Math.floor(retentionDays / 2));
  if (used >= TRIM_AT) return retentionDays;
  return undefined;
}

/** Does the estimate show room for a poll's writes again? (Unknown counts as room: trying is the test.) */
export function hasRoom(e: Estimate): boolean {
  if (!e.quota || e.usage === undefined) return true;
  return e.quota - e.usage >= ROOM_MARGIN;
}
