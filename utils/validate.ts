// Checks for what people type into the options page, each giving a code the page turns into words.
import type { Source } from './model';
import type { Problem } from './problems';
import { findSameFeed } from './normalize/feed-address';

// Endings of file names that are not top-level domains: "feed.xml" typed alone is a file, not a site.
const FILE_ENDINGS = new Set(['xml', 'rss', 'atom', 'rdf', 'json', 'opml', 'php', 'html', 'htm', 'asp', 'aspx', 'jsp', 'cgi', 'txt']);

/**
 * A typed address as an http(s) URL, or the problem with it. "example.com/feed" gets https://; a
 * relative address ("/feed.xml", "./rss", "feed.xml", "?format=rss") needs the site, so it is refused
 * as such instead of becoming a made-up site (https://feed.xml/).
 */
export function readHttpUrl(input: string): { url: string } | { problem: Problem } {
  const s = input.trim();
  if (!s) return { problem: { code: 'noAddress' } };
  if (/^(?:\.{0,2}\/(?!\/)|[?#]|\.\.?$)/.test(s)) return { problem: { code: 'needsFullUrl' } };
  if (/\s/.test(s)) return { problem: { code: 'invalidUrl' } };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(s);
  let u: URL;
  try {
    u = new URL(hasScheme ? s : `https://${s.replace(/^\/\//, '')}`);
  } catch {
    return { problem: { code: 'invalidUrl' } };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { problem: { code: 'invalidUrl' } };
  const host = u.hostname;
  const local = host === 'localhost' || host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const tld = host.split('.').pop()!.toLowerCase();
  if (!hasScheme && !local && FILE_ENDINGS.has(tld) && u.pathname === '/') return { problem: { code: 'needsFullUrl' } };
  // A host needs a dot (example.com) unless it is a local one (localhost, an IP address).
  if (!host.includes('.') && !local) return { problem: hasScheme ? { code: 'invalidUrl' } : { code: 'needsFullUrl' } };
  u.hash = '';
  return { url: u.href };
}

/** A normalized http(s) URL, or undefined. Accepts "example.com/feed" (https assumed). */
export function parseHttpUrl(input: string): string | undefined {
  const r = readHttpUrl(input);
  return 'url' in r ? r.url : undefined;
}

/** Checks a source address against the list; gives the normalized URL when it is fine. */
export function checkSourceUrl(input: string, sources: ReadonlyArray<Pick<Source, 'url' | 'name' | 'redirectTo' | 'aliases'>>): { url: string } | { problem: Problem } {
  const r = readHttpUrl(input);
  if ('problem' in r) return r;
  const same = findSameFeed(sources, [r.url]);
  if (same) return { problem: { code: 'duplicate', name: same.name } };
  return r;
}

export function parseInterval(input: string): number | undefined {
  const n = Number(input.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1440 ? n : undefined;
}

