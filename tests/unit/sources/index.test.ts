import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCES, parseSourceBody, SourceFormatError } from '../../../utils/sources/index';

const NOW = Date.UTC(2024, 2, 6);
const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');

function formatError(fn: () => unknown): SourceFormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SourceFormatError);
    return e as SourceFormatError;
  }
  throw new Error('expected a SourceFormatError');
}

describe('parseSourceBody', () => {
  it.each([
    ['rss2.xml', 'rss', 5],
    ['rss091.xml', 'rss', 2],
    ['rdf.xml', 'rdf', 2],
    ['atom.xml', 'atom', 3],
    ['atom03.xml', 'atom', 1],
    ['jsonfeed-1.0.json', 'json', 2],
    ['jsonfeed-1.1.json', 'json', 2],
    ['newsapi.json', 'newsapi', 2],
    ['guardian.json', 'guardian', 2],
    ['gnews.json', 'gnews', 2],
  ])("kind 'feed' detects %s as %s", (name, kind, count) => {
    const feed = parseSourceBody('feed', fixture(name), undefined, { now: NOW });
    expect(feed.kind).toBe(kind);
    expect(feed.items).toHaveLength(count);
  });

  it('an explicit feed kind reads the body too (the body decides the format)', () => {
    expect(parseSourceBody('rss', fixture('atom.xml')).kind).toBe('atom');
    expect(parseSourceBody('json', fixture('jsonfeed-1.1.json')).kind).toBe('json');
  });

  it('resolves relative site and item links against the source URL', () => {
    const body = '<rss version="2.0"><channel><title>R</title><link>/</link><item><title>A</title><link>a.html</link></item></channel></rss>';
    const feed = parseSourceBody('feed', body, 'application/rss+xml', { baseUrl: 'https://rel.example.com/feeds/main.xml' });
    expect(feed.siteUrl).toBe('https://rel.example.com/');
    expect(feed.items[0].url).toBe('https://rel.example.com/a.html');
  });

  it('HTML page instead of a feed', () => {
    const e = formatError(() => parseSourceBody('feed', fixture('not-a-feed.html'), 'text/html'));
    expect(e.message).toBe('this is an HTML page, not a feed');
    expect(formatError(() => parseSourceBody('rss', '<html><body>Moved</body></html>')).message).toBe('this is an HTML page, not a feed');
  });

  it('malformed XML carries the line', () => {
    const e = formatError(() => parseSourceBody('feed', fixture('malformed.xml')));
    expect(e.line).toBe(20);
    expect(e.message).toContain('line 20');
  });

  it('line numbers count the leading blank lines some servers send', () => {
    const e = formatError(() => parseSourceBody('feed', '\n\n\n' + fixture('malformed.xml')));
    expect(e.line).toBe(23);
  });

  it('invalid JSON carries line and column', () => {
    const body = '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "x",\n  "items": [ { "id": "1" } ,, ]\n}';
    const e = formatError(() => parseSourceBody('feed', body));
    expect(e.line).toBe(4);
    expect(e.column).toBe(29); // the second comma
    expect(e.message).toMatch(/^this is not valid JSON: .* \(line 4, column 29\)$/);
  });

  it('JSON cut short says so', () => {
    const e = formatError(() => parseSourceBody('newsapi', '{"status":"ok","articles":[{"title":"a"'));
    expect(e.message).toMatch(/ends too early|expected/);
    expect(e.line).toBe(1);
  });

  it('JSON of an unknown shape', () => {
    expect(formatError(() => parseSourceBody('feed', '{"hello":"world"}')).message).toBe(
      'this JSON is not a JSON Feed or a known news API response',
    );
    expect(formatError(() => parseSourceBody('json', '[1, 2, 3]')).message).toBe(
      'this JSON is not a JSON Feed or a known news API response',
    );
  });

  it('empty body', () => {
    expect(formatError(() => parseSourceBody('feed', fixture('empty.xml'))).message).toBe('the source sent an empty response');
    expect(formatError(() => parseSourceBody('feed', ' \n\t ')).message).toBe('the source sent an empty response');
    expect(formatError(() => parseSourceBody('guardian', '')).message).toBe('the source sent an empty response');
  });

  it('plain text is not a feed', () => {
    expect(formatError(() => parseSourceBody('feed', 'Service Unavailable', 'text/plain')).message).toMatch(/not a feed/);
  });

  it('drops items with neither title nor link and reports how many', () => {
    const feed = parseSourceBody('feed', fixture('rss2.xml'));
    expect(feed.skipped).toBe(1);
  });
});

describe('DEFAULT_SOURCES', () => {
  it('are a few https world-news feeds that need no key and whose hosts the manifest already allows', () => {
    const manifest = readFileSync('wxt.config.ts', 'utf8');
    expect(DEFAULT_SOURCES.length).toBeGreaterThanOrEqual(4);
    expect(DEFAULT_SOURCES.length).toBeLessThanOrEqual(6);
    for (const s of DEFAULT_SOURCES) {
      expect(s.kind).toBe('feed');
      expect(s.name.length).toBeGreaterThan(0);
      const u = new URL(s.url);
      expect(u.protocol).toBe('https:');
      expect(manifest).toContain(`'https://${u.host}/*'`);
    }
    expect(new Set(DEFAULT_SOURCES.map((s) => s.url)).size).toBe(DEFAULT_SOURCES.length);
  });
});
