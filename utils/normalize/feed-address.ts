// "Is this the same feed?" One key for every spelling of a feed's address, so a feed is never added
// twice: http and https, localhost and 127.0.0.1, a trailing slash, tracking parameters, parameter
// order, a fragment, the default port and letter case of scheme and host all give the same key.
import { isTrackingParam } from './url';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The key of a feed address, or '' when it is not an http(s) address. */
export function feedKey(address: string): string {
  let u: URL;
  try {
    u = new URL(address.trim());
  } catch {
    return '';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
  const host = LOOPBACK.has(u.hostname) ? 'localhost' : u.hostname.replace(/\.$/, '');
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  const params = [...u.searchParams].filter(([k]) => !isTrackingParam(k)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).sort();
  return `${host}${port}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** The keys a source is known by: its address, where it redirects, and the addresses it was found under. */
export function sourceKeys(s: { url: string; redirectTo?: string; aliases?: readonly string[] }): string[] {
  return [s.url, s.redirectTo, ...(s.aliases ?? [])].filter((x): x is string => !!x).map(feedKey).filter(Boolean);
}

/** The first of `sources` that is the same feed as any of `addresses`. */
export function findSameFeed<S extends { url: string; redirectTo?: string; aliases?: readonly string[] }>(
  sources: readonly S[],
  addresses: ReadonlyArray<string | undefined>,
): S | undefined {
  const wanted = new Set(addresses.filter((x): x is string => !!x).map(feedKey).filter(Boolean));
  if (wanted.size === 0) return undefined;
  return sources.find((s) => sourceKeys(s).some((k) => wanted.has(k)));
}
