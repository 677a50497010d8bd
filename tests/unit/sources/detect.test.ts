import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind, discoverFeeds, parseAttributes } from '../../../utils/sources/detect';

const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');

describe('detectKind', () => {
  it.each([
    ['rss2.xml', 'rss'],
    ['rss091.xml', 'rss'],
    ['rdf.xml', 'rdf'],
    ['atom.xml', 'atom'],
    ['atom03.xml', 'atom'],
    ['jsonfeed-1.0.json', 'json'],
    ['jsonfeed-1.1.json', 'json'],
    ['newsapi.json', 'newsapi'],
    ['newsapi-error.json', 'newsapi'],
    ['guardian.json', 'guardian'],
    ['gnews.json', 'gnews'],
    ['not-a-feed.html', 'html'],
    ['utf8-bom.xml', 'rss'],
    ['empty.xml', 'unknown'],
  ])('%s -> %s', (name, kind) => {
    expect(detectKind(fixture(name))).toBe(kind);
  });

  it('skips BOM, whitespace, comments, processing instructions and doctypes', () => {
    const body = '\uFEFF\n  <?xml version="1.0"?>\n<!-- a comment -->\n<?xml-stylesheet href="x.xsl"?>\n<!DOCTYPE feed [ <!ENTITY x "y"> ]>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>';
    expect(detectKind(body)).toBe('atom');
  });

  it('recognizes prefixed roots and HTML without a doctype', () => {
    expect(detectKind('<rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe('rdf');
    expect(detectKind('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectKind('<html><head></head></html>')).toBe('html');
    expect(detectKind('<!doctype HTML><p>hi')).toBe('html');
  });

  it('lets the Content-Type break a tie only', () => {
    expect(detectKind('<rss version="2.0"></rss>', 'text/html; charset=utf-8')).toBe('rss');
    expect(detectKind('Service unavailable', 'text/html')).toBe('html');
    expect(detectKind('Service unavailable', 'text/plain')).toBe('unknown');
  });

  it('JSON: unknown shapes are unknown; broken JSON is "json" so the parser can say where', () => {
    expect(detectKind('{"hello": "world"}')).toBe('unknown');
    expect(detectKind('[1,2]')).toBe('unknown');
    expect(detectKind('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toBe('json');
  });
});

describe('parseAttributes', () => {
  it('reads double, single and unquoted values in any order and case, decoding entities', () => {
    expect(parseAttributes(`<link HREF=/a?x=1&amp;y=2 title='A "q"' rel="alternate" hidden>`)).toEqual({
      href: '/a?x=1&y=2',
      title: 'A "q"',
      rel: 'alternate',
      hidden: '',
    });
  });
});

describe('discoverFeeds (not-a-feed.html)', () => {
  const found = discoverFeeds(fixture('not-a-feed.html'), 'https://www.harbour.example.com/index.html');

  it('finds the announced feeds, resolved against <base href>, in page order, without duplicates', () => {
    expect(found).toEqual([
      { url: 'https://www.harbour.example.com/feeds/top.rss', title: 'Top stories', type: 'rss' },
      { url: 'https://www.harbour.example.com/news/feeds/world.atom', title: 'World & Europe', type: 'atom' },
      { url: 'https://www.harbour.example.com/feed.json', title: 'JSON', type: 'json' },
      { url: 'https://www.harbour.example.com/feeds/latest.json', title: 'Latest (JSON)', type: 'json' },
    ]);
  });

  it('ignores commented-out links, the WordPress REST API, oEmbed, hreflang alternates and javascript: URLs', () => {
    const urls = found.map((f) => f.url).join(' ');
    expect(urls).not.toMatch(/old\.rss|wp-json|oembed|\/fr\/|javascript/);
  });

  it('resolves against the page URL when there is no <base>', () => {
    const html = '<head><link rel="alternate" type="application/atom+xml" href="../feed.atom"></head>';
    expect(discoverFeeds(html, 'https://example.org/blog/post/')).toEqual([
      { url: 'https://example.org/blog/feed.atom', title: '', type: 'atom' },
    ]);
  });

  it('handles > inside quoted attribute values and finds nothing in a page without feeds', () => {
    expect(discoverFeeds(`<link title="a > b" rel="alternate" type="application/rss+xml" href="/r">`, 'https://e.example/')[0]).toEqual({
      url: 'https://e.example/r',
      title: 'a > b',
      type: 'rss',
    });
    expect(discoverFeeds('<html><head><title>x</title></head></html>', 'https://e.example/')).toEqual([]);
  });
});
