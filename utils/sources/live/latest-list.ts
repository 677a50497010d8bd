// A page without structured data may still list its updates: a "Latest" list of blocks (list items,
// cards) that each hold one date or time and a line of text. Navigation, footers, forms, newsletter
// boxes and the article's own byline (one date, not a repeated block) are not updates.
import type { Document, Element } from './html';
import { attr, childElements, elements, hasAncestor, textOf } from './html';
import { looksLikeStamp, readPageDate, type PageClock } from './page-dates';

export interface ListUpdate {
  el: Element;
  stamp: string;
  published: number;
  relative: boolean;
  headline?: string;
  text: string;
  href?: string;
  anchor?: string;
}

const NOT_CONTENT = new Set(['nav', 'footer', 'form', 'header', 'menu', 'select', 'button', 'script', 'style', 'template', 'noscript']);
const NOT_CONTENT_CLASS = /(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|nav|navbar|navigation|menu|footer|byline|author|share|sharing|social|cookie|consent|breadcrumbs?|promo|advert|ad|ads|paywall|comments?)(?:$|[\s_-])/i;

function excluded(el: Element): boolean {
  return NOT_CONTENT.has(el.name) || NOT_CONTENT_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`) || el.attribs.role === 'navigation' || el.attribs.role === 'contentinfo';
}

/** The one stamp of a block: a <time>, or a short element whose whole text is a date or time. */
function stampOf(block: Element, clock: PageClock): { el: Element; raw: string; ms: number; relative: boolean } | undefined {
  for (const el of elements(block)) {
    if (el.name === 'time') {
      const raw = attr(el, 'datetime')?.trim() || textOf(el);
      const d = readPageDate(raw, clock) ?? readPageDate(textOf(el), clock);
      if (d) return { el, raw, ...d };
      continue;
    }
    if (el.name === 'a' || el.name === 'script' || el.name === 'style') continue;
    // A leaf-like element (its text is all in itself) holding only a date: "8:37 PM", "2 hours ago".
    if (el.children.some((c) => c.type === 'tag' && !/^(?:b|strong|span|em|i|abbr)$/.test(c.name))) continue;
    const text = textOf(el);
    if (!looksLikeStamp(text)) continue;
    const d = readPageDate(text, clock);
    if (d) return { el, raw: text, ...d };
  }
  return undefined;
}

function signature(el: Element): string {
  return `${el.name}.${(el.attribs.class ?? '').trim().split(/\s+/)[0] ?? ''}`;
}

/** The repeated, timestamped blocks of the page's best list (the one with the most of them). */
export function latestListUpdates(doc: Document, clock: PageClock): ListUpdate[] {
  let best: ListUpdate[] = [];
  for (const container of elements(doc)) {
    const kids = childElements(container);
    if (kids.length < 3 || excluded(container) || hasAncestor(container, excluded)) continue;
    const groups = new Map<string, Element[]>();
    for (const k of kids) {
      if (excluded(k)) continue;
      const sig = signature(k);
      const g = groups.get(sig);
      if (g) g.push(k);
      else groups.set(sig, [k]);
    }
    for (const group of groups.values()) {
      if (group.length < 3 || group.length <= best.length) continue;
      const found: ListUpdate[] = [];
      for (const block of group) {
        const st = stampOf(block, clock);
        if (!st) continue;
        const inner = [...elements(block)];
        const heading = inner.find((e) => /^h[2-6]$/.test(e.name) && e !== st.el && !hasAncestor(st.el, (a) => a === e));
        const headline = heading ? textOf(heading) : undefined;
        const text = textOf(block, (e) => e === st.el || e === heading || excluded(e));
        if (!headline && text.length < 8) continue;
        const link = inner.find((e) => e.name === 'a' && attr(e, 'href') && !attr(e, 'href')!.startsWith('#'));
        found.push({
          el: block,
          stamp: st.relative ? '' : st.raw,
          published: st.ms,
          relative: st.relative,
          headline: headline || undefined,
          text,
          href: link ? attr(link, 'href') : undefined,
          anchor: attr(block, 'id'),
        });
      }
      // Most blocks of the group carry a stamp: a list of updates, not a list that happens to hold a date.
      if (found.length >= 3 && found.length >= group.length * 0.6 && found.length > best.length) best = found;
    }
  }
  return best;
}
