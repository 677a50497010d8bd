// What kind of body did a source send? And which feeds does an HTML page announce?
// String sniffing only: this runs in the service worker, which has no DOMParser.
import type { ApiKind, FeedKind } from '../model';
import { decodeEntities } from '../normalize/text';
import { absoluteUrl } from '../normalize/url';

export type DetectedKind = FeedKind | ApiKind | 'html' | 'unknown';

/** Drop a BOM, leading whitespace, the XML declaration, comments, processing instructions and doctypes. */
export function skipProlog(body: string): string {
  let s = body.replace(/^\uFEFF/, '');
  for (;;) {
    const t = s.trimStart();
    let m: RegExpExecArray | null;
    if ((m = /^<\?[\s\S]*?\?>/.exec(t))) s = t.slice(m[0].length);
    else if (t.startsWith('<!--')) {
      const end = t.indexOf('-->');
      s = end < 0 ? '' : t.slice(end + 3);
    } else if ((m = /^<!doctype\s+(?!html\b)[^[>]*(?:\[[\s\S]*?\]\s*)?>/i.exec(t))) s = t.slice(m[0].length);
    else return t;
  }
}

/** A parsed JSON object's shape -> kind, or undefined. */
export function jsonShape(v: unknown): DetectedKind | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.version === 'string' && /jsonfeed\.org/i.test(o.version)) return 'json';
  const resp = o.response as Record<string, unknown> | undefined;
  if (resp && typeof resp === 'object' && (Array.isArray(resp.results) || 'userTier' in resp || resp.status === 'error'))
    return 'guardian';
  const articles = o.articles as Array<Record<string, unknown>> | undefined;
  if (Array.isArray(articles)) {
    if ('totalArticles' in o) return 'gnews';
    if ('totalResults' in o || typeof o.status === 'string') return 'newsapi';
    const a = articles[0];
    if (a && typeof a === 'object') {
      if ('urlToImage' in a) return 'newsapi';
      if ('image' in a) return 'gnews';
    }
    return undefined;
  }
  if (o.status === 'error' && typeof o.code === 'string' && typeof o.message === 'string') return 'newsapi';
  if ('errors' in o && Object.keys(o).length <= 2) return 'gnews';
  // JSON Feed with a version that is not its URL ("1.0"), or none, but with its fields
  if (Array.isArray(o.items) && (typeof o.title === 'string' || 'version' in o || 'home_page_url' in o || 'feed_url' in o)) return 'json';
  if (typeof o.version === 'string' && /^\d+(?:\.\d+)*$/.test(o.version.trim()) && typeof o.title === 'string') return 'json';
  return undefined;
}

/**
 * Sniff a response body. The body decides; the Content-Type only breaks ties, because many servers
 * send feeds as text/html or text/plain.
 */
export function detectKind(body: string, contentType?: string): DetectedKind {
  const s = skipProlog(body);
  const ct = (contentType ?? '').toLowerCase();
  if (s.startsWith('{') || s.startsWith('[')) {
    try {
      return jsonShape(JSON.parse(s)) ?? 'unknown';
    } catch {
      // Broken JSON: call it JSON so the error names the line and column.
      return 'json';
    }
  }
  if (s.startsWith('<')) {
    if (/^<!doctype\s+html\b/i.test(s)) return 'html';
    const tag = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(s);
    const name = tag?.[2].toLowerCase();
    if (name === 'rss') return 'rss';
    if (name === 'feed') return 'atom';
    if (name === 'rdf') return 'rdf';
    if (name === 'html' || name === 'head' || name === 'body') return 'html';
    // Some HTML starts with a <meta> or <div>; a feed never does.
    if (name && /^(meta|div|script|link|title|p|span|table)$/.test(name)) return 'html';
    return ct.includes('html') ? 'html' : 'unknown';
  }
  if (!s) return 'unknown';
  return ct.includes('html') ? 'html' : 'unknown';
}

export interface DiscoveredFeed {
  url: string;
  title: string;
  type: FeedKind;
}

const FEED_TYPES: Record<string, FeedKind> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** The attributes of one tag's source text: names lower-cased, values entity-decoded; any quoting, any order. */
export function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const inner = tag.replace(/^<[^\s/>]+/, '').replace(/\/?>$/, '');
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    const name = m[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Feeds announced by an HTML page: `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json|json">`,
 * resolved against the page URL (and its <base href>), without duplicates.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  let base = pageUrl;
  const baseTag = /<base\b[^>]*>/i.exec(text);
  if (baseTag) {
    const href = parseAttributes(baseTag[0]).href;
    const abs = href ? absoluteUrl(href, pageUrl) : '';
    if (abs) base = abs;
  }
  const out: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/<link\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const a = parseAttributes(m[0]);
    const rels = (a.rel ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('alternate')) continue;
    const type = FEED_TYPES[(a.type ?? '').toLowerCase().split(';')[0].trim()];
    if (!type || !a.href) continue;
    const url = absoluteUrl(a.href, base);
    // WordPress announces its REST API as application/json: that is not a feed.
    if (!url || (type === 'json' && /\/wp-json\/|oembed/i.test(url))) continue;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ url, title: (a.title ?? '').replace(/\s+/g, ' ').trim(), type });
  }
  return out;
}
