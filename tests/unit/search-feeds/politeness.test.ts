import { describe, expect, it } from 'vitest';
import { keepLastHour, nextSearchAfterFailure, nextSearchAfterSuccess, SEARCH_REQUESTS_PER_HOUR, underHourlyCap } from '@/utils/search-feeds/politeness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = 1_800_000_000_000;

describe('search feed politeness', () => {
  it('asks at most every 30 minutes, with up to 10 minutes of jitter', () => {
    expect(nextSearchAfterSuccess(NOW, 5, () => 0)).toBe(NOW + 30 * MIN);
    expect(nextSearchAfterSuccess(NOW, 5, () => 0.999)).toBeLessThan(NOW + 40 * MIN);
    expect(nextSearchAfterSuccess(NOW, 5, () => 0.999)).toBeGreaterThan(NOW + 39 * MIN);
    expect(nextSearchAfterSuccess(NOW, 90, () => 0)).toBe(NOW + 90 * MIN);
  });

  it('backs off for hours after a 429 or 503, doubling, at most a day, never before Retry-After, and says until when', () => {
    const first = nextSearchAfterFailure(NOW, 30, 1, { status: 429 }, () => 0);
    expect(first).toEqual({ at: NOW + 2 * HOUR, throttledUntil: NOW + 2 * HOUR });
    expect(nextSearchAfterFailure(NOW, 30, 3, { status: 503 }, () => 0).at).toBe(NOW + 8 * HOUR);
    expect(nextSearchAfterFailure(NOW, 30, 10, { status: 429 }, () => 0).at).toBe(NOW + 24 * HOUR);
    expect(nextSearchAfterFailure(NOW, 30, 1, { status: 429, retryAfterMs: 5 * HOUR }, () => 0).at).toBe(NOW + 5 * HOUR);
  });

  it('other failures use the poller\'s back-off over the search interval, and say nothing of throttling', () => {
    const r = nextSearchAfterFailure(NOW, 30, 1, { status: 500 }, () => 0.5);
    expect(r.throttledUntil).toBeUndefined();
    expect(r.at).toBe(NOW + 30 * MIN);
    expect(nextSearchAfterFailure(NOW, 30, 2, {}, () => 0.5).at).toBe(NOW + 60 * MIN);
  });

  it('caps search requests per hour across topics', () => {
    const times = Array.from({ length: SEARCH_REQUESTS_PER_HOUR }, (_, i) => NOW - 50 * MIN + i * MIN);
    expect(underHourlyCap(times.slice(1), NOW)).toEqual({ ok: true });
    expect(underHourlyCap(times, NOW)).toEqual({ ok: false, retryAt: NOW + 10 * MIN });
    expect(underHourlyCap([...times, NOW - 2 * HOUR], NOW)).toEqual({ ok: false, retryAt: NOW + 10 * MIN });
    expect(underHourlyCap(times, NOW + 11 * MIN)).toEqual({ ok: true });
    expect(keepLastHour([NOW - 2 * HOUR, NOW - 10 * MIN], NOW)).toEqual([NOW - 10 * MIN]);
  });
});
