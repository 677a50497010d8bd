import { describe, expect, it } from 'vitest';
import { hostPattern } from '@/utils/net/host-pattern';
import { originsFor } from '@/utils/origins';

describe('hostPattern', () => {
  it('leaves the port out: Firefox refuses a match pattern with one, Chrome ignores it', () => {
    expect(hostPattern('http://127.0.0.1:8787/demo/world.rss')).toBe('http://127.0.0.1/*');
    expect(hostPattern('http://news.lan:8080')).toBe('http://news.lan/*');
    expect(hostPattern('https://example.com:8443/feed?x=1#top')).toBe('https://example.com/*');
  });

  it('keeps the scheme and host of an address on the default port', () => {
    expect(hostPattern('https://feeds.bbci.co.uk/news/rss.xml')).toBe('https://feeds.bbci.co.uk/*');
    expect(hostPattern('http://localhost/')).toBe('http://localhost/*');
  });

  it('keeps an IPv6 host in its brackets', () => {
    expect(hostPattern('http://[::1]:8787/feed.xml')).toBe('http://[::1]/*');
  });

  it('takes an origin as the reader passes it', () => {
    expect(hostPattern(new URL('http://127.0.0.2:9000/a/b').origin)).toBe('http://127.0.0.2/*');
  });

  it('is what an import asks for: one pattern per host, whatever the ports', () => {
    expect(originsFor([{ url: 'http://news.lan:8787/a.xml' }, { url: 'http://news.lan:9000/b.xml' }, { url: 'not a url' }])).toEqual(['http://news.lan/*']);
  });
});
