// schema.org live blogs in microdata: itemprop="liveBlogUpdate" blocks, their properties read from
// content/datetime/href attributes or the element's own text.
import type { Document, Element } from './html';
import { attr, elements, innerHtml, textOf } from './html';

const hasProp = (el: Element, name: string) => (el.attribs.itemprop ?? '').toLowerCase().split(/\s+/).includes(name);

/** The property elements of an item: its descendants with itemprop, not those of items nested in it. */
export function itemProps(item: Element): Map<string, Element> {
  const props = new Map<string, Element>();
  const stack = [...item.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    for (const p of (n.attribs.itemprop ?? '').toLowerCase().split(/\s+/).filter(Boolean)) if (!props.has(p)) props.set(p, n);
    if (n.attribs.itemscope !== undefined) continue;
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

export function microdataLiveBlog(doc: Document): { updates: MicrodataUpdate[]; coverageEnd?: string; headline?: string; found: boolean } {
  const updates: MicrodataUpdate[] = [];
  let coverageEnd: string | undefined;
  let headline: string | undefined;
  let found = false;
  for (const el of elements(doc)) {
    if (/LiveBlogPosting$/i.test(el.attribs.itemtype ?? '')) {
      found = true;
      const props = itemProps(el);
      coverageEnd ??= propValue(props.get('coverageendtime'));
      headline ??= propValue(props.get('headline'));
    }
    if (!hasProp(el, 'liveblogupdate')) continue;
    const props = itemProps(el);
    const bodyEl = props.get('articlebody') ?? props.get('text');
    // Without an articleBody the update's own markup is its body, less its metadata.
    const body = bodyEl
      ? innerHtml(bodyEl)
      : innerHtml(el, (c) => c.name === 'meta' || c.name === 'time' || (c.attribs.itemprop ?? '').toLowerCase().split(/\s+/).some((p) => META_PROPS.has(p)));
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
