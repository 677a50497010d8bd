// schema.org live blogs in microdata: itemprop="liveBlogUpdate" blocks, their properties read from
// content/datetime/href attributes or the element's own text.
import type { Document, Element } from './html';
import { attr, elements, innerHtml, textOf } from './html';

const hasProp = (el: Element, name: string) => (el.attribs.itemprop ?? '').toLowerCase().split(/\s+/).includes(name);

/**
 * The property elements of an item: its descendants with itemprop, not those of items nested in it (nor
 * under an element `stop` accepts).
 */
export function itemProps(item: Element, stop?: (el: Element) => boolean): Map<string, Element> {
  const props = new Map<string, Element>();
  const stack = [...item.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    for (const p of (n.attribs.itemprop ?? '').toLowerCase().split(/\s+/).filter(Boolean)) if (!props.has(p)) props.set(p, n);
    if (n.attribs.itemscope !== undefined || stop?.(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return props;
}

/** A property's value as microdata defines it, by element. */
export function propValue(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  if (el.attribs.content !== undefined) return el.attribs.content;
  if (el.name === 'time') return attr(el, 'datetime') ?? textOf(el);
  if (el.name === 'a' || el.name === 'link' || el.name === 'area') return attr(el, 'href');
  if (el.name === 'img' || el.name === 'source') return attr(el, 'src');
  if (el.name === 'data' || el.name === 'meter') return attr(el, 'value');
  if (el.attribs.itemscope !== undefined) return attr(el, 'itemid') ?? propValue(itemProps(el).get('name'));
  return textOf(el);
}

export interface MicrodataUpdate {
  el: Element;
  id?: string;
  url?: string;
  anchor?: string;
  headline?: string;
  body: string;
  date?: string;
  author?: string;
  image?: string;
}

const META_PROPS = new Set(['headline', 'datepublished', 'datemodified', 'datecreated', 'author', 'url', 'image', 'mainentityofpage', 'publisher']);

/** Postings whose own properties are read: a page has one; a broken one can nest thousands. */
const POSTINGS_READ = 3;

export function microdataLiveBlog(doc: Document): { updates: MicrodataUpdate[]; coverageEnd?: string; headline?: string; found: boolean } {
  const updates: MicrodataUpdate[] = [];
  let coverageEnd: string | undefined;
  let headline: string | undefined;
  let found = false;
  let postings = 0;
  // An update never holds the next ones: when a page leaves its updates unclosed the parser nests them,
  // and each would otherwise carry (and be walked with) all those after it: quadratic in their number.
  const isUpdate = (c: Element) => hasProp(c, 'liveblogupdate');
  for (const el of elements(doc)) {
    if (/LiveBlogPosting$/i.test(el.attribs.itemtype ?? '')) {
      found = true;
      if (postings++ < POSTINGS_READ) {
        const props = itemProps(el, isUpdate);
        coverageEnd ??= propValue(props.get('coverageendtime'));
        headline ??= propValue(props.get('headline'));
      }
    }
    if (!isUpdate(el)) continue;
    const props = itemProps(el, isUpdate);
    const bodyEl = props.get('articlebody') ?? props.get('text');
    // Without an articleBody the update's own markup is its body, less its metadata.
    const body = bodyEl
      ? innerHtml(bodyEl, isUpdate)
      : innerHtml(el, (c) => isUpdate(c) || c.name === 'meta' || c.name === 'time' || (c.attribs.itemprop ?? '').toLowerCase().split(/\s+/).some((p) => META_PROPS.has(p)));
    updates.push({
      el,
      id: attr(el, 'itemid'),
      url: propValue(props.get('url')),
      anchor: attr(el, 'id'),
      headline: propValue(props.get('headline')) ?? propValue(props.get('name')),
      body,
      date: propValue(props.get('datepublished')) ?? propValue(props.get('datecreated')) ?? propValue(props.get('datemodified')),
      author: propValue(props.get('author')),
      image: propValue(props.get('image')),
    });
  }
  return { updates, coverageEnd, headline, found: found || updates.length > 0 };
}
