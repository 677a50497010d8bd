// Checks for what people type into the options page, each giving a code the page turns into words.
import type { Source } from './model';

/** A normalized http(s) URL, or undefined. Accepts "example.com/feed" (https assumed). */
export function parseHttpUrl(input: string): string | undefined {
  const s = input.trim();
  if (!s || /\s/.test(s)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  // A host needs a dot (example.com) unless it is a local one (localhost, an IP address).
  if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !u.hostname.startsWith('[')) return undefined;
  u.hash = '';
  return u.href;
}

export type UrlProblem = 'empty' | 'invalid' | 'duplicate';

/** Checks a source address against the list; gives the normalized URL when it is fine. */
export function checkSourceUrl(input: string, sources: readonly Pick<Source, 'url'>[]): { url: string } | { problem: UrlProblem } {
  if (!input.trim()) return { problem: 'empty' };
  const url = parseHttpUrl(input);
  if (!url) return { problem: 'invalid' };
  if (sources.some((s) => s.url === url)) return { problem: 'duplicate' };
  return { url };
}

/** The host-permission pattern for a URL ("https://example.com/*"). */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export function parseInterval(input: string): number | undefined {
  const n = Number(input.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1440 ? n : undefined;
}

export function isHhMm(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}
