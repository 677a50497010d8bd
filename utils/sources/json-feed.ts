// JSON Feed 1.0 / 1.1 -> normalized items. A JSON body can reach here already parsed (the poller
// parses JSON once to tell JSON Feed from the news APIs), hence parseJsonFeedObject.
import { parseJsonFeed, type JsonFeed } from 'feedsmith';
import { parseDate } from '../normalize/dates';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import { SourceFormatError } from './errors';
import { finishFeed, type ItemDraft, type MappedFeed } from './item-draft';
import { absolutizeHtml, cleanCategories, cleanText, escapeHtml, textToHtml } from './item-text';
import { pickImage } from './media';
import type { MapContext, ParseOptions, ParsedSourceFeed } from './types';

export function mapJsonFeed(feed: JsonFeed.Feed<string>, ctx: MapContext): MappedFeed {
  const site = absoluteUrl(feed.home_page_url ?? '', ctx.base) || undefined;
  const base = site ?? ctx.base;
  // JSON Feed 1.0 had a single `author`; 1.1 replaced it with `authors`.
  const legacy = feed as { author?: JsonFeed.Author };
  const drafts = (feed.items ?? []).map((it): ItemDraft => {
    const itemLegacy = it as { author?: JsonFeed.Author };
    const contentHtml = it.content_html ? absolutizeHtml(it.content_html, base) : it.content_text ? textToHtml(it.content_text) : '';
    const summaryHtml = it.summary ? escapeHtml(it.summary) : '';
    const authors = it.authors ?? (itemLegacy.author ? [itemLegacy.author] : undefined) ?? feed.authors ?? (legacy.author ? [legacy.author] : []);
    const image = it.image || it.banner_image;
    return {
      guid: it.id !== undefined && it.id !== null ? String(it.id) : undefined,
      title: cleanText(it.title),
      url: canonicalUrl(it.url ?? it.external_url ?? '', base),
      summaryHtml,
      contentHtml,
      author: authors.map((a) => a.name ?? '').filter(Boolean).join(', '),
      imageUrl: (image && absoluteUrl(image, base)) || pickImage(base, undefined,
        (it.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type })), undefined, contentHtml),
      published: parseDate(it.date_published, ctx.now) ?? parseDate(it.date_modified, ctx.now),
      categories: cleanCategories(it.tags ?? []),
    };
  });
  return { site, title: cleanText(feed.title), drafts };
}

const KNOWN_VERSION = /jsonfeed\.org\/version\//i;

/** The `version` member, whatever the case of its name (feedsmith reads member names that way too). */
function versionOf(obj: Record<string, unknown>): { key?: string; value: unknown } {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === 'version');
  return { key, value: key === undefined ? undefined : obj[key] };
}

/**
 * Some feeds write their version as "1.0" or "1.1" instead of JSON Feed's URL. The rest of such a feed
 * is read as usual: the version is put right before feedsmith sees it.
 */
function withKnownVersion(obj: unknown): { feed: unknown; oddVersion?: string } {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { feed: obj };
  const o = obj as Record<string, unknown>;
  const { key, value } = versionOf(o);
  if (key === undefined || (typeof value === 'string' && KNOWN_VERSION.test(value))) return { feed: obj };
  const fixed: Record<string, unknown> = { ...o };
  delete fixed[key];
  fixed.version = 'https://jsonfeed.org/version/1.1';
  return { feed: fixed, oddVersion: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) };
}

/** A JSON Feed object (already parsed) -> items. */
export function parseJsonFeedObject(obj: unknown, opts: ParseOptions = {}): ParsedSourceFeed {
  let feed: JsonFeed.Feed<string>;
  const { feed: input, oddVersion } = withKnownVersion(obj);
  const wrongVersion = oddVersion === undefined ? '' : `this JSON Feed's version ${JSON.stringify(oddVersion).slice(0, 60)} is not a JSON Feed version (https://jsonfeed.org/version/1.1)`;
  const items = input && typeof input === 'object' ? Object.entries(input).find(([k]) => k.toLowerCase() === 'items')?.[1] : undefined;
  if (!Array.isArray(items)) {
    throw new SourceFormatError(wrongVersion ? `${wrongVersion}, and it has no list of items` : 'this JSON Feed has no list of items',
      { field: wrongVersion ? 'version' : 'items', problem: oddVersion !== undefined ? { code: 'jsonFeedVersion', version: oddVersion.slice(0, 40) } : { code: 'noItems' } });
  }
  try {
    feed = parseJsonFeed<string>(input);
  } catch {
    if (oddVersion !== undefined) {
      throw new SourceFormatError(`${wrongVersion}, and it has no readable items`, { field: 'version', problem: { code: 'jsonFeedVersion', version: oddVersion.slice(0, 40) } });
    }
    throw new SourceFormatError('this JSON looks like a JSON Feed but has no readable items', { field: 'items', problem: { code: 'noItems' } });
  }
  return finishFeed('json', mapJsonFeed(feed, { base: opts.baseUrl, now: opts.now }));
}
