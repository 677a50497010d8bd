// Known misreads of feeds as they are in the wild, and what the property tests found: each read right now.
import { describe, expect, it } from 'vitest';
import { parseSourceBody, SourceApiError, SourceFormatError } from '@/utils/sources';
import { closeDanglingTitleComments, decodeBase64Modes } from '@/utils/sources/xml-repair';
import { htmlToText } from '@/utils/normalize/text';

const read = (body: string, kind: Parameters<typeof parseSourceBody>[0] = 'feed') => parseSourceBody(kind, body, undefined, { baseUrl: 'https://x.example/' });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('Atom 0.3 text in mode="base64"', () => {
  const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="base64">${b64('Legacy blog')}</title>
<link rel="alternate" type="text/html" href="https://legacy.example/"/>
<entry><title type="text/plain" mode="base64">${b64('Archive moved: Zürich & <Bern>')}</title>
<link rel="alternate" type="text/html" href="https://legacy.example/a"/><id>tag:legacy.example,2024:1</id><issued>2024-03-01T08:00:00Z</issued>
<summary type="text/html" mode="base64">
${b64('<p>Hello <b>world</b></p>').replace(/(.{16})/g, '$1\n')}
</summary></entry>
<entry><title mode="base64" type="text/html">${b64('<em>Markup</em> title')}</title><link rel="alternate" href="https://legacy.example/b"/><id>2</id></entry>
<entry><title mode="base64">not base64 at all!</title><link rel="alternate" href="https://legacy.example/c"/><id>3</id></entry>
</feed>`;

  it('decodes titles and summaries (UTF-8, wrapped lines), then reads them by their type', () => {
    const r = read(feed);
    expect(r.title).toBe('Legacy blog');
    expect(r.items.map((i) => i.title)).toEqual(['Archive moved: Zürich & <Bern>', 'Markup title', 'not base64 at all!']);
    expect(r.items[0].summaryHtml).toBe('<p>Hello <b>world</b></p>');
  });

  it('leaves other elements and non-base64 values as they are', () => {
    expect(decodeBase64Modes('<title mode="escaped">a</title>')).toBe('<title mode="escaped">a</title>');
    expect(decodeBase64Modes('<title mode="base64">%%%</title>')).toBe('<title mode="base64">%%%</title>');
    // Decoded control characters XML cannot hold are dropped, so the feed stays readable.
    expect(read(feed.replace(b64('Legacy blog'), b64('Leg\u0001acy'))).title).toBe('Legacy');
  });
});

describe('a feed titled only by dc:title', () => {
  it.each([
    ['RSS', `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><dc:title>Only DC</dc:title><link>https://x.example/</link><item><title>A</title><link>https://x.example/a</link></item></channel></rss>`],
    ['RDF', `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://x.example/"><dc:title>Only DC</dc:title><link>https://x.example/</link></channel><item rdf:about="https://x.example/a"><title>A</title><link>https://x.example/a</link></item></rdf:RDF>`],
    ['Atom', `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Only DC</dc:title><id>x</id><entry><title>A</title><id>1</id><link href="https://x.example/a"/></entry></feed>`],
  ])('%s: the channel gets its name', (_, xml) => {
    const r = read(`<?xml version="1.0"?>${xml}`);
    expect(r.title).toBe('Only DC');
    expect(r.items.map((i) => i.title)).toEqual(['A']);
  });

  it('its own title still wins', () => {
    expect(read(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Own</title><dc:title>DC</dc:title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>`).title).toBe('Own');
  });
});

describe('a trailing <!-- inside a title', () => {
  const rss = (titles: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
${titles.map((t, i) => `<item><title>${t}</title><link>https://x.example/${i}</link></item>`).join('\n')}
</channel></rss>`;

  it('left open in the XML: the feed is read, each title ends with itself and keeps its own link', () => {
    // Before: the whole feed failed ("ends before <title> is closed"), or with a later "-->" the first title
    // took the next item's link and the next item was lost.
    for (const later of ['Second', 'Second <!-- note -->']) {
      const r = read(rss(['Storm warning <!--', later, 'Third']));
      expect(r.items.map((i) => [i.title, i.url])).toEqual([
        ['Storm warning', 'https://x.example/0'],
        ['Second', 'https://x.example/1'],
        ['Third', 'https://x.example/2'],
      ]);
    }
  });

  it('in Atom and in the channel title too; a closed comment and one inside CDATA are left to the parser', () => {
    const atom = read(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk <!--</title><id>x</id><entry><title>Markets rise <!--</title><id>1</id><link href="https://x.example/a"/></entry><entry><title>B</title><id>2</id><link href="https://x.example/b"/></entry></feed>`);
    expect(atom.title).toBe('Desk');
    expect(atom.items.map((i) => [i.title, i.url])).toEqual([['Markets rise', 'https://x.example/a'], ['B', 'https://x.example/b']]);
    expect(closeDanglingTitleComments('<title>a <!-- b --> c</title>')).toBe('<title>a <!-- b --> c</title>');
    expect(closeDanglingTitleComments('<title><![CDATA[a <!--]]></title>')).toBe('<title><![CDATA[a <!--]]></title>');
  });

  it('as markup (escaped or CDATA in an HTML title): an unclosed comment runs to the end, as in a browser', () => {
    const r = read(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>x</id>
<entry><title type="html">Markets rise &lt;!--</title><id>1</id><link href="https://x.example/a"/></entry>
<entry><title type="html"><![CDATA[Rates hold <!-- cms:teaser]]></title><id>2</id><link href="https://x.example/b"/></entry>
<entry><title type="text">Literal &lt;!-- kept</title><id>3</id><link href="https://x.example/c"/></entry></feed>`);
    expect(r.items.map((i) => i.title)).toEqual(['Markets rise', 'Rates hold', 'Literal <!-- kept']);
    expect(htmlToText('a <!-- x > y --> b')).toBe('a b');
    expect(htmlToText('a <!--> b')).toBe('a b');
  });
});

describe('found by the property tests', () => {
  it("a news API's error words are quoted only up to a sentence's length", () => {
    const body = JSON.stringify({ errors: { version: [['a'.repeat(5000)]] } });
    let err: unknown;
    try {
      read(body, 'gnews');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SourceApiError);
    const e = err as SourceApiError;
    expect(e.message.length).toBeLessThan(320);
    expect(e.message).toMatch(/^GNews: a+…$/);
    expect(e.problem).toMatchObject({ code: 'apiError', api: 'GNews' });
    expect((e.problem as { said: string }).said.length).toBeLessThanOrEqual(300);
  });

  it('a live page whose updates are never closed: each update is its own, not all those after it', () => {
    const update = (i: number) => `<div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting" id="u${i}"><meta itemprop="datePublished" content="2026-11-25T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z"><p>Update number ${i} text.</p>`;
    const n = 400;
    const page = `<!doctype html><html><head><title>Live</title></head><body><div itemscope itemtype="https://schema.org/LiveBlogPosting"><h1 itemprop="headline">Live</h1>${Array.from({ length: n }, (_, i) => update(i)).join('\n')}</body></html>`;
    let r: ReturnType<typeof read> | undefined;
    try {
      r = read(page, 'live');
    } catch (e) {
      expect(e).toBeInstanceOf(SourceFormatError); // too deep is a clear refusal, not a hang
    }
    if (!r) return;
    expect(r.items.length).toBeGreaterThan(0);
    for (const it of r.items) {
      const own = it.summaryHtml + it.contentHtml;
      // One update's text only: before, the first held all 400 (and building them was quadratic).
      expect(own.match(/Update number \d+/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });
});
