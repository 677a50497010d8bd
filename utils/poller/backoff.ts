// When to poll a source next: its interval after a success; after failures, exponential back-off
// with jitter (so many failing sources don't retry in step), never sooner than Retry-After.
const MIN = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * MIN;

export function nextPollAfterSuccess(now: number, intervalMin: number): number {
  return now + intervalMin * MIN;
}

export function nextPollAfterFailure(now: number, intervalMin: number, failures: number, random: () => number, retryAfterMs?: number): number {
  const base = Math.min(MAX_BACKOFF_MS, intervalMin * MIN * 2 ** Math.max(0, failures - 1));
  const jittered = base * (0.8 + 0.4 * random());
  return now + Math.max(jittered, retryAfterMs ?? 0);
}
