import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrown } from './thrown';
import { apiRequest, parseSourceBody, SourceApiError, SourceFormatError } from '../../../utils/sources/index';
import { maskKey, redactKey } from '../../../utils/sources/errors';
import { parseNewsApi } from '../../../utils/sources/newsapi';
import { parseGuardian } from '../../../utils/sources/guardian';
import { parseGNews } from '../../../utils/sources/gnews';

const NOW = Date.UTC(2024, 2, 6);
const KEY = '0123456789abcdef0123456789abcdef';
const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');

describe('NewsAPI', () => {
  const feed = parseNewsApi(fixture('newsapi.json'), { now: NOW });
  it('maps articles, drops [Removed] placeholders and strips " - Source" from titles', () => {
    expect(feed.kind).toBe('newsapi');
    expect(feed.items).toHaveLength(2);
    expect(feed.skipped).toBe(1);
    expect(feed.items[0]).toMatchObject({
      title: 'Port strike ends after three days',
      url: 'https://harbourwire.example.com/port-strike-ends',
      summaryHtml: 'Dock workers accepted a 6% raise.',
      author: 'Sam Keller',
      imageUrl: 'https://harbourwire.example.com/img/port.jpg',
      published: Date.UTC(2024, 2, 5, 9, 12),
      breaking: false,
    });
    expect(feed.items[0].guid).toBeUndefined();
  });
  it('turns the truncated content into escaped HTML without the "[+N chars]" marker', () => {
    expect(feed.items[0].contentHtml).toBe('<p>Dock workers voted on Tuesday to accept the offer, ending a strike that…</p>');
  });
  it('handles nulls and the LIVE: prefix', () => {
    expect(feed.items[1]).toMatchObject({ title: 'Flood warnings issued for the valley', breaking: true, summaryHtml: '', contentHtml: '' });
    expect(feed.items[1].author).toBeUndefined();
    expect(feed.items[1].imageUrl).toBeUndefined();
  });
  it('throws the API message for {status:"error"}, with the key masked', () => {
    const e = thrown(() => parseNewsApi(fixture('newsapi-error.json'), { apiKey: KEY }));
    expect(e).toBeInstanceOf(SourceApiError);
    expect(e).toBeInstanceOf(SourceFormatError);
    expect((e as SourceApiError).code).toBe('apiKeyInvalid');
    expect(e.message).toMatch(/^NewsAPI: Your API key is invalid or incorrect/);
    expect(e.message).not.toContain(KEY);
    expect(e.message).toContain('0123…cdef');
  });
  it('refuses a body without articles', () => {
    expect(() => parseNewsApi('{"status":"ok"}')).toThrowError(/no articles/);
  });
});

describe('The Guardian', () => {
  const feed = parseGuardian(fixture('guardian.json'), { now: NOW });
  it('maps results with their fields', () => {
    expect(feed.kind).toBe('guardian');
    expect(feed.items[0]).toMatchObject({
      guid: 'world/2024/mar/05/glacier-retreat-record',
      title: 'Glacier retreat hits record pace, scientists say',
      url: 'https://www.theguardian.com/world/2024/mar/05/glacier-retreat-record',
      summaryHtml: 'Ice loss in the Alps <strong>doubled</strong> in a decade',
      contentHtml: '<p>Researchers measured ...</p>',
      imageUrl: 'https://media.example-guim.co.uk/glacier/500.jpg',
      author: 'Ines Duarte',
      categories: ['World news', 'News'],
      published: Date.UTC(2024, 2, 5, 8, 30),
      breaking: false,
    });
  });
  it('treats live blogs as breaking', () => {
    expect(feed.items[1].breaking).toBe(true);
    expect(feed.items[1].contentHtml).toBe('');
  });
  it('throws the API error message, key masked', () => {
    const body = JSON.stringify({ response: { status: 'error', message: `The api-key '${KEY}' is not valid` } });
    const e = thrown(() => parseGuardian(body, { apiKey: KEY }));
    expect(e).toBeInstanceOf(SourceApiError);
    expect(e.message).toBe("The Guardian API: The api-key '0123…cdef' is not valid");
    const gw = thrown(() => parseGuardian({ message: 'Unauthorized' }, { apiKey: KEY }));
    expect(gw.message).toBe('The Guardian API: Unauthorized');
  });
});

describe('GNews', () => {
  const feed = parseGNews(fixture('gnews.json'), { now: NOW });
  it('maps articles', () => {
    expect(feed.kind).toBe('gnews');
    expect(feed.items[0]).toMatchObject({
      guid: 'a1b2c3d4',
      title: 'Solar farm opens on former airfield',
      url: 'https://energy.example.com/solar-airfield?ref=home',
      summaryHtml: 'The site will power 40,000 homes.',
      imageUrl: 'https://energy.example.com/img/solar.jpg',
      published: Date.UTC(2024, 2, 5, 6),
    });
    expect(feed.items[0].contentHtml).toBe('<p>The solar farm, built on a disused airfield, was connected to the grid on Monday…</p>');
    expect(feed.items[1]).toMatchObject({ title: 'Airport reopens after power cut', breaking: true });
  });
  it('throws GNews errors (array or object form), key masked', () => {
    const a = thrown(() => parseGNews({ errors: [`API key ${KEY} is invalid.`] }, { apiKey: KEY }));
    expect(a).toBeInstanceOf(SourceApiError);
    expect(a.message).toBe('GNews: API key 0123…cdef is invalid.');
    const b = thrown(() => parseGNews({ errors: { apikey: 'You did not provide an API key.' } }));
    expect(b.message).toBe('GNews: You did not provide an API key.');
  });
});

describe('apiRequest', () => {
  it('NewsAPI: key in the X-Api-Key header, never in the URL', () => {
    const r = apiRequest('newsapi', 'climate summit', KEY);
    expect(r.headers).toEqual({ 'X-Api-Key': KEY });
    expect(r.url).not.toContain(KEY);
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe('https://newsapi.org/v2/everything');
    expect(u.searchParams.get('q')).toBe('climate summit');
    const given = apiRequest('newsapi', `https://newsapi.org/v2/top-headlines?country=gb&apiKey=${KEY}`, KEY);
    expect(given.url).toBe('https://newsapi.org/v2/top-headlines?country=gb');
  });
  it('Guardian: api-key parameter and the fields Newsbar reads', () => {
    const r = apiRequest('guardian', 'glaciers', KEY);
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe('https://content.guardianapis.com/search');
    expect(u.searchParams.get('api-key')).toBe(KEY);
    expect(u.searchParams.get('show-fields')).toBe('trailText,body,thumbnail,byline');
    expect(u.searchParams.get('q')).toBe('glaciers');
    expect(r.displayUrl).not.toContain(KEY);
    const section = new URL(apiRequest('guardian', 'https://content.guardianapis.com/world?show-fields=all', KEY).url);
    expect(section.pathname).toBe('/world');
    expect(section.searchParams.get('show-fields')).toBe('all');
  });
  it('GNews: apikey parameter', () => {
    const r = apiRequest('gnews', 'solar', KEY);
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe('https://gnews.io/api/v4/search');
    expect(u.searchParams.get('apikey')).toBe(KEY);
    expect(u.searchParams.get('q')).toBe('solar');
    expect(r.displayUrl).not.toContain(KEY);
    expect(new URL(apiRequest('gnews', '', KEY).url).pathname).toBe('/api/v4/top-headlines');
  });
});

describe('maskKey / redactKey', () => {
  it('never shows the whole key', () => {
    expect(maskKey(KEY)).toBe('0123…cdef');
    expect(maskKey('abcd1234wx')).toBe('ab…wx');
    expect(maskKey('short')).toBe('…');
    expect(maskKey('')).toBe('');
    for (const k of [KEY, 'abcd1234wx', 'short', 'abcdefgh']) expect(maskKey(k)).not.toContain(k);
  });
  it('removes the key in raw and URL-encoded form, everywhere', () => {
    const k = 'key/with+special=chars12345';
    const s = `a ${k} b ${encodeURIComponent(k)} c ${k}`;
    const out = redactKey(s, k);
    expect(out).not.toContain(k);
    expect(out).not.toContain(encodeURIComponent(k));
    expect(out.match(/…/g)).toHaveLength(3);
    expect(redactKey('nothing here', '')).toBe('nothing here');
  });
});

describe('API kinds through parseSourceBody', () => {
  it('dispatches by kind and passes the key for redaction', () => {
    expect(parseSourceBody('guardian', fixture('guardian.json'), 'application/json', { now: NOW }).items).toHaveLength(2);
    const e = thrown(() => parseSourceBody('newsapi', fixture('newsapi-error.json'), 'application/json', { apiKey: KEY }));
    expect(e.message).not.toContain(KEY);
  });
  it('an API answer at a plain address (a keyless NewsAPI-style endpoint) is read as a feed: the body decides', () => {
    for (const [name, kind] of [['newsapi.json', 'newsapi'], ['gnews.json', 'gnews'], ['guardian.json', 'guardian']] as const) {
      const asFeed = parseSourceBody('feed', fixture(name), 'application/json', { now: NOW });
      const asApi = parseSourceBody(kind, fixture(name), 'application/json', { now: NOW });
      expect(asFeed.items.length).toBeGreaterThan(0);
      expect(asFeed.items).toEqual(asApi.items);
    }
  });
  it('an HTML error page for an API source says so', () => {
    expect(() => parseSourceBody('gnews', '<!DOCTYPE html><html><body>502</body></html>')).toThrowError(
      'this is an HTML page, not a news API response',
    );
  });
});
