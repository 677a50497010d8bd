// Whether Newsbar's database has room, as a state the worker keeps (not an error text): which
// sources' polls the browser refused to store, and whether some other write was refused since the
// last write that grew the store. Pure: the worker keeps it (entrypoints/background/storage-watch.ts)
// and mirrors it to storage.local, which the pages read (storage.local is not the database: its
// quota is apart, and its writes still succeed when IndexedDB's are refused).

export interface StorageState {
  /** The line is shown: something was refused and has not been stored since. */
  full: boolean;
  /** When the first refusal of this spell happened (ms). */
  since?: number;
  /** Sources whose last poll's items were refused for lack of space: retried first once there is room. */
  refused: string[];
  /** A write not tied to a source (alerts, a source's state, a user action) was refused. */
  stray: boolean;
}

export const ROOMY: StorageState = { full: false, refused: [], stray: false };

function settle(s: Omit<StorageState, 'full'>, pendingActions: number): StorageState {
  const full = s.refused.length > 0 || s.stray || pendingActions > 0;
  return { ...s, full, since: full ? s.since : undefined };
}

/** A source's poll was refused: it is retried first when there is room. */
export function sourceRefused(s: StorageState, sourceId: string, now: number, pending = 0): StorageState {
  const refused = s.refused.includes(sourceId) ? s.refused : [...s.refused, sourceId];
  return settle({ ...s, refused, since: s.since ?? now }, pending);
}

/** Some other write was refused. */
export function writeRefused(s: StorageState, now: number, pending = 0): StorageState {
  return settle({ ...s, stray: true, since: s.since ?? now }, pending);
}

/**
 * A source's poll was stored (or ended for another reason: it is no longer waiting for room).
 * `grew`: the write added to the store (new items), proof that there is room again.
 */
export function sourceDone(s: StorageState, sourceId: string, grew: boolean, pending = 0): StorageState {
  return settle({ ...s, refused: s.refused.filter((id) => id !== sourceId), stray: grew ? false : s.stray }, pending);
}

/** A write that grew the store succeeded (kept user actions written, a poll stored). */
export function writeSucceeded(s: StorageState, pending = 0): StorageState {
  return settle({ ...s, stray: false }, pending);
}

/** The state with the number of user actions still waiting for room. */
export function withPending(s: StorageState, pending: number): StorageState {
  return settle(s, pending);
}

export function sameState(a: StorageState, b: StorageState): boolean {
  return a.full === b.full && a.stray === b.stray && a.since === b.since && a.refused.length === b.refused.length && a.refused.every((id, i) => b.refused[i] === id);
}

/** A stored value read back (an older or damaged one counts as roomy). */
export function storageStateOf(v: unknown): StorageState {
  const o = v as Partial<StorageState> | undefined;
  if (!o || typeof o !== 'object') return ROOMY;
  return { full: !!o.full, since: typeof o.since === 'number' ? o.since : undefined, refused: Array.isArray(o.refused) ? o.refused.filter((x): x is string => typeof x === 'string') : [], stray: !!o.stray };
}
