// The one place where untrusted HTML from a source is made safe to show (DOM contexts only:
// DOMPurify needs a window; the background never imports this).
// Allowed: text formatting, lists, links, images, figures, blockquotes, tables. Everything else
// (script, style, iframe, object, embed, forms, SVG, MathML, event handlers, style attributes) goes.
import DOMPurify, { type Config } from 'dompurify';
import { safeImageUrl, safeUrl } from './safe-url';
import { limitHtml } from './sources/limits';
import { DROPPED_WITH_CONTENT, isTrackingPixel } from './sanitize-rules';

const TAGS = [
  'p', 'br', 'hr', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'small', 'sub', 'sup', 'mark',
  'code', 'pre', 'kbd', 'samp', 'abbr', 'cite', 'q', 'dfn', 'time', 'span', 'div', 'section', 'article', 'header', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'a', 'img', 'figure', 'figcaption', 'blockquote',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
];

// No class/id/style/name (they would let a feed restyle the sidebar or clobber DOM names),
// no srcset (a second URL list that would skip the scheme check below).
const ATTRS = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'datetime', 'lang', 'dir', 'start', 'reversed'];

const CONFIG: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Dropped with their content, not just unwrapped.
  FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  WHOLE_DOCUMENT: false,
  // Parse as the content of <body>: otherwise a leading <noscript> or <style> is parsed as part of <head>,
  // and an image inside that <noscript> is moved out of it and shown (a tracking pixel, typically).
  FORCE_BODY: true,
  RETURN_TRUSTED_TYPE: false,
};

type Purifier = ReturnType<typeof DOMPurify>;
// One instance per window (the sidebar's; jsdom's for the reader's command line).
const purifiers = new WeakMap<object, Purifier>();
// The item URL the current (synchronous) sanitize call resolves relative URLs against.
let currentBase: string | undefined;
// The reader profile also drops images that only track (beacons known by their address).
let readerProfile = false;
// "Load remote images" is off and the user has not asked for this article's: every image is taken out
// (and counted), so nothing the result holds makes the browser fetch anything.
let holdImages = false;
let heldImages = 0;

/** Image addresses that are beacons, not pictures. */
const TRACKER_IMAGE = /\/(?:pixel|beacon|spacer|blank|clear|1x1|track(?:ing)?)(?:\.(?:gif|png)|\/|\?|$)|\/[a-z]\.gif(?:\?|$)/i;

function instance(win: Window & typeof globalThis = window): Purifier {
  const cached = purifiers.get(win);
  if (cached) return cached;
  // Own instance, so these hooks never leak into another DOMPurify user.
  const p = DOMPurify(win);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') {
      const href = safeUrl(el.getAttribute('href'), currentBase);
      if (href) el.setAttribute('href', href);
      else el.removeAttribute('href');
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    } else if (tag === 'img') {
      const src = safeImageUrl(el.getAttribute('src'), currentBase);
      const tiny = ['width', 'height'].some((a) => {
        const v = el.getAttribute(a);
        return v !== null && Number.parseInt(v, 10) <= 2; // tracking pixels
      });
      if (!src || tiny || (readerProfile && TRACKER_IMAGE.test(src))) {
        el.remove();
        return;
      }
      if (holdImages) {
        heldImages++;
        el.remove();
        return;
      }
      el.setAttribute('src', src);
      // Feeds often leave alt out; unknown images are treated as decorative rather than unlabeled.
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  purifiers.set(win, p);
  return p;
}

export interface SanitizeOptions {
  /** false: remote images are left out (and counted in `heldImages`) until the user asks for them. Default true. */
  remoteImages?: boolean;
}

export interface Sanitized {
  html: string;
  /** How many images were left out because remote images wait for the user (0 when they load). */
  heldImages: number;
}

function run(purifier: Purifier, html: string, base: string | undefined, reader: boolean, opts: SanitizeOptions): Sanitized {
  currentBase = base;
  readerProfile = reader;
  holdImages = opts.remoteImages === false;
  heldImages = 0;
  try {
    return { html: purifier.sanitize(html, CONFIG) as string, heldImages };
  } finally {
    currentBase = undefined;
    readerProfile = false;
    holdImages = false;
    heldImages = 0;
  }
}

/**
 * Safe HTML for innerHTML, and how many images were held back. `base` (the item's URL) resolves relative
 * links and images. Size and nesting are limited first (items stored before the limits existed, too): a body
 * 100,000 elements deep would otherwise freeze the sidebar while the parser and DOMPurify walk it.
 */
export function sanitizeItemHtml(html: string, base?: string, opts: SanitizeOptions = {}): Sanitized {
  if (!html) return { html: '', heldImages: 0 };
  return run(instance(), limitHtml(html), base, false, opts);
}

/** Safe HTML for innerHTML (remote images kept unless `opts.remoteImages` is false): see sanitizeItemHtml. */
export function sanitizeHtml(html: string, base?: string, opts: SanitizeOptions = {}): string {
  return sanitizeItemHtml(html, base, opts).html;
}

/**
 * The reader's profile: a whole article extracted from a publisher's page. Same rules as a feed's
 * HTML, plus beacon images dropped by their address. `win` is the
 * window whose DOM DOMPurify uses (jsdom's on the command line).
 */
export function sanitizeReader(html: string, base: string, win?: Window & typeof globalThis, opts: SanitizeOptions = {}): Sanitized {
  if (!html) return { html: '', heldImages: 0 };
  return run(instance(win), html, base, true, opts);
}

export function sanitizeReaderHtml(html: string, base: string, win?: Window & typeof globalThis, opts: SanitizeOptions = {}): string {
  return sanitizeReader(html, base, win, opts).html;
}
