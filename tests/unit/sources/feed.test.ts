import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../utils/sources/feed';
import { absolutizeHtml, breakingOf } from '../../../utils/sources/item-text';
import { SourceFormatError } from '../../../utils/sources/errors';

const NOW = Date.UTC(2024, 2, 6);
const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');
const parse = (name: string, baseUrl?: string) => parseFeedText(fixture(name), { now: NOW, baseUrl });

describe('RSS 2.0 (rss2.xml)', () => {
  const feed = parse('rss2.xml', 'https://news.example.com/feed.xml');
  const byGuid = (g: string) => feed.items.find((i) => i.guid === g)!;

  it('reads the channel', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Harbour City Wire & World');
    expect(feed.siteUrl).toBe('https://news.example.com/');
  });

  it('drops the item with neither title nor link and counts it', () => {
    expect(feed.items).toHaveLength(5);
    expect(feed.skipped).toBe(1);
  });

  it('maps a full item: guid value, canonical link, HTML fields, creator, categories, date', () => {
    const it0 = byGuid('wire-1001');
    expect(it0).toMatchObject({
      title: 'Ministers agree on flood defence plan for the estuary',
      url: 'https://news.example.com/2024/03/05/flood-plan?page=2',
      summaryHtml: '<p>The plan will raise sea walls along <b>12 km</b> of coast.</p>',
      author: 'Amara Okafor',
      categories: ['Politics', 'Environment'],
      published: Date.UTC(2024, 2, 5, 9, 30),
      breaking: false,
    });
    expect(it0.contentHtml).toContain('<p>The plan will raise sea walls along 12 km of coast.</p>');
  });

  it('makes relative links inside the HTML absolute', () => {
    const c = byGuid('wire-1001').contentHtml;
    expect(c).toContain('href="https://news.example.com/2024/03/timeline"');
    expect(c).toContain('src="https://news.example.com/img/inline.jpg"');
  });

  it('picks the widest media:thumbnail over the others and over media:content', () => {
    expect(byGuid('wire-1001').imageUrl).toBe('https://cdn.example.com/flood-976.jpg');
  });

  it('takes an image media:content (by mime type) and skips video', () => {
    expect(feed.items[1].imageUrl).toBe('https://cdn.example.com/quake.jpg');
  });

  it('takes the image enclosure, not the audio one', () => {
    expect(byGuid('markets-0305').imageUrl).toBe('https://cdn.example.com/markets.png');
  });

  it('takes itunes:image when there is nothing else', () => {
    expect(byGuid('wire-1004').imageUrl).toBe('https://cdn.example.com/euro-podcast.jpg');
  });

  it('marks BREAKING items and strips the prefix', () => {
    const quake = feed.items[1];
    expect(quake.title).toBe('Earthquake of magnitude 6.1 strikes off the northern coast');
    expect(quake.breaking).toBe(true);
    expect(quake.guid).toBe('https://news.example.com/2024/03/05/earthquake');
    expect(quake.url).toBe('https://news.example.com/2024/03/05/earthquake'); // CMP, at_*, ito removed
    expect(quake.published).toBe(Date.UTC(2024, 2, 5, 9, 45)); // +0100
  });

  it('marks items with a "Live" category as breaking', () => {
    const m = byGuid('markets-0305');
    expect(m.breaking).toBe(true);
    expect(m.title).toBe('Markets open lower as energy prices climb');
  });

  it('resolves relative links against the site URL and removes tracking parameters', () => {
    expect(byGuid('markets-0305').url).toBe('https://news.example.com/2024/03/05/markets?id=7');
  });

  it('reads the RSS author "email (Name)" and EST dates', () => {
    const m = byGuid('markets-0305');
    expect(m.author).toBe('Markets Desk');
    expect(m.published).toBe(Date.UTC(2024, 2, 5, 13, 0));
  });

  it('titles a title-less item with the first words of its summary', () => {
    const untitled = feed.items.find((i) => i.url.endsWith('untitled-brief'))!;
    expect(untitled.title).toBe('Council confirms that the old harbour bridge will reopen to cyclists and…');
    expect(untitled.guid).toBeUndefined();
  });

  it('turns HTML and entities in titles into plain text; dc:date when there is no pubDate', () => {
    const q = byGuid('wire-1004');
    expect(q.title).toBe("Q&A: Why the euro fell — and what's next");
    expect(q.published).toBe(Date.UTC(2024, 2, 5, 6, 15));
  });

  it('never produces undefined for required fields', () => {
    for (const i of feed.items) {
      expect(typeof i.title).toBe('string');
      expect(i.title.length).toBeGreaterThan(0);
      expect(typeof i.url).toBe('string');
      expect(typeof i.summaryHtml).toBe('string');
      expect(typeof i.contentHtml).toBe('string');
      expect(Array.isArray(i.categories)).toBe(true);
    }
  });
});

describe('RSS 0.91 (rss091.xml)', () => {
  it('reads old RSS with a DOCTYPE', () => {
    const feed = parse('rss091.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Old Town Gazette');
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([
      ['Library extends opening hours', 'http://gazette.example.org/library-hours.html'],
      ['Tram line closed for repairs', 'http://gazette.example.org/tram.html'],
    ]);
    expect(feed.items[0].summaryHtml).toBe('The central library will stay open until 9 pm.');
    expect(feed.items[0].published).toBeUndefined();
  });
});

describe('RSS 1.0 / RDF (rdf.xml)', () => {
  const feed = parse('rdf.xml');
  it('reads items with dc:date, dc:creator, dc:subject and rdf:about', () => {
    expect(feed.kind).toBe('rdf');
    expect(feed.title).toBe('Science Desk (RSS 1.0)');
    expect(feed.items[0]).toMatchObject({
      guid: 'https://science.example.net/comet',
      title: 'Comet visible to the naked eye this weekend',
      url: 'https://science.example.net/comet',
      author: 'Lena Vogt',
      categories: ['Astronomy'],
      published: Date.UTC(2024, 2, 4, 17, 20),
    });
    expect(feed.items[1].published).toBe(Date.UTC(2024, 2, 3));
    expect(feed.items[1].summaryHtml).toBe('<p>A three-year study counted <b>41 species</b>.</p>');
    expect(feed.items[1].contentHtml).toBe('<p>Full story about bees.</p>');
  });
});

describe('Atom 1.0 (atom.xml)', () => {
  const feed = parse('atom.xml', 'https://blog.example.org/newsroom/feed.atom');
  const [election, river, storm] = feed.items;

  it('reads the feed title (type html) and the alternate link against xml:base', () => {
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Newsroom & Notes');
    expect(feed.siteUrl).toBe('https://blog.example.org/newsroom/');
  });

  it('keeps a text title as text (angle brackets are not tags)', () => {
    expect(election.title).toBe('Election night: what to watch for <tonight>');
  });

  it('resolves relative links with xml:base and drops tracking', () => {
    expect(election.url).toBe('https://blog.example.org/newsroom/2024/election-night');
    expect(river.url).toBe('https://blog.example.org/archive/2024/river-cleanup.html');
  });

  it('keeps html content, escapes a text summary, makes content links absolute', () => {
    expect(election.contentHtml).toBe(
      '<p>Polls close at <strong>10 pm</strong>.</p><p><a href="https://blog.example.org/newsroom/results">Live results</a></p>',
    );
    expect(election.summaryHtml).toBe('<p>Polls close at 10 pm &amp; the first results come after midnight.</p>');
  });

  it('reads xhtml title and content', () => {
    expect(river.title).toBe('River cleanup volunteers honoured');
    expect(river.contentHtml).toContain('<p>More than <b>300</b> people joined.</p>');
    expect(river.contentHtml).toContain('src="https://blog.example.org/archive/2024/river.jpg"');
  });

  it('takes image enclosures, media:thumbnail, or the first content image', () => {
    expect(election.imageUrl).toBe('https://blog.example.org/images/ballot.jpg');
    expect(storm.imageUrl).toBe('https://cdn.example.org/storm.jpg');
    expect(river.imageUrl).toBe('https://blog.example.org/archive/2024/river.jpg');
  });

  it('uses published, else updated (with fractions and offsets)', () => {
    expect(election.published).toBe(Date.UTC(2024, 2, 5, 11, 0));
    expect(river.published).toBe(Date.UTC(2024, 2, 4, 14, 0, 0, 250));
  });

  it('uses entry authors, else the feed author; category labels, else terms', () => {
    expect(election.author).toBe('Priya Raman');
    expect(river.author).toBe('Newsroom Staff');
    expect(election.categories).toEqual(['Elections', 'politics']);
  });

  it('marks "Live:" entries as breaking and turns text content into paragraphs', () => {
    expect(storm.title).toBe('Storm updates');
    expect(storm.breaking).toBe(true);
    expect(storm.contentHtml).toBe('<p>Winds of 90 km/h expected.</p><p>Stay indoors &lt;if you can&gt;.</p>');
  });
});

describe('Atom 0.3 (atom03.xml)', () => {
  it('is read through feedsmith as Atom (issued/modified)', () => {
    const feed = parse('atom03.xml');
    expect(feed.kind).toBe('atom');
    expect(feed.siteUrl).toBe('https://legacy.example.com/');
    expect(feed.items[0]).toMatchObject({
      title: 'Archive moved',
      url: 'https://legacy.example.com/archive-moved',
      published: Date.UTC(2024, 2, 1, 8),
      contentHtml: '<p>The archive now lives elsewhere.</p>',
    });
  });
});

describe('JSON Feed', () => {
  it('1.0: content_text is escaped to HTML, singular author, relative url against home_page_url', () => {
    const feed = parse('jsonfeed-1.0.json');
    expect(feed.kind).toBe('json');
    expect(feed.title).toBe('Transit Updates');
    const [line4, fares] = feed.items;
    expect(line4).toMatchObject({
      guid: '2024-03-05-line-4',
      url: 'https://transit.example.com/updates/line-4',
      author: 'Transit Authority Press Office',
      categories: ['Rail', 'Service'],
      published: Date.UTC(2024, 2, 5, 12, 45),
    });
    expect(line4.contentHtml).toBe('<p>Trains run every 5 minutes again.</p><p>Thanks for your patience &amp; understanding &lt;3</p>');
    expect(fares).toMatchObject({
      guid: '42',
      url: 'https://transit.example.com/updates/bus-fares',
      summaryHtml: 'No increase this year.',
      contentHtml: '<p>No increase <em>this</em> year.</p>',
      author: 'Jonas Berg',
    });
  });

  it('1.1: authors, image before banner_image, external_url, tags deduplicated, Breaking prefix', () => {
    const feed = parse('jsonfeed-1.1.json');
    const [vaccine, clinic] = feed.items;
    expect(vaccine).toMatchObject({
      title: 'WHO approves new malaria vaccine rollout',
      breaking: true,
      author: 'Dr. Ama Mensah, Tom Field',
      imageUrl: 'https://health.example.org/img/vaccine.jpg',
      categories: ['Health', 'Vaccines'],
      published: Date.UTC(2024, 2, 5, 8),
    });
    expect(clinic).toMatchObject({
      url: 'https://partner.example.net/clinic-hours',
      imageUrl: 'https://health.example.org/img/clinic.png',
      author: 'Brief Team',
      published: Date.UTC(2024, 2, 4, 12),
      contentHtml: '<p>Open until 8 pm.</p>',
    });
  });
});

describe('charsets after decoding', () => {
  it('keeps non-ASCII titles intact (decoded text in, text out)', () => {
    const feed = parseFeedText('<?xml version="1.0"?><rss version="2.0"><channel><title>Ü</title><item><title>Café “quoted” €</title><link>https://x.example/a</link></item></channel></rss>');
    expect(feed.items[0].title).toBe('Café “quoted” €');
  });
});

describe('hostile.xml: titles stay plain text, bad links are refused, HTML kept raw for the sanitizer', () => {
  const feed = parse('hostile.xml', 'https://hostile.example.com/feed');
  it('strips tags and script bodies from titles', () => {
    expect(feed.title).toBe('Hostile Feed');
    expect(feed.items.map((i) => i.title)).toEqual(['Council budget approved', 'Storm warning', 'Fish & chips <3']);
    for (const i of feed.items) expect(i.title).not.toMatch(/<[a-z/!]|onerror|onload|alert/i);
  });
  it('refuses javascript: and data: links and images', () => {
    expect(feed.items[0].url).toBe('');
    expect(feed.items[1].url).toBe('');
    expect(feed.items[1].imageUrl).toBeUndefined();
    expect(feed.siteUrl).toBeUndefined();
    for (const i of feed.items) {
      if (i.imageUrl) expect(i.imageUrl).toMatch(/^https?:/);
    }
  });
  it('keeps the raw HTML (sanitized later, at display) but never rewrites it into something runnable', () => {
    expect(feed.items[0].summaryHtml).toContain('<script>steal()</script>');
    expect(feed.items[0].contentHtml).toContain('javascript:alert(5)');
  });
});

describe('errors', () => {
  it('malformed.xml: names the line of the unclosed tag', () => {
    let err: unknown;
    try {
      parse('malformed.xml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SourceFormatError);
    const e = err as SourceFormatError;
    expect(e.line).toBe(20);
    expect(e.field).toBe('title');
    expect(e.message).toMatch(/not valid XML/);
    expect(e.message).toContain('line 20');
  });

  it('a feed cut off in the middle names its last line', () => {
    const cut = fixture('rss2.xml').split('\n').slice(0, 30).join('\n');
    expect(() => parseFeedText(cut)).toThrowError(SourceFormatError);
    try {
      parseFeedText(cut);
    } catch (e) {
      expect((e as SourceFormatError).line).toBe(30);
      expect((e as SourceFormatError).message).toMatch(/ends \(line 30\) before <\w+> is closed/);
    }
  });

  it('a mismatched tag deep in the file reports that line', () => {
    const lines = fixture('rss2.xml').split('\n');
    const i = lines.findIndex((l) => l.includes('<guid>markets-0305</guid>'));
    lines[i] = lines[i].replace('</guid>', '</gid>');
    try {
      parseFeedText(lines.join('\n'));
      expect.unreachable();
    } catch (e) {
      expect((e as SourceFormatError).line).toBe(i + 1);
    }
  });

  it('tolerates a stray "&" (feeds often have them) instead of failing the whole feed', () => {
    const feed = parseFeedText('<rss version="2.0"><channel><title>A & B</title><item><title>Fish & chips</title><link>https://x.example/f</link></item></channel></rss>');
    expect(feed.items[0].title).toBe('Fish & chips');
  });

  it('HTML page, empty text, unknown XML', () => {
    expect(() => parse('not-a-feed.html')).toThrowError('this is an HTML page, not a feed');
    expect(() => parseFeedText('')).toThrowError('the feed is empty');
    expect(() => parseFeedText('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')).toThrowError(
      /not an RSS, Atom or RDF feed/,
    );
  });

  it('a channel without items gives no items, not an error', () => {
    const feed = parseFeedText('<rss version="2.0"><channel><title>Quiet</title><link>https://q.example/</link></channel></rss>');
    expect(feed.items).toEqual([]);
    expect(feed.title).toBe('Quiet');
  });
});

describe('breakingOf', () => {
  it.each([
    ['BREAKING: Dam bursts', 'Dam bursts', true],
    ['Breaking: dam bursts', 'Dam bursts', true],
    ['breaking news: Dam bursts', 'Dam bursts', true],
    ['LIVE: Election night', 'Election night', true],
    ['Live – Election night', 'Election night', true],
    ['BREAKING Dam bursts', 'Dam bursts', true],
    ['Breaking the record for the longest swim', 'Breaking the record for the longest swim', false],
    ['Live-action remake announced', 'Live-action remake announced', false],
    ['Living with floods', 'Living with floods', false],
    ['BREAKING:', 'BREAKING:', false],
  ])('%s', (input, title, breaking) => {
    expect(breakingOf(input, [])).toEqual({ title, breaking });
  });
  it('reads breaking/live categories case-insensitively', () => {
    expect(breakingOf('x', ['World', 'Breaking News']).breaking).toBe(true);
    expect(breakingOf('x', ['LIVE']).breaking).toBe(true);
    expect(breakingOf('x', ['breaking']).breaking).toBe(true);
    expect(breakingOf('x', ['Liverpool', 'Breakingviews']).breaking).toBe(false);
  });
});

describe('absolutizeHtml', () => {
  it('rewrites relative href/src, leaves absolute, fragment and other schemes alone', () => {
    const html = `<a href="a?x=1&amp;y=2">a</a><img src='/i.png'><a href="#top">t</a><a href="https://o.example/">o</a><a href="javascript:x()">j</a>`;
    expect(absolutizeHtml(html, 'https://s.example/news/')).toBe(
      `<a href="https://s.example/news/a?x=1&amp;y=2">a</a><img src='https://s.example/i.png'><a href="#top">t</a><a href="https://o.example/">o</a><a href="javascript:x()">j</a>`,
    );
  });
});
