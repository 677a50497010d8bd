// @vitest-environment node
// Mid-poll progress: the first stored source is told at once, later ones at most once a second,
// nothing after the poll is over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedProgress } from '@/utils/poller/progress';

describe('stored progress', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('tells the first source at once, then gathers the others for a second', () => {
    const sent: string[][] = [];
    const p = storedProgress((ids) => sent.push(ids), 1000, () => Date.now());
    p.stored('a');
    expect(sent).toEqual([['a']]);
    vi.advanceTimersByTime(200);
    p.stored('b');
    p.stored('c');
    p.stored('b');
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(799);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([['a'], ['b', 'c']]);
    // A quiet second later, the next one goes at once again.
    vi.advanceTimersByTime(1500);
    p.stored('d');
    expect(sent).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('sends nothing once stopped', () => {
    const sent: string[][] = [];
    const p = storedProgress((ids) => sent.push(ids), 1000, () => Date.now());
    p.stored('a');
    p.stored('b');
    p.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([['a']]);
  });
});
