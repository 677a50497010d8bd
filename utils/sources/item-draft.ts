// The last step of every adapter: a draft item (fields read from the source) -> ParsedItem, and a
// list of drafts -> ParsedSourceFeed with the count of dropped items.
import type { FeedKind, ParsedItem } from '../model';
import { htmlToText } from '../normalize/text';
import { hashString } from '../normalize/ids';
import { breakingOf, cleanText, escapeHtml, firstWords } from './item-text';
import { AUTHOR_MAX, CATEGORIES_MAX, CATEGORY_MAX, GUID_MAX, URL_MAX, SUMMARY_HTML_MAX, SUMMARY_TEXT_MAX, TITLE_MAX, capField, capText, limitHtml } from './limits';
import type { ParsedSourceFeed } from './types';

/** A ParsedItem as an adapter reads it; `breaking` may be left to the title/category rule. */
export type ItemDraft = Omit<ParsedItem, 'breaking'> & { breaking?: boolean };

/** What a feed mapper reads from one format, before the common finishing. */
export interface MappedFeed {
  site?: string;
  title: string;
  drafts: ItemDraft[];
}

/**
 * A summary longer than a summary is the article itself: it becomes the body (when there is none) and
 * the summary its first words, as text.
 */
function limitSummary(summaryHtml: string, contentHtml: string): { summaryHtml: string; contentHtml: string } {
  // Measured after the limits: closing what a cut or too deep nesting left open can add a few characters.
  const summary = limitHtml(summaryHtml);
  if (summary.length <= SUMMARY_HTML_MAX) return { summaryHtml: summary, contentHtml: limitHtml(contentHtml) };
  return {
    summaryHtml: escapeHtml(capText(htmlToText(summary), SUMMARY_TEXT_MAX)),
    contentHtml: limitHtml(contentHtml || summaryHtml),
  };
}

/** A long id keeps its start and a hash of the whole, so two long ids stay apart. */
function limitGuid(guid: string): string {
  return guid.length <= GUID_MAX ? guid : `${guid.slice(0, GUID_MAX - 12)}#${hashString(guid)}`;
}

/**
 * Final touches common to every adapter: title fallback, breaking prefix, the per-field limits, and the
 * drop rule (no title and no link = nothing to show). Returns undefined for a dropped item.
 */
export function finishItem(d: ItemDraft): ParsedItem | undefined {
  const rawTitle = cleanText(d.title);
  // An address this long is broken (browsers and servers stop far below): the item is known without it.
  const url = d.url.length <= URL_MAX ? d.url : '';
  if (!rawTitle && !url) return undefined;
  const categories = d.categories.slice(0, CATEGORIES_MAX).map((c) => capField(c, CATEGORY_MAX)).filter(Boolean);
  const b = breakingOf(rawTitle, categories);
  const html = limitSummary(d.summaryHtml, d.contentHtml);
  let title = capText(b.title, TITLE_MAX);
  if (!title) title = firstWords(htmlToText(html.summaryHtml || html.contentHtml.slice(0, 4 * SUMMARY_TEXT_MAX))) || '(untitled)';
  const item: ParsedItem = {
    title,
    url,
    summaryHtml: html.summaryHtml,
    contentHtml: html.contentHtml,
    categories,
    breaking: b.breaking || !!d.breaking,
  };
  const guid = cleanText(d.guid);
  if (guid) item.guid = limitGuid(guid);
  const author = capField(d.author, AUTHOR_MAX);
  if (author) item.author = author;
  if (d.imageUrl && d.imageUrl.length <= URL_MAX) item.imageUrl = d.imageUrl;
  if (d.published !== undefined) item.published = d.published;
  const outlet = capField(d.outlet, AUTHOR_MAX);
  if (outlet) item.outlet = outlet;
  return item;
}

/** A mapped feed -> ParsedSourceFeed: finishes every draft and counts the dropped ones. */
export function finishFeed(kind: FeedKind, mapped: MappedFeed): ParsedSourceFeed {
  const items: ParsedItem[] = [];
  let skipped = 0;
  for (const d of mapped.drafts) {
    const it = finishItem(d);
    if (it) items.push(it);
    else skipped++;
  }
  const out: ParsedSourceFeed = { kind, items, skipped };
  if (mapped.title) out.title = mapped.title;
  if (mapped.site) out.siteUrl = mapped.site;
  return out;
}
