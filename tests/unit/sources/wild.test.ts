// Feeds as they are found in the wild: shapes and spellings seen in real feeds and other parsers' suites.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../utils/sources/feed';
import { parseSourceBody } from '../../../utils/sources/index';
import { parseNewsApi } from '../../../utils/sources/newsapi';
import { parseGNews } from '../../../utils/sources/gnews';
import { SourceFormatError } from '../../../utils/sources/errors';

const NOW = Date.UTC(2024, 2, 6);
const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');

describe('Atom 0.3 titles typed application/xhtml+xml', () => {
  const feed = parseFeedText(fixture('atom03-xhtml-titles.xml'), { now: NOW });

  it('become plain text: tags gone, entities decoded, a script\'s text not shown', () => {
    expect(feed.title).toBe("Tom & Jerry's Blog");
    expect(feed.items.map((i) => i.title)).toEqual(['Less < more & bold', 'Fish & chips', '1 < 2 is plain text']);
  });
});

describe('items whose only title is dc:title or media:title', () => {
  const feed = parseFeedText(fixture('namespaced-titles.xml'), { now: NOW });

  it('are kept, with that title as plain text', () => {
    expect(feed.items.map((i) => [i.guid, i.title])).toEqual([
      ['photo-1', 'Harbour at dawn & dusk'],
      ['photo-2', 'Lighthouse in the storm'],
      ['photo-3', 'Ferry at the pier'],
    ]);
    expect(feed.skipped).toBe(1);
  });

  it('work in Atom and RDF too', () => {
    const atom = parseFeedText(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><title>A</title>
      <entry><id>urn:1</id><dc:title>Atom with dc:title</dc:title><updated>2024-03-01T00:00:00Z</updated></entry></feed>`, { now: NOW });
    expect(atom.items.map((i) => i.title)).toEqual(['Atom with dc:title']);
    const rdf = parseFeedText(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example.com/"><title>R</title><link>https://r.example.com/</link></channel>
      <item rdf:about="urn:r1"><dc:title>RDF with dc:title</dc:title></item></rdf:RDF>`, { now: NOW });
    expect(rdf.items.map((i) => i.title)).toEqual(['RDF with dc:title']);
  });
});

describe('JSON Feed with a version that is not a URL', () => {
  it('is read ("1.0" instead of https://jsonfeed.org/version/1)', () => {
    const feed = parseSourceBody('feed', fixture('jsonfeed-version-number.json'), 'application/json', { now: NOW });
    expect(feed.kind).toBe('json');
    expect(feed.items.map((i) => [i.guid, i.title, i.contentHtml])).toEqual([
      ['note-7', 'Budget vote moved to Thursday', '<p>The vote was moved.</p>'],
      ['note-8', 'Library hours extended', '<p>Open until <b>9 pm</b>.</p>'],
    ]);
    expect(feed.items[0].published).toBe(Date.UTC(2024, 2, 5, 10));
  });

  it('without items: the error names the version', () => {
    const read = () => parseSourceBody('feed', JSON.stringify({ version: '1.0', title: 'Council notes' }), 'application/json', { now: NOW });
    expect(read).toThrow(SourceFormatError);
    expect(read).toThrow(/version "1\.0" is not a JSON Feed version/);
    try {
      read();
    } catch (e) {
      expect((e as SourceFormatError).problem).toEqual({ code: 'jsonFeedVersion', version: '1.0' });
    }
  });
});

describe('NewsAPI content carrying markup', () => {
  const feed = parseNewsApi(fixture('newsapi-wild.json'), { now: NOW });
  const byUrl = (u: string) => feed.items.find((i) => i.url.startsWith(u))!;

  it('reads tags and entities as HTML, not as escaped text', () => {
    const list = byUrl('https://www.politico.example/').contentHtml;
    expect(list).toContain('<ul><li>The vote was 61 to 39.</li>');
    expect(list).not.toContain('&lt;');
    expect(list).not.toContain('[+2120 chars]');
    const sp = byUrl('https://marketwire.example/').contentHtml;
    expect(sp).toContain('The S&amp;P 500 rose 1%');
    expect(sp).not.toContain('&amp;amp;');
    // the link cut off by the API's truncation is dropped, not left as a broken tag
    expect(sp).toMatch(/shares and …$/);
  });

  it('keeps plain text as escaped text', () => {
    expect(byUrl('https://harbourtimes.example/').contentHtml).toBe('<p>Plain text: 1 &lt; 2 and fish &amp; chips…</p>');
  });

  it('strips the " - Publisher" ending whatever its case and spacing, never the whole title', () => {
    expect(feed.items.map((i) => i.title)).toEqual([
      'Senate passes the harbour bill', 'Stocks close higher', 'Ferry timetable changes', 'Reuters',
    ]);
  });

  it('does the same for GNews', () => {
    const g = parseGNews(JSON.stringify({ totalArticles: 1, articles: [{
      title: 'Tide tables updated -  HARBOUR  times', description: 'x', content: 'Fish &amp; chips <b>tonight</b>… [+10 chars]',
      url: 'https://harbourtimes.example/tides', image: null, publishedAt: '2024-03-05T08:00:00Z', source: { name: 'Harbour Times', url: 'https://harbourtimes.example' },
    }] }), { now: NOW });
    expect(g.items[0].title).toBe('Tide tables updated');
    expect(g.items[0].contentHtml).toBe('Fish &amp; chips <b>tonight</b>…');
  });
});
