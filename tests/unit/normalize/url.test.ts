import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absoluteUrl, canonicalUrl, isTrackingParam } from '../../../utils/normalize/url';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, keeps the path case', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM/World/Story')).toBe('https://news.example.com/World/Story');
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalUrl('https://example.com:443/a')).toBe('https://example.com/a');
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('drops the fragment', () => {
    expect(canonicalUrl('https://example.com/a#comments')).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a?x=1#')).toBe('https://example.com/a?x=1');
  });

  it('resolves relative URLs against the base', () => {
    expect(canonicalUrl('/2024/story', 'https://example.com/news/')).toBe('https://example.com/2024/story');
    expect(canonicalUrl('story', 'https://example.com/news/')).toBe('https://example.com/news/story');
    expect(canonicalUrl('../story', 'https://example.com/news/world/')).toBe('https://example.com/news/story');
    expect(canonicalUrl('//cdn.example.com/x', 'https://example.com/')).toBe('https://cdn.example.com/x');
  });

  it('removes tracking parameters and keeps the others in order and spelling', () => {
    const u =
      'https://example.com/a?b=2&utm_source=rss&utm_medium=feed&UTM_Campaign=x&a=1&fbclid=F&gclid=G&dclid=D&mc_cid=1&mc_eid=2' +
      '&igshid=I&ocid=O&cmpid=C&CMP=share&at_medium=m&at_campaign=c&ito=1&_ga=2.1&ref_src=twsrc%5Etfw&q=a%20b&z=';
    expect(canonicalUrl(u)).toBe('https://example.com/a?b=2&a=1&q=a%20b&z=');
  });

  it('drops an emptied query completely', () => {
    expect(canonicalUrl('https://example.com/a?utm_source=x&fbclid=y')).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a?')).toBe('https://example.com/a');
  });

  it('keeps ordinary parameters that only look similar', () => {
    expect(canonicalUrl('https://example.com/s?ref=home&id=7&page=2&utmost=1&cmp_id=9')).toBe(
      'https://example.com/s?ref=home&id=7&page=2&utmost=1&cmp_id=9',
    );
  });

  it('accepts only http(s)', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBe('');
    expect(canonicalUrl('JaVaScRiPt:alert(1)', 'https://example.com/')).toBe('');
    expect(canonicalUrl('data:text/html,hi')).toBe('');
    expect(canonicalUrl('mailto:desk@example.com')).toBe('');
    expect(canonicalUrl('ftp://example.com/file')).toBe('');
    expect(canonicalUrl('file:///etc/passwd')).toBe('');
  });

  it('returns "" for junk and for relative URLs without a base', () => {
    expect(canonicalUrl('')).toBe('');
    expect(canonicalUrl('   ')).toBe('');
    expect(canonicalUrl('/relative/only')).toBe('');
    expect(canonicalUrl('http://')).toBe('');
  });

  it('trims whitespace around the URL', () => {
    expect(canonicalUrl('  https://example.com/a \n')).toBe('https://example.com/a');
  });

  it('is idempotent', () => {
    const once = canonicalUrl('HTTPS://Example.com:443/a/b?x=1&utm_source=y#z');
    expect(canonicalUrl(once)).toBe(once);
  });

  it('turns international hosts into their ASCII form, so one host has one spelling', () => {
    expect(canonicalUrl('https://Bücher.example/x')).toBe('https://xn--bcher-kva.example/x');
  });
});

describe('absoluteUrl', () => {
  it('resolves and filters schemes but keeps every parameter', () => {
    expect(absoluteUrl('img.jpg?utm_source=x', 'https://example.com/a/')).toBe('https://example.com/a/img.jpg?utm_source=x');
    expect(absoluteUrl('javascript:alert(1)', 'https://example.com/')).toBe('');
  });
});

describe('isTrackingParam', () => {
  it('knows prefixes and names, case-insensitively', () => {
    for (const p of ['utm_source', 'UTM_TERM', 'utm_whatever', 'fbclid', 'CMP', 'at_custom1', '_ga', 'ref_src', 'gclid']) {
      expect(isTrackingParam(p), p).toBe(true);
    }
    for (const p of ['id', 'page', 'q', 'ref', 'utmost', 'lang']) expect(isTrackingParam(p), p).toBe(false);
  });
});

describe('canonicalUrl against the plain way (every link read against its base, every part set again)', () => {
  // The reference: what canonicalUrl did before it skipped the base for absolute links and the setters
  // that change nothing. Both must give the same string for any link.
  function reference(url: string, base?: string): string {
    const raw = url.trim();
    if (!raw) return '';
    let u: URL;
    try {
      u = base ? new URL(raw, base) : new URL(raw);
    } catch {
      try {
        u = new URL(raw);
      } catch {
        return '';
      }
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return '';
    u.hash = '';
    const query = u.search.slice(1);
    if (query) {
      const kept = query.split('&').filter((pair) => {
        if (!pair) return false;
        const eq = pair.indexOf('=');
        const name = eq < 0 ? pair : pair.slice(0, eq);
        let decoded = name;
        try {
          decoded = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          // as it is
        }
        return !isTrackingParam(decoded);
      });
      u.search = kept.length ? '?' + kept.join('&') : '';
    }
    let out = u.href;
    if (out.endsWith('?')) out = out.slice(0, -1);
    if (out.endsWith('#')) out = out.slice(0, -1);
    return out;
  }

  const part = fc.constantFrom('a', 'B', '%20', '%zz', ' ', '\t', '#', '?', '&', '=', '/', '..', '.', ':', '@', 'é', 'utm_source=x', 'fbclid', 'id=7', '+');
  const link = fc.tuple(
    fc.constantFrom('', 'http://', 'HTTPS://', 'https:', 'http:/', '//', '/', './', '?', '#', 'javascript:', 'ftp://', ' http://', 'http://\t'),
    fc.constantFrom('', 'example.com', 'EXAMPLE.com:80', 'xn--bcher-kva.example', 'ex ample.com', '127.0.0.1:8080', '[::1]'),
    fc.array(part, { maxLength: 8 }),
  ).map(([scheme, host, rest]) => scheme + host + rest.join(''));
  const base = fc.constantFrom(undefined, 'https://news.example/world/', 'http://Feeds.example:8080/rss.xml?x=1#top', 'not a url', '/relative');

  it('gives the same string for any link and base', () => {
    fc.assert(fc.property(link, base, (u, b) => canonicalUrl(u, b) === reference(u, b)), { numRuns: 3000 });
    for (const [u, b] of [['http://x.example/a?#', undefined], ['http://x.example/a#', 'https://b.example/'], ['https://x.example/?utm_source=a&&id=1#f', undefined], ['http:foo', 'http://b.example/dir/'], ['?utm_medium=rss', 'https://b.example/p?q=1']] as const) {
      expect(canonicalUrl(u, b)).toBe(reference(u, b));
    }
  });
});
