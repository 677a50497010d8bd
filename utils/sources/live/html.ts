// The worker has no DOM: a page is parsed into htmlparser2's small tree (domhandler nodes), and these
// helpers walk it. htmlparser2 was chosen over parse5, node-html-parser and linkedom: it is the fastest
// of them, forgiving with broken markup, well kept, and it shares its entity decoder with feedsmith, so
// it adds the least to the worker's bundle (measured in scripts/bench/bundle.ts).
import { Parser } from 'htmlparser2';
import { DomHandler, type ChildNode, type Document, type Element } from 'domhandler';

export type { Document, Element, ChildNode };

export function parseHtml(html: string): Document {
  const handler = new DomHandler(undefined, { withStartIndices: false });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return handler.root;
}

export function isElement(n: ChildNode | Document): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v;
}

export function childElements(el: Element | Document): Element[] {
  return el.children.filter(isElement);
}

/** Every element under `root` in document order (iterative: deep pages must not overflow the stack). */
export function* elements(root: Element | Document): Generator<Element> {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    yield n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const BLOCK = /^(?:p|div|li|br|h[1-6]|section|article|header|footer|blockquote|tr|ul|ol|figure|figcaption)$/;

/** The visible text of a node, blocks separated by spaces, whitespace collapsed. */
export function textOf(root: ChildNode | Document, skip?: (el: Element) => boolean): string {
  const out: string[] = [];
  const stack: ChildNode[] = root.type === 'root' ? [...root.children].reverse() : [root as ChildNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data);
    else if (isElement(n)) {
      if (SKIP_TEXT.has(n.name) || skip?.(n)) continue;
      if (BLOCK.test(n.name)) out.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      if (BLOCK.test(n.name)) out.push(' ');
    }
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/**
 * The HTML inside an element, written back out. The result is still untrusted: it is stored as it is and
 * goes through utils/sanitize.ts when shown. Scripts and styles are left out here already.
 */
export function innerHtml(el: Element, skip?: (el: Element) => boolean): string {
  const out: string[] = [];
  // Iterative, with closing tags as strings on the stack: hostile nesting must not overflow the stack.
  const stack: Array<ChildNode | string> = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out.push(n);
    else if (n.type === 'text') out.push(escText(n.data));
    else if (isElement(n)) {
      if (n.name === 'script' || n.name === 'style' || skip?.(n)) continue;
      out.push('<', n.name);
      for (const [k, v] of Object.entries(n.attribs)) if (/^[a-z_:][-a-z0-9_:.]*$/.test(k)) out.push(' ', k, '="', escAttr(v), '"');
      out.push('>');
      if (VOID.has(n.name)) continue;
      stack.push(`</${n.name}>`);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return out.join('');
}

/** The first element, in document order, that `test` accepts. */
export function find(root: Element | Document, test: (el: Element) => boolean): Element | undefined {
  for (const el of elements(root)) if (test(el)) return el;
  return undefined;
}

export function hasAncestor(el: Element, test: (el: Element) => boolean): boolean {
  for (let p = el.parent; p && p.type !== 'root'; p = p.parent) if (isElement(p as ChildNode) && test(p as Element)) return true;
  return false;
}

/** What a live page says about itself, read in one streaming pass without building a tree. */
export interface PageScan {
  lang: string;
  title?: string;
  /** <meta property|name> -> content, first of each (lower-case keys). */
  meta: Map<string, string>;
  canonical?: string;
  /** Text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** Nested deeper than MAX_DEPTH: the scan stopped there and the page is not read further. */
  tooDeep?: boolean;
}

/**
 * htmlparser2's cost grows with the square of the nesting depth; real pages stay far below this
 * (browsers themselves flatten past 512 levels), a hostile page could keep the worker busy for minutes.
 */
export const MAX_DEPTH = 1500;

/**
 * Most live pages carry their updates in JSON-LD: a streaming pass finds it without the cost of a tree
 * (a 2 MB page makes ~100,000 nodes); the tree is built only when the markup itself must be read.
 */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { lang: '', meta: new Map(), jsonLd: [] };
  let inTitle = false;
  let title = '';
  let ld: string[] | undefined;
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, a) {
        if (++depth > MAX_DEPTH && !scan.tooDeep) {
          scan.tooDeep = true;
          parser.pause();
        }
        if (name === 'html') scan.lang = (a.lang ?? '').toLowerCase();
        else if (name === 'title' && scan.title === undefined) inTitle = true;
        else if (name === 'meta') {
          const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
          if (key && a.content !== undefined && !scan.meta.has(key)) scan.meta.set(key, a.content);
        } else if (name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '')) scan.canonical ??= a.href;
        else if (name === 'script' && /^\s*application\/ld\+json\s*(?:;|$)/i.test(a.type ?? '')) ld = [];
      },
      ontext(data) {
        if (inTitle) title += data;
        if (ld) ld.push(data);
      },
      onclosetag(name) {
        depth--;
        if (name === 'title' && inTitle) {
          inTitle = false;
          scan.title = title.replace(/\s+/g, ' ').trim();
        } else if (name === 'script' && ld) {
          scan.jsonLd.push(ld.join(''));
          ld = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (!scan.tooDeep) parser.end();
  return scan;
}
