// Per-field limits: a source can send anything (a 1 MB title, 100,000 nested <div>s), and what is stored
// is rendered in a row, searched and matched. Every adapter's item is cut to these sizes before it is
// stored, and the sanitizer applies the HTML ones again before it builds a DOM.
// DOM-free (plain string work): this runs in the service worker.
import { cleanText } from './item-text';

/** A row shows a headline in a few lines; more is not a headline. */
export const TITLE_MAX = 300;
export const AUTHOR_MAX = 200;
/** Summaries longer than this are the article itself: it becomes the body and the summary its start. */
export const SUMMARY_HTML_MAX = 4_000;
/** The plain-text summary kept when the source's summary was the whole article. */
export const SUMMARY_TEXT_MAX = 600;
/** A long article is ~100 KB of HTML; more is not worth storing or rendering in a sidebar. */
export const HTML_MAX = 200_000;
/** Elements nested deeper than this are unwrapped (their text kept): real articles nest a dozen deep. */
export const MAX_DEPTH = 32;
export const CATEGORY_MAX = 100;
export const CATEGORIES_MAX = 30;
/** Ids and addresses this long are broken; the cut keeps them apart by a hash of the whole. */
export const GUID_MAX = 1_000;
export const URL_MAX = 8_192;

/** Plain text cut to `max` characters at a word boundary (when there is one near), with "…". */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.7) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Collapsed, then capped plain text (titles, authors, categories). */
export function capField(s: string | undefined, max: number): string {
  return capText(cleanText(s), max);
}

/** HTML cut to `max` characters, never inside a tag or an entity. Unclosed elements are closed by the parser. */
export function capHtml(html: string, max = HTML_MAX): string {
  if (html.length <= max) return html;
  let cut = html.slice(0, max);
  const lt = cut.lastIndexOf('<');
  if (lt > cut.lastIndexOf('>')) cut = cut.slice(0, lt);
  cut = cut.replace(/&[#\w]{0,32}$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}<p>…</p>`;
}

// Elements that never hold content, so they never deepen the tree.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image', 'keygen', 'frame', 'basefont', 'bgsound']);

/**
 * Unwraps elements nested deeper than `maxDepth` (their opening and matching closing tags go, their text
 * stays), so a hostile body cannot make the sidebar build and lay out a tree 100,000 levels deep.
 * A linear pass over the tags; not a sanitizer (what it returns is still untrusted HTML).
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  if (!html || html.indexOf('<') < 0) return html;
  // The elements open at this point, and whether each was kept; how many of each name are open.
  const stack: Array<{ name: string; kept: boolean }> = [];
  const open = new Map<string, number>();
  let depth = 0;
  let changed = false;
  const out: string[] = [];
  let last = 0;
  // Only up to the last '>': a '<' with no '>' after it is text, and would make every look-up scan to the end.
  const end = html.lastIndexOf('>') + 1;
  const TAG = /<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>|<!--/g;
  const scan = html.slice(0, end);
  for (let m = TAG.exec(scan); m; m = TAG.exec(scan)) {
    if (!m[2]) {
      // a comment: skip to its end (tags inside it are text)
      const close = scan.indexOf('-->', TAG.lastIndex);
      if (close < 0) break;
      TAG.lastIndex = close + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    let drop = false;
    if (m[1]) {
      if (open.get(name)) {
        // Closing an element closes the ones left open inside it, as the HTML parser does. Each entry
        // is passed over once, when it is closed: the whole walk stays linear.
        let e: { name: string; kept: boolean };
        do {
          e = stack.pop()!;
          open.set(e.name, open.get(e.name)! - 1);
          if (e.kept) depth--;
        } while (e.name !== name);
        drop = !e.kept;
      }
    } else if (!VOID.has(name) && !/\/\s*$/.test(m[3])) {
      const kept = depth < maxDepth;
      stack.push({ name, kept });
      open.set(name, (open.get(name) ?? 0) + 1);
      if (kept) depth++;
      drop = !kept;
    }
    if (drop) {
      out.push(html.slice(last, m.index));
      last = m.index + m[0].length;
      changed = true;
    }
  }
  if (!changed) return html;
  out.push(html.slice(last));
  return out.join('');
}

/** An item's HTML field as it may be stored: nesting limited, then size capped. */
export function limitHtml(html: string, max = HTML_MAX): string {
  if (!html) return html;
  // Nesting first (a linear pass): unwrapped tags then take no room from the text that is kept.
  return capHtml(limitNesting(html), max);
}
