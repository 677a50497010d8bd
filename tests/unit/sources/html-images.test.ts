// The worker's DOM-free choice of a thumbnail must agree with what the sanitizer keeps.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '@/utils/sanitize';
import { firstKeptImage, keptImages } from '@/utils/sources/html-images';
import { parseFeedText } from '@/utils/sources/feed';

const BASE = 'https://news.example/world/story.html';

/** The image URLs left in the sanitizer's output, in order. */
function sanitizedImages(html: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = sanitizeHtml(html, BASE);
  return [...box.querySelectorAll('img')].map((i) => i.getAttribute('src')!);
}

const CASES: Array<[string, string]> = [
  ['plain image', '<p>Text <img src="/a.jpg" alt="A"></p>'],
  ['1x1 pixel first', '<img src="https://t.example/p.gif" width="1" height="1"><img src="/a.jpg">'],
  ['pixel by height only, with a unit', '<img src="https://t.example/p.gif" height="0px"><img src="/a.jpg" width="600">'],
  ['inside noscript', '<noscript><img src="https://t.example/ns.gif"></noscript><img src="/a.jpg">'],
  ['inside a comment', '<!-- <img src="https://t.example/c.gif"> --><img src="/a.jpg">'],
  ['inside an unclosed comment', '<img src="/a.jpg"><!-- <img src="https://t.example/c.gif">'],
  ['inside template', '<template><img src="https://t.example/tpl.gif"></template><img src="/a.jpg">'],
  ['nested template', '<template><template></template><img src="https://t.example/t2.gif"></template><img src="/a.jpg">'],
  ['inside script text', '<script>var s = "<img src=https://t.example/s.gif>";</script><img src="/a.jpg">'],
  ['inside a textarea', '<textarea><img src="https://t.example/ta.gif"></textarea><img src="/a.jpg">'],
  ['an img breaks out of svg (the parser moves it)', '<svg><img src="https://t.example/svg.gif"></svg><img src="/a.jpg">'],
  ['in an attribute value', '<a title="<img src=https://t.example/attr.gif>">x</a><img src="/a.jpg">'],
  ['javascript: and data: sources', '<img src="javascript:alert(1)"><img src="data:image/gif;base64,R0lGOD"><img src="/a.jpg">'],
  ['entities in the source', '<img src="/a.jpg?w=600&amp;h=400">'],
  ['unquoted and upper case', '<IMG SRC=/b.png WIDTH=300>'],
  ['first of duplicate attributes wins', '<img src="/first.jpg" src="/second.jpg">'],
  ['no image at all', '<p>Only words</p>'],
  ['embed is void: later images are kept', '<embed src="/x.swf"><img src="/a.jpg">'],
  ['comment spellings', '<!--><img src="/a.jpg"><!---><img src="/b.jpg"><!-- x --!><img src="/c.jpg">'],
];

describe('DOM-free thumbnail choice agrees with the sanitizer', () => {
  it.each(CASES)('%s', (_label, html) => {
    expect(keptImages(html, BASE)).toEqual(sanitizedImages(html));
  });

  it('a feed item\'s thumbnail is never a tracking pixel or a <noscript> image', () => {
    const feed = parseFeedText(`<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
      <item><guid>1</guid><title>One</title><link>https://news.example/1</link>
      <description><![CDATA[<img src="https://t.example/open.gif" width="1" height="1"><noscript><img src="https://t.example/ns.gif"></noscript><p>Text</p>]]></description></item>
      <item><guid>2</guid><title>Two</title><link>https://news.example/2</link>
      <description><![CDATA[<!-- <img src="https://t.example/c.gif"> --><img src="/photo.jpg" width="640">]]></description></item>
    </channel></rss>`);
    expect(feed.items.map((i) => i.imageUrl)).toEqual([undefined, 'https://news.example/photo.jpg']);
  });

  it('media thumbnails of 1x1 are not taken either', () => {
    const feed = parseFeedText(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><guid>1</guid><title>One</title><link>https://news.example/1</link>
      <media:thumbnail url="https://t.example/pixel.gif" width="1" height="1"/></item></channel></rss>`);
    expect(feed.items[0].imageUrl).toBeUndefined();
  });

  it('firstKeptImage is the first of them', () => {
    expect(firstKeptImage('<img src="/p.gif" width="2"><img src="/a.jpg">', BASE)).toBe('https://news.example/a.jpg');
  });
});
