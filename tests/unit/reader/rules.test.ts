import { describe, expect, it } from 'vitest';
import { bestFromSrcset, isPlaceholderSrc, resolveLazyImages } from '@/utils/reader/lazy-images';
import { boilerplateKind, stripBoilerplate } from '@/utils/reader/boilerplate';
import { blockText, readingMinutes } from '@/utils/reader/text';

const html = (s: string) => new DOMParser().parseFromString(`<body>${s}</body>`, 'text/html').body;
const LONG = '<p>' + 'The council met on Monday to agree the plan for the harbour. '.repeat(30) + '</p>';

describe('lazy images', () => {
  it('picks the largest srcset candidate, by width or density', () => {
    expect(bestFromSrcset('a.jpg 480w, b.jpg 1024w, c.jpg 800w')).toBe('b.jpg');
    expect(bestFromSrcset('x.jpg 1x, y.jpg 2x')).toBe('y.jpg');
    expect(bestFromSrcset('https://i.example/img.jpg?w=300,h=200 300w, https://i.example/img.jpg?w=900,h=600 900w')).toBe('https://i.example/img.jpg?w=900,h=600');
    expect(bestFromSrcset('data:image/gif;base64,AAAA 1x')).toBeUndefined();
    expect(bestFromSrcset('')).toBeUndefined();
  });

  it('knows placeholders', () => {
    expect(isPlaceholderSrc('')).toBe(true);
    expect(isPlaceholderSrc('data:image/gif;base64,R0lGOD')).toBe(true);
    expect(isPlaceholderSrc('/img/lazy-placeholder.png')).toBe(true);
    expect(isPlaceholderSrc('/media/harbour.jpg')).toBe(false);
  });

  it('moves data-src, data-lazy-src and srcset into src', () => {
    const b = html('<img src="data:," data-src="/a.jpg"><img data-lazy-src="/b.jpg"><img srcset="/c-1.jpg 1x, /c-2.jpg 2x"><picture><source srcset="/d.webp 2000w"><img src="/blank.gif"></picture><img src="/e.jpg">');
    resolveLazyImages(b);
    expect([...b.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['/a.jpg', '/b.jpg', '/c-2.jpg', '/d.webp', '/e.jpg']);
    for (const img of b.querySelectorAll('img')) expect(img.outerHTML).not.toMatch(/srcset=|data-src|data-lazy/);
  });
});

describe('boilerplate rules', () => {
  it('name the kind of box', () => {
    const kinds = ['<div class="cookie-banner">x</div>', '<div id="newsletter-box">x</div>', '<aside class="c-related__list"><a href="/a">A story</a></aside>', '<div class="ShareBar"><a href="/s">Facebook</a></div>', '<div class="ad-slot">Advertisement</div>', '<section id="comments">x</section>']
      .map((s) => boilerplateKind(html(s).firstElementChild!, 10_000));
    expect(kinds).toEqual(['cookie', 'newsletter', 'related', 'share', 'ad', 'comments']);
  });

  it('read the words when the names say nothing', () => {
    const k = (s: string) => boilerplateKind(html(s).firstElementChild!, 10_000);
    expect(k('<div><p>This website uses cookies to give you the best experience.</p><a href="/ok">OK</a></div>')).toBe('cookie');
    expect(k('<div><h3>Stay Updated</h3><p>Get the morning briefing in your inbox.</p><input type="email"></div>')).toBe('newsletter');
    expect(k('<div><span>Share</span> <a href="/f">Facebook</a> · <a href="/x">X</a> · <a href="/e">Email</a></div>')).toBe('share');
  });

  it('never take the article: a box holding most of the text, a figure, a state modifier, an ordinary sentence', () => {
    const k = (s: string) => boilerplateKind(html(s).firstElementChild!, 3000);
    expect(k(`<div class="article-body comments-enabled">${LONG}</div>`)).toBeUndefined();
    expect(k('<figure class="fig--has-shares"><img src="/p.jpg"><figcaption>The harbour</figcaption></figure>')).toBeUndefined();
    expect(k('<div class="has-related-links">x</div>')).toBeUndefined();
    expect(k('<p>Runners can sign up for the marathon until Friday, the organisers said.</p>')).toBeUndefined();
    expect(k('<div class="header-image"><img src="/p.jpg"></div>')).toBeUndefined(); // "header" holds no "ad" token
  });

  it('a "Latest news" heading with its list of links goes; a heading over prose stays', () => {
    const b = html(`${LONG}<h3>Latest news</h3><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul><h3>Latest figures</h3><p>Unemployment fell to 4.1 per cent.</p>`);
    const n = stripBoilerplate(b);
    expect(n.related).toBe(1);
    expect(b.textContent).not.toContain('Latest news');
    expect(b.textContent).toContain('Latest figures');
    expect(b.textContent).toContain('Unemployment fell');
  });
});

describe('plain text', () => {
  it('puts blocks on their own lines and list items behind bullets', () => {
    const b = html('<h2>Title</h2><p>One <b>two</b>\n three.</p><ul><li>a</li><li>b</li></ul><p>line<br>break</p>');
    expect(blockText(b)).toBe('Title\n\nOne two three.\n\n• a\n\n• b\n\nline\nbreak');
  });
  it('reading time is at least a minute, about 220 words a minute', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes('word '.repeat(1100))).toBe(5);
  });
});
