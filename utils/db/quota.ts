// Is this failure the browser refusing to store more (a full disk, or the origin's quota)?
// Chromium reports it in one of two ways, known here by error names only (its messages are often
// empty, and words are never looked at):
// - a DOMException named QuotaExceededError, on the request or as the reason a transaction aborted
//   (idb rejects `tx.done` with an AbortError whose transaction's error is the quota one);
// - on a disk that filled up for real, it closes the database connection itself: the running
//   transactions abort (AbortError, or UnknownError), later ones do not start (InvalidStateError), and
//   the connection gets a `close` event. Such a failure on a connection the browser closed is a
//   refusal too: what was being written was not stored, and waits for room like a refused write.

const QUOTA = new Set(['QuotaExceededError']);
/** What a request or transaction fails with on a connection the browser closed. */
// (Chromium 156 also reported the failed write of an auto-incremented store on a full disk as a
// ConstraintError, just before closing the connection: only with the close does it count.)
const CLOSED = new Set(['AbortError', 'InvalidStateError', 'UnknownError', 'TransactionInactiveError', 'ConstraintError']);

interface Named {
  name?: unknown;
  error?: unknown;
  target?: { error?: unknown; transaction?: { error?: unknown } | null } | null;
  cause?: unknown;
}

function named(e: unknown, names: ReadonlySet<string>, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 3) return false;
  const n = e as Named;
  if (typeof n.name === 'string' && names.has(n.name)) return true;
  // The reasons a wrapper carries: an aborted transaction's error, an event's target, a cause.
  return [n.error, n.target?.error, n.target?.transaction?.error, n.cause].some((x) => x !== e && named(x, names, depth + 1));
}

export function isQuotaError(e: unknown): boolean {
  return named(e, QUOTA);
}

/** A connection: what is needed to tell whether it still starts a transaction. */
interface Connection {
  objectStoreNames: DOMStringList | ArrayLike<string>;
  transaction(names: string, mode: 'readonly'): { abort(): void; done?: Promise<unknown> };
}

const lost = new WeakSet<object>();
const closedOnPurpose = new WeakSet<object>();

/** The browser closed this connection (its `close` event; openNewsDb listens for it). */
export function noteLost(db: object): void {
  lost.add(db);
}

/** Newsbar closed this connection itself (a newer version upgrading): not a refusal. */
export function noteClosedOnPurpose(db: object): void {
  closedOnPurpose.add(db);
}

/** Already known to be closed by the browser (no probe). */
export function knownLost(db: object): boolean {
  return lost.has(db);
}

/**
 * Has the browser closed this connection? Its `close` event comes after the failed requests, so
 * when it has not come yet, a transaction that no longer starts (InvalidStateError) tells.
 */
export function connectionLost(db: object): boolean {
  if (lost.has(db)) return true;
  if (closedOnPurpose.has(db)) return false;
  const c = db as Connection;
  const first = c.objectStoreNames?.[0];
  if (typeof c.transaction !== 'function' || first === undefined) return false;
  try {
    const tx = c.transaction(first, 'readonly');
    // idb's promise of the transaction's end rejects when it is aborted: this one is meant to be.
    tx.done?.catch(() => {});
    tx.abort();
    return false;
  } catch (e) {
    if (!named(e, new Set(['InvalidStateError']))) return false;
    lost.add(db);
    return true;
  }
}

/**
 * isRefusal, once the browser has had a moment to close the connection: the transaction's failure
 * (an IO error, as UnknownError) may come just before the close it causes.
 */
export async function isRefusalSoon(e: unknown, db?: object): Promise<boolean> {
  if (isRefusal(e, db)) return true;
  if (!db || !named(e, CLOSED)) return false;
  await new Promise((r) => setTimeout(r, 100));
  return isRefusal(e, db);
}

/**
 * Did the browser refuse this write for lack of room? A QuotaExceededError; or, given the connection
 * the write went through, a transaction's failure because the browser closed that connection.
 */
export function isRefusal(e: unknown, db?: object): boolean {
  if (isQuotaError(e)) return true;
  return !!db && named(e, CLOSED) && connectionLost(db);
}
