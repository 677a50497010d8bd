// Reading search feeds' items right (Google News, Bing News, Google Alerts): the publisher suffix of a
// Google News title, redirect links, and Google News summaries that are only the title again and a list
// of related coverage. Pure: strings in, strings out (the worker has no DOM; htmlparser2's tree is
// walked instead). Untrusted HTML stays a string here; what is shown still goes through the sanitizer.
import { attr, find, parseHtml, textOf, type Element } from '../sources/live/html';
import { fold } from '../normalize/text';

/** "Ceasefire talks resume - Reuters" with <source>Reuters</source>: the title without " - Reuters". */
export function stripPublisher(title: string, publisher: string | undefined): string {
  const p = publisher?.trim();
  if (!p) return title;
  for (const sep of [' - ', ' – ', ' — ', ' | ']) {
    const end = `${sep}${p}`;
    if (title.endsWith(end) && title.length > end.length) return title.slice(0, -end.length).trimEnd();
  }
  return title;
}

/**
 * The article's own address behind a Bing News or Google Alerts redirect, or Google News's older link
 * form (news.google.com/news/url?…): its `url=` parameter. Otherwise the link as given: Google News
 * article links (news.google.com/rss/articles/…) are kept as they are, as decoding them would mean
 * asking Google.
 */
export function unwrapRedirect(link: string): string {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return link;
  }
  const host = u.hostname.replace(/^www\./, '');
  const redirect =
    (host === 'bing.com' && /^\/news\/apiclick\.aspx$/i.test(u.pathname)) ||
    (/^google\.[a-z.]+$/.test(host) && u.pathname === '/url') ||
    (host === 'news.google.com' && u.pathname === '/news/url');
  if (!redirect) return link;
  const target = u.searchParams.get('url') ?? u.searchParams.get('q');
  if (!target) return link;
  try {
    const t = new URL(target);
    return t.protocol === 'http:' || t.protocol === 'https:' ? t.href : link;
  } catch {
    return link;
  }
}

export interface RelatedReport {
  title: string;
  url: string;
  outlet?: string;
}

export interface CleanSummary {
  /** What is left to show ("" when the summary only repeated the title or listed coverage). */
  summaryHtml: string;
  /** A Google News <ol> of related coverage, as the item's other reports (the story grouping may use them). */
  related: RelatedReport[];
}

const FULL_COVERAGE = /view full coverage on google news|vollständige berichterstattung|couverture complète/i;
const words = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** One link and the outlet written beside it (Google News: <a>title</a>&nbsp;&nbsp;<font>Outlet</font>). */
function reportOf(li: Element): RelatedReport | undefined {
  const a = find(li, (e) => e.name === 'a' && !!attr(e, 'href'));
  if (!a) return undefined;
  const title = textOf(a).trim();
  if (!title || FULL_COVERAGE.test(title)) return undefined;
  const font = find(li, (e) => e.name === 'font');
  const outlet = font ? textOf(font).trim() || undefined : undefined;
  return { title, url: unwrapRedirect(attr(a, 'href')!), ...(outlet ? { outlet } : {}) };
}

/**
 * Google News descriptions: one linked title with its outlet (the item itself again), or an <ol> of
 * the story's coverage ending in "View Full Coverage on Google News". Neither is a summary: the title's
 * line goes, the list becomes `related` (minus the item itself). Any other summary is kept as it is.
 */
export function cleanGoogleSummary(html: string, title: string): CleanSummary {
  if (!html.trim()) return { summaryHtml: '', related: [] };
  const doc = parseHtml(html);
  const ol = find(doc, (e) => e.name === 'ol' || e.name === 'ul');
  const own = words(title);
  if (ol) {
    const related = ol.children.filter((c): c is Element => c.type === 'tag' && c.name === 'li').map(reportOf).filter((r): r is RelatedReport => !!r);
    return { summaryHtml: '', related: related.filter((r) => words(r.title) !== own) };
  }
  // Only the title again (and its outlet), or the full-coverage link: nothing to show.
  const text = words(textOf(doc));
  const a = find(doc, (e) => e.name === 'a');
  const linked = a ? words(textOf(a)) : '';
  const font = find(doc, (e) => e.name === 'font');
  const outlet = font ? words(textOf(font)) : '';
  const rest = text.replace(linked, '').replace(outlet, '').trim();
  if (FULL_COVERAGE.test(textOf(doc)) || text === own || (linked === own && rest === '')) return { summaryHtml: '', related: [] };
  return { summaryHtml: html, related: [] };
}
