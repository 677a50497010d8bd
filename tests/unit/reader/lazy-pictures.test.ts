// Pictures a page loads late, or shows in <noscript> to visitors without scripts, are kept by the
// reader: one picture each, at its real address, and never a tracking pixel.
import { describe, expect, it } from 'vitest';
import { extractFixture } from './fixtures';
import { resolveLazyImages, useNoscriptImages } from '@/utils/reader/lazy-images';

const body = (s: string) => new DOMParser().parseFromString(`<body>${s}</body>`, 'text/html').body;
const srcs = (root: ParentNode) => [...root.querySelectorAll('img')].map((i) => i.getAttribute('src'));
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

describe('a page with lazy and <noscript> pictures, as real sites write them', { timeout: 30_000 }, () => {
  const r = extractFixture('lazy-pictures.html', 'https://news.harbour.example/2026/11/night-ferry');
  const html = r.ok ? r.article.html : '';
  const imgs = srcs(new DOMParser().parseFromString(html, 'text/html'));

  it('is read as an article', () => {
    expect(r.ok).toBe(true);
    expect(html).toContain('forty-two passengers');
  });

  it('keeps every picture once, at its real address', () => {
    expect(imgs).toEqual([
      // WordPress + lazysizes: the <noscript> copy takes the placeholder's place (not two of it).
      'https://news.harbour.example/wp-content/uploads/2026/11/ferry-1024x683.jpg',
      // A placeholder in a wrapper span, its picture only in <noscript>.
      'https://static.harbour.example/content/dock-lights.jpeg?format=1500w',
      // A div a script turns into a picture: the <noscript> copy stands where it was.
      'https://ichef.harbour.example/news/976/cpsprodpb/ticket-office.jpg',
      // Only a data-srcset: its largest candidate.
      'https://i.harbour.example/img/pier-1300.jpg',
      // A placeholder gif with no lazy attribute: the <noscript> copy, with the placeholder's alt.
      'https://news.harbour.example/media/2026/harbour-master.jpg',
    ]);
    expect(html).toContain('alt="The harbour master"');
    expect(html).toContain('alt="The ferry at the old pier"');
  });

  it('leaves out placeholders, the tracking pixel and <noscript> itself', () => {
    expect(html).not.toMatch(/data:image|blank\.gif|social\.example|noscript|data-src|srcset/);
  });
});

describe('<noscript> copies', () => {
  it('take the place of the lazy img before them, or of the one img in its wrapper', () => {
    const b = body(`<img class="lazyload" src="${GIF}" data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript><span><img src="/b-placeholder.gif" alt="B"></span><noscript><img src="/b.jpg"></noscript>`);
    useNoscriptImages(b);
    expect(b.innerHTML).toBe('<img src="/a.jpg"><span><img src="/b.jpg" alt="B"></span>');
  });

  it('a progressive figure (blur-up thumbnail, lazy image, <noscript> copy): the copy replaces the lazy image', () => {
    const b = body('<div class="progressiveMedia"><img src="https://cdn.example/max/60/x.jpeg?q=20" class="progressiveMedia-thumbnail"><canvas></canvas><img class="progressiveMedia-image" data-src="https://cdn.example/max/1200/x.jpeg"><noscript><img class="progressiveMedia-noscript" src="https://cdn.example/max/1200/x.jpeg"></noscript></div>');
    resolveLazyImages(b);
    expect(srcs(b)).toEqual(['https://cdn.example/max/60/x.jpeg?q=20', 'https://cdn.example/max/1200/x.jpeg']);
    expect(b.querySelector('noscript')).toBeNull();
  });

  it('stand alone where nothing waits beside them, and add nothing where the picture is already shown', () => {
    const b = body('<div class="js-delayed-image-load" data-src="/c/{width}.jpg"></div><noscript><img src="/c/976.jpg" alt="C"></noscript><p>Text <img src="/d.jpg"></p><img src="/e.jpg"><noscript><img src="/e.jpg"></noscript>');
    resolveLazyImages(b);
    expect(srcs(b)).toEqual(['/c/976.jpg', '/d.jpg', '/e.jpg']);
  });

  it('a picture beside a <p> with text of its own is not taken for that paragraph\'s picture', () => {
    const b = body('<p>A caption <img src="/f.jpg"></p><noscript><img src="/g.jpg"></noscript>');
    useNoscriptImages(b);
    expect(srcs(b)).toEqual(['/f.jpg', '/g.jpg']);
  });

  it('drop tracking pixels, and leave <noscript> text to the boilerplate rules', () => {
    const b = body(`<noscript><img height="1" width="1" src="https://px.example/tr?noscript=1"></noscript><img src="${GIF}" width="1" height="1"><noscript><img src="https://px.example/b.gif" width="1px" height="1px"></noscript><noscript>Please turn on JavaScript.</noscript>`);
    useNoscriptImages(b);
    expect(b.innerHTML).toBe(`<img src="${GIF}" width="1" height="1"><noscript>Please turn on JavaScript.</noscript>`);
  });

  it('are read from their text where the page was parsed with scripting on (<noscript> holds text then)', () => {
    const b = body(`<img class="lazy" src="${GIF}" alt="H">`);
    const ns = b.ownerDocument.createElement('noscript');
    ns.textContent = '<img src="/h.jpg" onerror="alert(1)">';
    b.append(ns);
    useNoscriptImages(b);
    expect(srcs(b)).toEqual(['/h.jpg']);
    expect(b.querySelector('noscript')).toBeNull();
  });
});
