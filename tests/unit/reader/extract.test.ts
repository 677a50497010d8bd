import { describe, expect, it } from 'vitest';
import { extractFixture } from './fixtures';
import { browserDom, extractArticle, type ReaderArticle } from '@/utils/reader/extract';

function article(name: string, url?: string): ReaderArticle {
  const r = extractFixture(name, url);
  if (!r.ok) throw new Error(`${name}: no article (${r.reason})`);
  return r.article;
}

describe('the reader extracts a news article', { timeout: 30_000 }, () => {
  const a = article('news-article.html', 'https://news.harbour.example/2026/11/barrier-vote');

  it('finds title, byline, time and lead image', () => {
    expect(a.title).toBe('Coastal towns vote to share one flood barrier');
    expect(a.byline).toMatch(/Lena Brandt/);
    expect(a.published).toBe('2026-11-20T08:30:00.000Z');
    expect(a.leadImage).toBe('https://news.harbour.example/media/2026/barrier-lead.jpg');
    expect(a.readingMinutes).toBeGreaterThanOrEqual(1);
  });

  it('keeps the paragraphs, the quote, the list, the subheading and the figures with their captions', () => {
    expect(a.text).toContain('Three coastal towns voted on Tuesday');
    expect(a.text).toContain('"Nobody wanted to be the town that said yes first,"');
    expect(a.text).toContain('Opponents, mostly owners of houseboats');
    expect(a.text).toContain('• Construction starts in spring 2027.');
    expect(a.html).toMatch(/<blockquote>/);
    expect(a.html).toMatch(/<h2>How the gates will work<\/h2>/);
    expect(a.html).toMatch(/<figcaption>The gates in their raised position/);
    expect(a.html).not.toMatch(/<h1/); // the title is shown above the text, not twice
  });

  it('leaves out navigation, share bars, related and latest lists, newsletter box, cookie notice, ads and comments', () => {
    for (const gone of ['We use cookies', 'Accept all', 'Politics', 'Facebook', 'WhatsApp', 'Copy link', 'Stay Updated', 'Subscribe to our newsletter', 'Your email', 'Storm surge sets a new record', 'Latest news', 'Rail strike called off', 'Most read', 'Teenager wins', 'Comments (214)', 'Who pays when the gates fail', 'Advertisement', '© 2026', 'Share this story']) {
      expect(a.text, gone).not.toContain(gone);
    }
  });

  it('resolves lazy images (data-src, data-srcset, picture sources) and relative links, and opens links in a new tab', () => {
    expect(a.html).toContain('src="https://news.harbour.example/media/2026/barrier-1200.jpg"');
    expect(a.html).toContain('src="https://news.harbour.example/media/2026/gates-1280.jpg"');
    expect(a.html).not.toMatch(/data:image|placeholder\.gif|srcset|data-src/);
    expect(a.html).toContain('href="https://news.harbour.example/documents/barrier-assessment.pdf"');
    expect(a.html).toContain('href="https://news.harbour.example/2026/council/minutes-2026-11.html"');
    const doc = new DOMParser().parseFromString(a.html, 'text/html');
    const links = [...doc.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.getAttribute('target')).toBe('_blank');
      expect(l.getAttribute('rel')).toMatch(/noopener/);
    }
  });

  it('drops script, style and tracking pixels', () => {
    expect(a.html).not.toMatch(/<script|<style|dataLayer|onclick|pixel\.gif|b\.gif|adnetwork|<link/i);
  });
});

describe('pages that are not articles are told apart', { timeout: 30_000 }, () => {
  it('a paywall stub', () => {
    expect(extractFixture('paywall.html')).toEqual({ ok: false, reason: 'paywall' });
  });
  it('a video page', () => {
    expect(extractFixture('video.html')).toEqual({ ok: false, reason: 'video' });
  });
  it('a live page, by its structured data', () => {
    expect(extractFixture('live.html', 'https://news.harbour.example/2026/11/storm')).toEqual({ ok: false, reason: 'live' });
  });
  it('a section front (a list of links)', () => {
    expect(extractFixture('section-front.html')).toEqual({ ok: false, reason: 'none' });
  });
  it('an empty page and a page of plain text', () => {
    expect(extractArticle('', 'https://news.harbour.example/empty', browserDom())).toEqual({ ok: false, reason: 'none' });
    expect(extractArticle('just a line of text', 'https://news.harbour.example/t.txt', browserDom())).toEqual({ ok: false, reason: 'none' });
  });
});

describe('hostile HTML: nothing executable or tracking reaches the result', { timeout: 30_000 }, () => {
  const a = article('hostile.html', 'https://news.harbour.example/2026/11/budget');

  it('keeps the article text', () => {
    expect(a.title).toBe('Council publishes the budget for next year');
    expect(a.text).toContain('Spending on roads rises by four per cent');
    expect(a.text).toContain('The full budget runs to 212 pages.');
  });

  it('has no script, handler, frame, form, style, svg, math or dangerous URL', () => {
    const doc = new DOMParser().parseFromString(a.html, 'text/html');
    const all = [...doc.body.querySelectorAll('*')];
    const tags = new Set(all.map((e) => e.tagName.toLowerCase()));
    for (const t of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'template', 'meta', 'base', 'link', 'noscript']) expect(tags.has(t), t).toBe(false);
    for (const e of all) {
      for (const attr of [...e.attributes]) {
        expect(attr.name, `${e.tagName} ${attr.name}`).not.toMatch(/^on|^style$|^class$|^id$|^srcset$|^ping$|^formaction$/);
        if (attr.name === 'href' || attr.name === 'src') expect(attr.value).toMatch(/^(https?:|mailto:)/);
      }
    }
    expect(a.html).not.toMatch(/javascript:|alert\(|data:image\/svg|beacon\.gif|noscript-pixel/i);
  });

  it('resolves relative links against the page\'s own <base>', () => {
    expect(a.html).toContain('href="https://cdn.harbour.example/docs/budget.pdf"');
  });
});
