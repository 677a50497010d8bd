// The build (and these tests, through vitest.config.ts) leave out feedsmith's readers of the feed
// namespaces Newsbar does not read (scripts/build/trim-parsers.ts): the parsers script is sent with its
// code cache to every start of the worker. These tests check the cut is in place, that it loses
// nothing Newsbar reads, and that Newsbar's mapping reads no namespace that was left out.
import { readFileSync, readdirSync } from 'node:fs';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { exportedNames } from '../../../scripts/build/trim-parsers';
import { READ_FEED_NAMESPACES } from '../../../utils/sources/feed-namespaces';
import { parseFeedText } from '../../../utils/sources/feed';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
  xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:podcast="https://podcastindex.org/namespace/1.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Harbour Science Letters</title><link>https://letters.example.org/</link>
  <prism:publicationName>Harbour Science Letters</prism:publicationName>
  <item>
    <title>Tidal sediment in the estuary, measured monthly</title>
    <link>https://letters.example.org/a/41</link>
    <guid>letters-41</guid>
    <dc:creator>Ines Marquardt</dc:creator>
    <dc:date>2024-03-04T08:00:00Z</dc:date>
    <prism:doi>10.5555/hsl.41</prism:doi>
    <prism:volume>12</prism:volume>
    <podcast:transcript url="https://letters.example.org/a/41.vtt" type="text/vtt"/>
    <media:thumbnail url="https://letters.example.org/img/41.jpg" width="640" height="360"/>
    <itunes:author>Harbour Science Desk</itunes:author>
    <content:encoded><![CDATA[<p>Sediment rose by <b>4%</b>.</p>]]></content:encoded>
  </item>
</channel></rss>`;

describe("feedsmith's readers of unread namespaces are left out", () => {
  it('reads the namespaces Newsbar uses and leaves the others out of the item', () => {
    const parsed = parseFeed<string>(RSS);
    expect(parsed.format).toBe('rss');
    if (parsed.format !== 'rss') return;
    const item = parsed.feed.items![0]!;
    expect(item.dc?.creators).toEqual(['Ines Marquardt']);
    expect(item.media?.thumbnails?.[0]?.url).toBe('https://letters.example.org/img/41.jpg');
    expect(item.itunes?.author).toBe('Harbour Science Desk');
    expect(item.content?.encoded).toContain('Sediment rose');
    // Declared in the feed, read by feedsmith's full build, left out of Newsbar's.
    expect(item.prism).toBeUndefined();
    expect(item.podcast).toBeUndefined();
    expect(parsed.feed.prism).toBeUndefined();
  });

  it("gives Newsbar's item everything it maps from the feed", () => {
    const feed = parseFeedText(RSS, { now: Date.UTC(2024, 2, 6) });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      guid: 'letters-41',
      title: 'Tidal sediment in the estuary, measured monthly',
      url: 'https://letters.example.org/a/41',
      author: 'Ines Marquardt',
      imageUrl: 'https://letters.example.org/img/41.jpg',
      published: Date.UTC(2024, 2, 4, 8),
    });
    expect(feed.items[0]!.contentHtml).toContain('<b>4%</b>');
  });

  it("Newsbar's feed mapping reads no namespace the build leaves out", () => {
    // Which result key holds which namespace, from feedsmith's own readers (e.g. sourceNs <- source).
    const dist = 'node_modules/feedsmith/dist';
    const readers = readdirSync(`${dist}/feeds`).flatMap((f) => {
      try {
        return [readFileSync(`${dist}/feeds/${f}/parse/utils.mjs`, 'utf8')];
      } catch {
        return [];
      }
    });
    const keys = new Map<string, string>();
    for (const src of readers) for (const m of src.matchAll(/(\w+): namespaces\.has\("(\w+)"\)/g)) keys.set(m[1]!, m[2]!);
    expect(keys.get('sourceNs')).toBe('source');
    expect(keys.size).toBeGreaterThan(20);
    const unread = [...keys].filter(([, ns]) => !READ_FEED_NAMESPACES.includes(ns));
    expect(unread.map(([, ns]) => ns)).toContain('podcast');
    for (const file of ['feed.ts', 'media.ts', 'json-feed.ts']) {
      const src = readFileSync(`utils/sources/${file}`, 'utf8');
      for (const [key, ns] of unread) {
        expect(new RegExp(`\\??\\.${key}\\b(?!\\()`).test(src), `${file} reads ${key} (namespace ${ns}): add ${ns} to READ_FEED_NAMESPACES`).toBe(false);
      }
    }
  });

  it('fails the build loudly when a reader has no export list it can copy', () => {
    expect(exportedNames('const a = 1;\nexport { a, b as retrieveItem };\n', 'x.mjs')).toEqual(['a', 'retrieveItem']);
    expect(() => exportedNames('export default 1;', 'x.mjs')).toThrow(/no export list in x\.mjs/);
  });
});
