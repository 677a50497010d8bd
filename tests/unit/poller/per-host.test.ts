import { describe, expect, it } from 'vitest';
import { hostOf, runPerHost } from '@/utils/poller/per-host';

/** Jobs that each wait for their own release, recording what ran at once. */
function harness() {
  const running = new Map<string, number>();
  let total = 0;
  const peaks = { total: 0, host: new Map<string, number>() };
  const started: string[] = [];
  const release = new Map<string, () => void>();
  const run = (job: string) => {
    const h = job.split('/')[0];
    started.push(job);
    running.set(h, (running.get(h) ?? 0) + 1);
    total++;
    peaks.total = Math.max(peaks.total, total);
    peaks.host.set(h, Math.max(peaks.host.get(h) ?? 0, running.get(h)!));
    return new Promise<void>((r) => release.set(job, () => {
      running.set(h, running.get(h)! - 1);
      total--;
      r();
    }));
  };
  return { run, peaks, started, release };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('fetching per host', () => {
  it('runs at most perHost jobs of one host and at most total in all', async () => {
    const jobs = [...Array.from({ length: 10 }, (_, i) => `a/${i}`), ...Array.from({ length: 10 }, (_, i) => `b${i}/x`)];
    const h = harness();
    const done = runPerHost(jobs, (j) => j.split('/')[0], { total: 8, perHost: 3 }, h.run);
    await tick();
    // The busy host's later jobs wait; other hosts' jobs start in their place.
    expect(h.started).toEqual(['a/0', 'a/1', 'a/2', 'b0/x', 'b1/x', 'b2/x', 'b3/x', 'b4/x']);
    while (h.release.size) {
      const [job, r] = [...h.release][0];
      h.release.delete(job);
      r();
      await tick();
    }
    await done;
    expect(h.started).toHaveLength(20);
    expect(h.peaks.total).toBe(8);
    expect(h.peaks.host.get('a')).toBe(3);
  });

  it('a host that hangs holds only its own slots', async () => {
    const h = harness();
    const jobs = ['slow/1', 'slow/2', ...Array.from({ length: 6 }, (_, i) => `f${i}/x`)];
    const done = runPerHost(jobs, (j) => j.split('/')[0], { total: 4, perHost: 1 }, (j) => (j.startsWith('slow') ? h.run(j) : Promise.resolve()));
    for (let i = 0; i < 10; i++) await tick();
    // The second slow job still waits for the first; every other job is done.
    expect(h.started).toEqual(['slow/1']);
    h.release.get('slow/1')!();
    for (let i = 0; i < 5; i++) await tick();
    h.release.get('slow/2')!();
    await done;
    expect(h.started).toEqual(['slow/1', 'slow/2']);
  });

  it('a job that gives its slot back early lets the next job of its host start while it finishes', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const done = runPerHost(['a/1', 'a/2', 'a/3'], (j) => j[0], { total: 4, perHost: 1 }, async (j, release) => {
      started.push(j);
      // a/1 fetched: its slot goes back, its local work goes on.
      if (j === 'a/1') release();
      await new Promise<void>((r) => finish.set(j, r));
      release(); // a second release (and the one at its end) changes nothing
    });
    await tick();
    expect(started).toEqual(['a/1', 'a/2']);
    // a/2 holds the host's one slot until it ends.
    await tick();
    expect(started).toEqual(['a/1', 'a/2']);
    finish.get('a/2')!();
    await tick();
    await tick();
    expect(started).toEqual(['a/1', 'a/2', 'a/3']);
    finish.get('a/1')!();
    finish.get('a/3')!();
    await done;
  });

  it('rejects with the first failure', async () => {
    await expect(runPerHost(['a/1', 'b/1'], (j) => j[0], { total: 4, perHost: 1 }, async (j) => { if (j === 'b/1') throw new Error('boom'); })).rejects.toThrow('boom');
  });

  it('reads the host of a URL, and groups what does not parse', () => {
    expect(hostOf('https://news.example.com:8443/feed.xml')).toBe('news.example.com:8443');
    expect(hostOf('not a url')).toBe('');
  });
});
