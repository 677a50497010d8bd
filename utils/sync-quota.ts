// storage.sync refuses writes past its quotas (about 100 KB in all, 8 KB per entry, 512 entries, and a
// number of writes a minute and an hour). The browser says which in the error's text: that text is
// the only place it is said, so it is read here and nowhere else.
import type { Problem } from './problems';

export function syncQuotaProblem(e: unknown): Extract<Problem, { code: 'syncQuota' }> | undefined {
  const msg = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  if (!/quota|QuotaExceeded/i.test(msg)) return undefined;
  if (/QUOTA_BYTES_PER_ITEM/.test(msg)) return { code: 'syncQuota', limit: 'item' };
  if (/MAX_ITEMS/.test(msg)) return { code: 'syncQuota', limit: 'count' };
  if (/MAX_WRITE_OPERATIONS/.test(msg)) return { code: 'syncQuota', limit: 'rate' };
  return { code: 'syncQuota', limit: 'total' };
}
