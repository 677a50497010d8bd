// Runs jobs a few per host at once (as browsers open at most 6 connections per host) and many hosts
// side by side, so 200 sources on 200 sites are not fetched 4 at a time, and one site is never asked
// for more than a handful of feeds at once.

export interface PerHostLimits {
  /** Jobs running at once in all (what the worker's memory and parsing can carry). */
  total: number;
  /** Jobs running at once for one host. */
  perHost: number;
}

export const DEFAULT_LIMITS: PerHostLimits = { total: 16, perHost: 6 };

/** The host a URL is fetched from ('' for what does not parse: those share one slot group). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Runs `run` for every job, in the jobs' order as far as the limits allow: a job whose host is busy
 * waits while later jobs on other hosts start. A job may give its slot back before it ends
 * (`release`: its fetch is done, what is left is local work), so the next one starts meanwhile.
 * Resolves when all are done; the first rejection rejects.
 */
export async function runPerHost<J>(jobs: J[], host: (j: J) => string, limits: PerHostLimits, run: (j: J, release: () => void) => Promise<void>): Promise<void> {
  // Each job's host once: the scan below runs on every wake, over every waiting job.
  const hosts = new Map(jobs.map((j) => [j, host(j)] as const));
  const hostOfJob = (j: J) => hosts.get(j)!;
  const waiting = [...jobs];
  const busy = new Map<string, number>();
  let slots = 0;
  const running = new Set<Promise<void>>();
  const total = Math.max(1, limits.total);
  const perHost = Math.max(1, limits.perHost);
  let failed: { error: unknown } | undefined;
  let wake: () => void = () => {};
  while ((waiting.length || running.size) && !failed) {
    while (slots < total) {
      const i = waiting.findIndex((j) => (busy.get(hostOfJob(j)) ?? 0) < perHost);
      if (i < 0) break;
      const [job] = waiting.splice(i, 1);
      const h = hostOfJob(job);
      busy.set(h, (busy.get(h) ?? 0) + 1);
      slots++;
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        busy.set(h, busy.get(h)! - 1);
        slots--;
        wake();
      };
      const p: Promise<void> = run(job, release)
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => {
          release();
          running.delete(p);
        });
      running.add(p);
    }
    if (running.size) await Promise.race([...running, new Promise<void>((r) => (wake = r))]);
  }
  if (failed) throw failed.error;
}
