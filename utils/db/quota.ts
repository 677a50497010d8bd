// Is this failure the browser refusing to store more (a full disk, or the origin's quota)?
// Chromium reports it as a DOMException named QuotaExceededError, on the request or as the reason a
// transaction aborted (idb rejects `tx.done` with an AbortError whose transaction's error is the
// quota one); its message is often empty, so only names are looked at, never words.

const QUOTA = 'QuotaExceededError';

interface Named {
  name?: unknown;
  error?: unknown;
  target?: { error?: unknown; transaction?: { error?: unknown } | null } | null;
  cause?: unknown;
}

export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 3) return false;
  const n = e as Named;
  if (n.name === QUOTA) return true;
  // The reasons a wrapper carries: an aborted transaction's error, an event's target, a cause.
  return [n.error, n.target?.error, n.target?.transaction?.error, n.cause].some((x) => x !== e && isQuotaError(x, depth + 1));
}
