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
 * waits while later jobs on other hosts start. Resolves when all are done; the first rejection rejects.
 */
export async function runPerHost<J>(jobs: J[], host: (j: J) => string, limits: PerHostLimits, run: (j: J) => Promise<void>): Promise<void> {
  const waiting = [...jobs];
  const busy = new Map<string, number>();
  const running = new Set<Promise<void>>();
  const total = Math.max(1, limits.total);
  const perHost = Math.max(1, limits.perHost);
  let failed: { error: unknown } | undefined;
  while ((waiting.length || running.size) && !failed) {
    while (running.size < total) {
      const i = waiting.findIndex((j) => (busy.get(host(j)) ?? 0) < perHost);
      if (i < 0) break;
      const [job] = waiting.splice(i, 1);
      const h = host(job);
      busy.set(h, (busy.get(h) ?? 0) + 1);
      const p: Promise<void> = run(job)
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => {
          busy.set(h, busy.get(h)! - 1);
          running.delete(p);
        });
      running.add(p);
    }
    if (running.size) await Promise.race(running);
  }
  if (failed) throw failed.error;
}
