// One update of a live page, however it was found -> one breaking item with a stable id.
import type { ParsedItem } from '../../model';
import { hashString } from '../../normalize/ids';
import { decodeEntities, htmlToText } from '../../normalize/text';
import { absoluteUrl } from '../../normalize/url';
import { absolutizeHtml, cleanText, textToHtml } from '../item-text';
import { finishItem, type ItemDraft } from '../item-draft';

export interface LiveUpdate {
  /** The update's @id, itemid or URL, when it has one of its own. */
  id?: string;
  url?: string;
  /** An anchor on the page (an element id), for a link when the update has no URL. */
  anchor?: string;
  headline?: string;
  /** HTML (or text with entities) of the update. */
  body: string;
  published?: number;
  /** The time as written, for the id of an update without one ("" for "2 hours ago": it moves). */
  stamp: string;
  author?: string;
  imageUrl?: string;
}

export const TITLE_MAX = 120;

/** The first sentence of a text, cut at a word to at most `max` characters. */
export function firstSentence(text: string, max = TITLE_MAX): string {
  const t = cleanText(text);
  // A sentence ends at . ! ? … followed by a capital (or the end); not at "Mr." in the first words.
  const m = /^(.{15,}?[.!?…])(?=\s+["“‘(]?[\p{Lu}\d]|\s*$)/u.exec(t);
  const sentence = m ? m[1] : t;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

const HAS_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i;

/** An articleBody may be HTML, or text that still holds entities: HTML out either way (untrusted). */
export function bodyHtml(body: string, base: string): string {
  if (HAS_TAG.test(body)) return absolutizeHtml(body.trim(), base);
  return textToHtml(decodeEntities(body));
}

function isOwnUrl(u: string, pageUrl: string): boolean {
  return !!u && u !== pageUrl;
}

export function updateToItem(u: LiveUpdate, pageUrl: string): ParsedItem | undefined {
  const html = bodyHtml(u.body ?? '', pageUrl);
  const text = htmlToText(html);
  const headline = htmlToText(u.headline ?? '');
  if (!headline && !text) return undefined;
  const ownUrl = absoluteUrl(u.url ?? '', pageUrl);
  const idUrl = absoluteUrl(u.id ?? '', pageUrl);
  const anchorUrl = u.anchor && pageUrl ? `${pageUrl.replace(/#.*$/, '')}#${encodeURIComponent(u.anchor)}` : '';
  const link = [ownUrl, idUrl, anchorUrl].find((x) => x && isOwnUrl(x, pageUrl)) || pageUrl;
  // Identity: the update's own @id or URL; else its anchor; else its time as written and its text.
  const guid =
    (u.id && (idUrl || cleanText(u.id))) ||
    (ownUrl && isOwnUrl(ownUrl, pageUrl) ? ownUrl : '') ||
    anchorUrl ||
    `live:${hashString(`${u.stamp}|${headline}|${text}`)}`;
  const item: ItemDraft = {
    guid,
    title: headline || firstSentence(text),
    url: link,
    summaryHtml: html,
    contentHtml: '',
    categories: [],
    breaking: true,
  };
  if (u.published !== undefined) item.published = u.published;
  const author = cleanText(u.author);
  if (author) item.author = author;
  const img = absoluteUrl(u.imageUrl ?? '', pageUrl);
  if (img) item.imageUrl = img;
  // The same finish and limits as every adapter's items: an update that runs long keeps its text as the body.
  return finishItem(item);
}
