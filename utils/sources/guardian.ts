// The Guardian Content API (content.guardianapis.com/search, show-fields=trailText,body,thumbnail,byline).
import { parseDate } from '../normalize/dates';
import { htmlToText } from '../normalize/text';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import type { ParsedItem } from '../model';
import { SourceApiError, SourceFormatError, maskKey, redactKey } from './errors';
import { finishItem } from './item-draft';
import { cleanCategories, cleanText } from './item-text';
import { firstSentence } from './live/update';
import { apiObject, str, type ApiParseOptions, type ApiRequest } from './newsapi';
import type { ParsedSourceFeed } from './types';

export const GUARDIAN_BASE = 'https://content.guardianapis.com/search';
export const GUARDIAN_FIELDS = 'trailText,body,thumbnail,byline';
/** A single live blog (not a search) is read block by block: its latest 50 blocks, newest first. */
export const GUARDIAN_BLOCKS = 'body:latest:50';

/** Request for the Guardian: a content.guardianapis.com URL or a search query. The key goes in `api-key`. */
export function guardianRequest(baseUrlOrQuery: string, apiKey: string): ApiRequest {
  const q = (baseUrlOrQuery ?? '').trim();
  const url = new URL(/^https?:\/\//i.test(q) ? q : GUARDIAN_BASE);
  if (q && !/^https?:\/\//i.test(q)) url.searchParams.set('q', q);
  if (!url.searchParams.has('show-fields')) url.searchParams.set('show-fields', GUARDIAN_FIELDS);
  if (!url.searchParams.has('order-by')) url.searchParams.set('order-by', 'newest');
  if (!url.searchParams.has('page-size')) url.searchParams.set('page-size', '50');
  // A content item's address (a live blog followed on its own) brings its blocks: one update each.
  if (/\/\d{4}\/[a-z]{3}\/\d{2}\/./.test(url.pathname) && !url.searchParams.has('show-blocks')) url.searchParams.set('show-blocks', GUARDIAN_BLOCKS);
  url.searchParams.set('api-key', apiKey);
  const display = new URL(url.href);
  display.searchParams.set('api-key', maskKey(apiKey));
  return { url: url.href, headers: {}, displayUrl: display.href };
}

/** A Guardian Content API response -> items. Error answers -> SourceApiError (key redacted). */
export function parseGuardian(data: unknown, opts: ApiParseOptions = {}): ParsedSourceFeed {
  const o = apiObject(data, 'Guardian API');
  const key = opts.apiKey ?? '';
  const resp = (o.response && typeof o.response === 'object' ? o.response : undefined) as Record<string, unknown> | undefined;
  if (!resp) {
    // The API gateway answers a bad key with {"message": "..."}.
    if (typeof o.message === 'string') throw new SourceApiError('The Guardian API', redactKey(cleanText(o.message), key));
    throw new SourceFormatError('this is not a Guardian API response: it has no "response"', { field: 'response', problem: { code: 'notApi', api: 'The Guardian API' } });
  }
  if (resp.status === 'error') {
    const message = cleanText(str(resp.message)) || 'the API answered with an error';
    throw new SourceApiError('The Guardian API', redactKey(message, key));
  }
  const results = Array.isArray(resp.results) ? resp.results : resp.content ? [resp.content] : undefined;
  if (!results) throw new SourceFormatError('this Guardian API response has no results', { field: 'response.results', problem: { code: 'noItems' } });
  const items: ParsedItem[] = [];
  let skipped = 0;
  for (const raw of results as unknown[]) {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const f = (r.fields && typeof r.fields === 'object' ? r.fields : {}) as Record<string, unknown>;
    const blocks = liveBlocks(r, opts.now);
    if (blocks) {
      items.push(...blocks.items);
      skipped += blocks.skipped;
      continue;
    }
    const item = finishItem({
      guid: str(r.id),
      title: htmlToText(str(r.webTitle) ?? str(f.headline) ?? ''),
      url: canonicalUrl(str(r.webUrl) ?? ''),
      summaryHtml: str(f.trailText) ?? '',
      contentHtml: str(f.body) ?? '',
      author: str(f.byline),
      imageUrl: absoluteUrl(str(f.thumbnail) ?? '') || undefined,
      published: parseDate(r.webPublicationDate, opts.now),
      categories: cleanCategories([str(r.sectionName), str(r.pillarName)]),
      // The Guardian's live blogs are its breaking coverage.
      breaking: r.type === 'liveblog',
    });
    if (item) items.push(item);
    else skipped++;
  }
  return { kind: 'guardian', title: 'The Guardian', siteUrl: 'https://www.theguardian.com/', items, skipped };
}

/** A live blog that came with its blocks (show-blocks): one breaking update per block, or undefined. */
function liveBlocks(r: Record<string, unknown>, now: number | undefined): { items: ParsedItem[]; skipped: number } | undefined {
  const b = r.blocks && typeof r.blocks === 'object' ? (r.blocks as Record<string, unknown>) : undefined;
  if (r.type !== 'liveblog' || !b || !Array.isArray(b.body) || b.body.length === 0) return undefined;
  const pageUrl = canonicalUrl(str(r.webUrl) ?? '');
  const out: ParsedItem[] = [];
  let skipped = 0;
  for (const raw of b.body as unknown[]) {
    const block = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const id = str(block.id);
    const html = str(block.bodyHtml) ?? '';
    const text = cleanText(str(block.bodyTextSummary)) || htmlToText(html);
    const title = htmlToText(str(block.title) ?? '') || firstSentence(text);
    if (!id || !title || block.published === false) {
      skipped++;
      continue;
    }
    // Through the same limits as every other item (a block id can be any length).
    const item = finishItem({
      guid: `${str(r.id) ?? pageUrl}#block-${id}`,
      title,
      // The Guardian's own permalink to one block of a live blog.
      url: pageUrl ? `${pageUrl}?page=with:block-${id}#block-${id}` : '',
      summaryHtml: html,
      contentHtml: '',
      published: parseDate(block.firstPublishedDate ?? block.publishedDate ?? block.createdDate, now),
      categories: cleanCategories([str(r.sectionName)]),
      breaking: true,
    });
    if (item) out.push(item);
    else skipped++;
  }
  return { items: out, skipped };
}
