// The reader's extraction: a publisher's page in, the article out (title, byline, time, lead image,
// clean HTML, plain text), or the reason there is none. Runs wherever a DOM exists: the sidebar page
// (DOMParser) or jsdom (command line, unit tests); never in the worker, which has no DOM.
import { Readability } from '@mozilla/readability';
import { sanitizeReaderHtml } from '../sanitize';
import { safeImageUrl } from '../safe-url';
import { resolveLazyImages } from './lazy-images';
import { stripBoilerplate } from './boilerplate';
import { pageKind } from './page-kind';
import { blockText, readingMinutes } from './text';

export interface ReaderArticle {
  url: string;
  title: string;
  byline: string | null;
  /** ISO 8601, when the page says. */
  published: string | null;
  leadImage: string | null;
  /** Sanitized: safe for innerHTML. */
  html: string;
  text: string;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  readingMinutes: number;
}

/** Why a page gives no article: not found, or a page of another kind. */
export type NoArticleReason = 'none' | 'live' | 'video' | 'paywall';

export type Extraction = { ok: true; article: ReaderArticle } | { ok: false; reason: NoArticleReason };

/** What extraction needs from its DOM: an inert parser and the window DOMPurify works in. */
export interface ReaderDom {
  parse(html: string, url: string): Document;
  win: Window & typeof globalThis;
}

/** Less text than this is a teaser or a stub, not an article. */
export const MIN_ARTICLE_CHARS = 200;

/** The parser of the page this code runs in: DOMParser documents run no script and load nothing. */
export function browserDom(): ReaderDom {
  return { parse: (html) => new DOMParser().parseFromString(html, 'text/html'), win: window };
}

function metaContent(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function jsonLdField(doc: Document, field: string): unknown {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const stack: unknown[] = [JSON.parse(s.textContent ?? '')];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v)) stack.push(...v);
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (o[field] !== undefined) return o[field];
          if (o['@graph']) stack.push(o['@graph']);
        }
      }
    } catch {
      // ignore a broken block
    }
  }
  return undefined;
}

function isoDate(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const t = Date.parse(raw.trim());
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

function leadImageOf(doc: Document, url: string): string | null {
  let raw: unknown = metaContent(doc, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'image');
  if (!raw) raw = doc.querySelector('link[rel="image_src"]')?.getAttribute('href');
  if (!raw) {
    const ld = jsonLdField(doc, 'image');
    raw = Array.isArray(ld) ? ld[0] : ld;
    if (raw && typeof raw === 'object') raw = (raw as Record<string, unknown>).url;
  }
  return typeof raw === 'string' ? safeImageUrl(raw, url) ?? null : null;
}

/** Relative addresses resolve against the page, also inside a DOMParser document (whose own base is ours). */
function setBase(doc: Document, url: string) {
  const existing = doc.querySelector('base[href]');
  let href = url;
  try {
    href = new URL(existing?.getAttribute('href') ?? '', url).href;
  } catch {
    // keep the page's URL
  }
  const base = existing ?? doc.createElement('base');
  base.setAttribute('href', href);
  if (!existing) (doc.head ?? doc.documentElement).prepend(base);
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The title is shown above the text: drop it from the text, and make the other h1s h2s. */
function tidyHeadings(root: Element, title: string) {
  const first = root.querySelector('h1, h2');
  if (first && norm(first.textContent) === norm(title)) first.remove();
  for (const h of Array.from(root.querySelectorAll('h1'))) {
    const h2 = root.ownerDocument.createElement('h2');
    h2.append(...Array.from(h.childNodes));
    h.replaceWith(h2);
  }
}

export function extractArticle(html: string, url: string, dom: ReaderDom): Extraction {
  const doc = dom.parse(html, url);
  setBase(doc, url);
  // Readability rewrites the document it reads; the original stays for metadata and the page's kind.
  const work = doc.cloneNode(true) as Document;
  resolveLazyImages(work);
  if (work.body) stripBoilerplate(work.body);
  const parsed = new Readability<Element>(work, { charThreshold: 250, serializer: (el) => el as Element }).parse();
  const content = parsed?.content;
  let text = '';
  let clean = '';
  if (content) {
    // What Readability kept is checked once more (boxes inside the article's own container).
    stripBoilerplate(content);
    tidyHeadings(content, parsed.title ?? '');
    clean = sanitizeReaderHtml(content.innerHTML, url, dom.win);
    // Its text, from an inert document of its own (nothing loads or runs; no markup assigned to a node).
    text = blockText(dom.parse(clean, url).body);
  }
  const kind = pageKind(doc, url, text.length);
  if (kind !== 'article') return { ok: false, reason: kind };
  if (!parsed || text.length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'none' };

  const title = (parsed.title || metaContent(doc, 'og:title') || doc.title || '').replace(/\s+/g, ' ').trim();
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  return {
    ok: true,
    article: {
      url,
      title,
      byline: parsed.byline?.replace(/\s+/g, ' ').trim() || metaContent(doc, 'author', 'article:author') || null,
      published: isoDate(parsed.publishedTime) ?? isoDate(metaContent(doc, 'article:published_time', 'datePublished', 'date')) ?? isoDate(jsonLdField(doc, 'datePublished')) ?? isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
      leadImage: leadImageOf(doc, url),
      html: clean,
      text,
      siteName: parsed.siteName?.trim() || null,
      lang: parsed.lang?.trim() || null,
      dir,
      readingMinutes: readingMinutes(text),
    },
  };
}
