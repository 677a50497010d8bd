// The peer bench's arithmetic: a ratio per pair (Newsbar's run / the peer's run beside it), their
// median and spread, and the verdict. A goal is met only when the worst pair meets it, or when a quiet
// run and a loaded run both meet it at the median: a lead that holds only while the peer happens to
// be slow is not a lead.
import type { RunResult } from './run-one';

export interface Spread {
  med: number;
  min: number;
  max: number;
  n: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { med: NaN, min: NaN, max: NaN, n: 0 };
  const m = s.length >> 1;
  return { med: s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

export interface Metric {
  key: string;
  label: string;
  get(r: RunResult): number | undefined;
  format(x: number): string;
  /** The goal: the ratio Newsbar / peer at most this. */
  target?: number;
  /** The goal holds against this peer only (the one the goal was set against). */
  targetPeer?: RunResult['name'];
}

/** The metric's goal against `peer`, if it has one there. */
export const targetFor = (m: Metric, peer: RunResult['name']): number | undefined => (m.targetPeer === undefined || m.targetPeer === peer ? m.target : undefined);

/** Newsbar / peer for each pair both of whose runs succeeded. */
export function pairedRatios(runs: readonly RunResult[], peer: RunResult['name'], get: (r: RunResult) => number | undefined): number[] {
  const out: number[] = [];
  const pairs = [...new Set(runs.map((r) => r.pair))].sort((a, b) => a - b);
  for (const p of pairs) {
    const nb = runs.find((r) => r.pair === p && r.name === 'newsbar' && !r.error);
    const other = runs.find((r) => r.pair === p && r.name === peer && !r.error);
    const a = nb && get(nb);
    const b = other && get(other);
    if (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0) out.push(a / b);
  }
  return out;
}

export type Verdict = 'met: every pair' | 'met: quiet and loaded' | 'not met' | '';

/** Met when the worst pair meets the target; or, given the other kind of run's ratios, when both medians do. */
export function verdict(target: number | undefined, ratios: Spread, otherRun?: Spread): Verdict {
  if (target === undefined || !ratios.n) return '';
  if (ratios.max <= target) return 'met: every pair';
  if (otherRun?.n && ratios.med <= target && otherRun.med <= target) return 'met: quiet and loaded';
  return 'not met';
}
