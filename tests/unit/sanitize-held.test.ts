// "Load remote images" off: the sanitizer's output holds no image at all, and says how many it held back.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeItemHtml, sanitizeReader } from '@/utils/sanitize';

const BASE = 'https://news.example/world/story.html';
const BODY =
  '<p>Text <img src="/a.jpg" alt="A"></p><figure><img src="https://cdn.example/b.png"><figcaption>Cap</figcaption></figure>' +
  '<img src="https://t.example/p.gif" width="1" height="1"><noscript><img src="https://t.example/n.gif"></noscript>' +
  '<img src="javascript:alert(1)"><a href="/more">more</a>';

/** Every address the browser would fetch on its own when this HTML is put in a page. */
function fetchedBy(html: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = html;
  return [...box.querySelectorAll('[src], [srcset], [poster], [background], link[href], object[data]')].map((el) => el.outerHTML);
}

describe('the sanitizer while remote images wait for the user', () => {
  it('keeps the images by default, as before the setting', () => {
    const r = sanitizeItemHtml(BODY, BASE);
    expect(r.heldImages).toBe(0);
    expect(fetchedBy(r.html)).toEqual([
      expect.stringContaining('src="https://news.example/a.jpg"'),
      expect.stringContaining('src="https://cdn.example/b.png"'),
    ]);
    expect(sanitizeHtml(BODY, BASE)).toBe(r.html);
  });

  it('leaves out every image, counts the ones it would have shown, keeps text, captions and links', () => {
    const r = sanitizeItemHtml(BODY, BASE, { remoteImages: false });
    expect(fetchedBy(r.html)).toEqual([]);
    expect(r.html).not.toMatch(/<img/i);
    // Tracking pixels, images in <noscript> and unsafe addresses are dropped anyway: not counted as held.
    expect(r.heldImages).toBe(2);
    expect(r.html).toContain('Cap');
    expect(r.html).toContain('href="https://news.example/more"');
    expect(r.html).toContain('Text');
  });

  it('holds nothing back when there is no image', () => {
    expect(sanitizeItemHtml('<p>Plain</p>', BASE, { remoteImages: false })).toEqual({ html: '<p>Plain</p>', heldImages: 0 });
    expect(sanitizeItemHtml('', BASE, { remoteImages: false })).toEqual({ html: '', heldImages: 0 });
  });

  it('a later call with images on is not affected by one that held them', () => {
    sanitizeItemHtml(BODY, BASE, { remoteImages: false });
    expect(sanitizeItemHtml(BODY, BASE).heldImages).toBe(0);
    expect(fetchedBy(sanitizeHtml(BODY, BASE))).toHaveLength(2);
  });

  it('the reader profile holds back the article pictures too (already sanitized HTML, re-read without them)', () => {
    const article = '<p>Para</p><img src="https://news.example/media/big.jpg" alt="Big"><img src="https://news.example/pixel.gif">';
    const shown = sanitizeReader(article, BASE);
    expect(fetchedBy(shown.html)).toHaveLength(1); // the beacon goes in the reader profile
    const held = sanitizeReader(shown.html, BASE, undefined, { remoteImages: false });
    expect(held.heldImages).toBe(1);
    expect(fetchedBy(held.html)).toEqual([]);
  });
});
