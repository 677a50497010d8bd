// The one place where untrusted HTML from a source is made safe to show (DOM contexts only:
// DOMPurify needs a window; the background never imports this).
// Allowed: text formatting, lists, links, images, figures, blockquotes, tables. Everything else
// (script, style, iframe, object, embed, forms, SVG, MathML, event handlers, style attributes) goes.
import DOMPurify, { type Config } from 'dompurify';
import { safeImageUrl, safeUrl } from './safe-url';

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
  FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button', 'title', 'head', 'noembed', 'noframes', 'xmp', 'plaintext'],
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;
// The item URL the current (synchronous) sanitize call resolves relative URLs against.
let currentBase: string | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // Own instance, so these hooks never leak into another DOMPurify user.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'a') {
      const href = safeUrl(node.getAttribute('href'), currentBase);
      if (href) node.setAttribute('href', href);
      else node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (tag === 'img') {
      const src = safeImageUrl(node.getAttribute('src'), currentBase);
      const tiny = ['width', 'height'].some((a) => {
        const v = node.getAttribute(a);
        return v !== null && Number.parseInt(v, 10) <= 2; // tracking pixels
      });
      if (!src || tiny) {
        node.remove();
        return;
      }
      node.setAttribute('src', src);
      // Feeds often leave alt out; unknown images are treated as decorative rather than unlabeled.
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  purifier = p;
  return p;
}

/** Safe HTML for innerHTML. `base` (the item's URL) resolves relative links and images. */
export function sanitizeHtml(html: string, base?: string): string {
  if (!html) return '';
  currentBase = base;
  try {
    return instance().sanitize(html, CONFIG) as string;
  } finally {
    currentBase = undefined;
  }
}
