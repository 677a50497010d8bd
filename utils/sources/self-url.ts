// The address a feed gives for itself: Atom's and RSS's <atom:link rel="self">, JSON Feed's feed_url.
// Used to recognise a feed the user already has under another address. String sniffing only (no DOM).
import { absoluteUrl } from '../normalize/url';
import { decodeEntities } from '../normalize/text';

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

export function feedSelfUrl(body: string, base?: string): string | undefined {
  const head = body.slice(0, 20_000);
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{') {
    try {
      const v = (JSON.parse(body) as { feed_url?: unknown }).feed_url;
      return typeof v === 'string' ? absoluteUrl(v, base) || undefined : undefined;
    } catch {
      return undefined;
    }
  }
  // Only links of the feed itself: those before the first item or entry.
  const end = head.search(/<(?:item|entry)[\s>]/i);
  const top = end < 0 ? head : head.slice(0, end);
  for (const m of top.matchAll(/<(?:atom:)?link\b[^>]*>/gi)) {
    if ((attr(m[0], 'rel') ?? '').toLowerCase() !== 'self') continue;
    const href = attr(m[0], 'href');
    if (href) return absoluteUrl(href, base) || undefined;
  }
  return undefined;
}
