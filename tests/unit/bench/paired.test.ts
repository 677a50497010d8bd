// The peer bench's verdict: the worst pair, or a quiet and a loaded run both, must meet the goal.
import { describe, expect, it } from 'vitest';
import { pairedRatios, spread, verdict } from '../../../scripts/bench/peers/paired';
import type { RunResult } from '../../../scripts/bench/peers/run-one';

const run = (name: RunResult['name'], pair: number, ingestMs: number, error?: string): RunResult => ({ name, pair, first: false, ingestMs, error });

describe('peer bench arithmetic', () => {
  it('pairs each Newsbar run with the peer run beside it, skipping pairs with a failed run', () => {
    const runs = [run('newsbar', 0, 900), run('brook', 0, 1000), run('brook', 1, 1000), run('newsbar', 1, 1200), run('newsbar', 2, 500), run('brook', 2, 400, 'crashed')];
    expect(pairedRatios(runs, 'brook', (r) => r.ingestMs)).toEqual([0.9, 1.2]);
    expect(pairedRatios(runs, 'webfeed', (r) => r.ingestMs)).toEqual([]);
  });

  it('gives the median and the range', () => {
    expect(spread([1.2, 0.8, 1.0, 0.9, 1.1])).toEqual({ med: 1.0, min: 0.8, max: 1.2, n: 5 });
    expect(spread([0.8, 1.0])).toEqual({ med: 0.9, min: 0.8, max: 1.0, n: 2 });
    expect(spread([NaN]).n).toBe(0);
  });

  it('meets a goal only when every pair does, or when a quiet and a loaded run both do at the median', () => {
    expect(verdict(1, spread([0.7, 0.8, 0.95]))).toBe('met: every pair');
    expect(verdict(1, spread([0.7, 0.8, 1.3]))).toBe('not met');
    expect(verdict(1, spread([0.7, 0.8, 1.3]), spread([0.9, 0.95, 1.1]))).toBe('met: quiet and loaded');
    expect(verdict(1, spread([0.7, 0.8, 1.3]), spread([0.9, 1.05, 1.1]))).toBe('not met');
    expect(verdict(undefined, spread([2]))).toBe('');
  });
});
