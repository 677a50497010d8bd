// Feeds as they are found in the wild: shapes and spellings seen in real feeds and other parsers' suites.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../utils/sources/feed';

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
