// The last step of every adapter: a draft item (fields read from the source) -> ParsedItem, and a
// list of drafts -> ParsedSourceFeed with the count of dropped items.
import type { FeedKind, ParsedItem } from '../model';
import { htmlToText } from '../normalize/text';
import { breakingOf, cleanText, firstWords } from './item-text';
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
 * Final touches common to every adapter: title fallback, breaking prefix, and the drop rule
 * (no title and no link = nothing to show). Returns undefined for a dropped item.
 */
export function finishItem(d: ItemDraft): ParsedItem | undefined {
  const rawTitle = cleanText(d.title);
  if (!rawTitle && !d.url) return undefined;
  const b = breakingOf(rawTitle, d.categories);
  let title = b.title;
  if (!title) title = firstWords(htmlToText(d.summaryHtml || d.contentHtml)) || '(untitled)';
  const item: ParsedItem = {
    title,
    url: d.url,
    summaryHtml: d.summaryHtml,
    contentHtml: d.contentHtml,
    categories: d.categories,
    breaking: b.breaking || !!d.breaking,
  };
  const guid = cleanText(d.guid);
  if (guid) item.guid = guid;
  const author = cleanText(d.author);
  if (author) item.author = author;
  if (d.imageUrl) item.imageUrl = d.imageUrl;
  if (d.published !== undefined) item.published = d.published;
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
