// The images of an item's HTML that the sanitizer would keep, read without a DOM (the worker has none).
// The thumbnail is chosen from these, so nothing the reader would never show is fetched for a row:
// no tracking pixels, nothing inside <noscript>, <template>, comments or other dropped elements.
// tests/unit/sources/html-images.test.ts checks that this agrees with utils/sanitize.ts.
import { decodeEntities } from '../normalize/text';
import { safeImageUrl } from '../safe-url';
import { DROPPED_WITH_CONTENT, isTrackingPixel } from '../sanitize-rules';

const DROPPED = new Set(DROPPED_WITH_CONTENT);
// Whose content is text up to their closing tag (no tags inside).
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);
const VOID = new Set(['embed', 'img', 'br', 'hr', 'input', 'meta', 'link', 'area', 'base', 'col', 'param', 'source', 'track', 'wbr']);

/** The attributes of a start tag (first one wins, as in HTML), names lower-cased, values decoded. */
export function tagAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  const ATTR = /([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of attrs.matchAll(ATTR)) {
    const name = m[1].toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** Where the element opened at `from` ends (after its closing tag), for a dropped element. */
function endOfDropped(html: string, name: string, from: number): number {
  if (name === 'plaintext') return html.length;
  const close = new RegExp(`</${name}(?=[\\s/>])[^>]*>?`, 'gi');
  if (RAW_TEXT.has(name)) {
    close.lastIndex = from;
    const m = close.exec(html);
    return m ? m.index + m[0].length : html.length;
  }
  if (name === 'svg' || name === 'math') return endOfForeign(html, name, from);
  // Other elements can nest in themselves (<template><template>…): count them.
  const any = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>?`, 'gi');
  any.lastIndex = from;
  let depth = 1;
  for (let m = any.exec(html); m; m = any.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

// HTML elements whose start tag ends SVG or MathML content: the parser puts them (and what follows) back in HTML.
const BREAKOUT = new Set(['b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var']);

/** Where SVG or MathML content opened at `from` ends: its closing tag, or an HTML tag that breaks out of it. */
function endOfForeign(html: string, name: string, from: number): number {
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>?|<!--[\s\S]*?(?:-->|$)/g;
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!m[2]) continue;
    const n = m[2].toLowerCase();
    if (!m[1] && BREAKOUT.has(n)) return m.index;
    if (n === name) depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/**
 * The absolute URLs of the images in `html` that the sanitizer keeps, in document order: http(s) only,
 * resolved against `base`, no tracking pixels, nothing inside comments or elements dropped with their content.
 */
export function keptImages(html: string, base?: string, limit = Infinity): string[] {
  const out: string[] = [];
  if (!html || html.indexOf('<') < 0) return out;
  // A start tag with its attributes (quoted values may hold '>'), an end tag, or markup that is a comment.
  const TOKEN = /<!--|<[!?][^>]*>?|<\/[a-zA-Z][^>]*>?|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
  for (let m = TOKEN.exec(html); m && out.length < limit; m = TOKEN.exec(html)) {
    if (m[0] === '<!--') {
      // "<!-->" and "<!--->" are whole (empty) comments; otherwise up to "-->" or "--!>", or the end.
      const rest = html.slice(TOKEN.lastIndex, TOKEN.lastIndex + 2);
      if (rest.startsWith('>')) { TOKEN.lastIndex += 1; continue; }
      if (rest === '->') { TOKEN.lastIndex += 2; continue; }
      const end = /--!?>/g;
      end.lastIndex = TOKEN.lastIndex;
      const e = end.exec(html);
      if (!e) break;
      TOKEN.lastIndex = e.index + e[0].length;
      continue;
    }
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    if (!m[0].endsWith('>')) break; // a tag cut off by the end of the text: the parser drops it
    if (DROPPED.has(name)) {
      if (!VOID.has(name)) TOKEN.lastIndex = endOfDropped(html, name, TOKEN.lastIndex);
      continue;
    }
    if (name !== 'img') continue;
    const attrs = tagAttributes(m[2]);
    const src = safeImageUrl(attrs.get('src'), base);
    if (src && !isTrackingPixel(attrs.get('width'), attrs.get('height'))) out.push(src);
  }
  return out;
}

/** The first image the sanitizer keeps, for an item's thumbnail. */
export function firstKeptImage(html: string, base?: string): string | undefined {
  return keptImages(html, base, 1)[0];
}
