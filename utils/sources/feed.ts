// RSS 2.0 / 0.9x, RSS 1.0 RDF and Atom 1.0 / 0.3 (and JSON Feed, via json-feed.ts) -> normalized items.
// feedsmith does the XML/JSON reading (it runs without DOMParser); this module maps its shapes to
// ParsedItem and turns its failures into errors a user can read (with the line of broken XML).
// The namespaces read below are listed in ./feed-namespaces.ts: the build leaves out feedsmith's readers of the others.
import { parseFeed, type AnyFeed, type AtomFeed, type MediaNs, type RdfFeed, type RssFeed } from 'feedsmith';
import { parseDate } from '../normalize/dates';
import { htmlToText } from '../normalize/text';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import { detectKind, jsonShape } from './detect';
import { SourceFormatError } from './errors';
import { finishFeed, type ItemDraft, type MappedFeed } from './item-draft';
import { absolutizeHtml, cleanCategories, cleanText, textToHtml } from './item-text';
import { mapJsonFeed, parseJsonFeedObject } from './json-feed';
import { parseJsonText } from './json-text';
import { pickImage } from './media';
import type { MapContext, ParseOptions, ParsedSourceFeed } from './types';
import { findXmlProblem } from './xml-check';
import { repairXml } from './xml-repair';

/**
 * Whether an Atom text construct holds markup: Atom 1.0's "html"/"xhtml", and Atom 0.3's MIME types
 * ("text/html", "application/xhtml+xml", any other "+xml").
 */
function isMarkupType(type: string | undefined): boolean {
  const t = (type ?? 'text').trim().toLowerCase();
  return t === 'html' || t === 'xhtml' || t.includes('html') || t.endsWith('+xml');
}

function atomText(t: AtomFeed.Text | undefined): string {
  if (!t?.value) return '';
  return isMarkupType(t.type) ? htmlToText(t.value) : cleanText(t.value);
}

function atomHtml(t: AtomFeed.Text | AtomFeed.Content | undefined): string {
  if (!t?.value) return '';
  return isMarkupType(t.type) ? t.value : textToHtml(t.value);
}

/**
 * A title from the namespaces some feeds use instead of their format's own: Dublin Core's dc:title,
 * Media RSS's media:title (on the item or in its first group that has one).
 */
function namespacedTitle(dc: { titles?: string[] } | undefined, media: MediaNs.ItemOrFeed | undefined): string {
  const dcTitle = dc?.titles?.map((t) => htmlToText(t)).find(Boolean);
  if (dcTitle) return dcTitle;
  const mt = media?.title ?? media?.groups?.find((g) => g.title?.value)?.title;
  if (!mt?.value) return '';
  return mt.type === 'html' ? htmlToText(mt.value) : cleanText(mt.value);
}

function atomAlternate(links: AtomFeed.Link<string>[] | undefined, base: string | undefined): string {
  if (!links?.length) return '';
  const alt = links.filter((l) => !l.rel || l.rel === 'alternate');
  const pick = alt.find((l) => !l.type || /html/i.test(l.type)) ?? alt[0];
  return pick?.href ? canonicalUrl(pick.href, base) : '';
}

function resolveBase(xmlBase: string | undefined, parent: string | undefined): string | undefined {
  if (!xmlBase) return parent;
  return absoluteUrl(xmlBase, parent) || parent;
}

function mapRss(feed: RssFeed.Feed<string>, ctx: MapContext): MappedFeed {
  const site = absoluteUrl(feed.link ?? '', ctx.base) || undefined;
  const base = site ?? ctx.base;
  const drafts = (feed.items ?? []).map((it): ItemDraft => {
    const guidValue = it.guid?.value;
    let link = it.link ? canonicalUrl(it.link, base) : '';
    if (!link && guidValue && it.guid?.isPermaLink !== false) link = canonicalUrl(guidValue, base);
    const summaryHtml = absolutizeHtml(it.description ?? '', link || base);
    const contentHtml = absolutizeHtml(it.content?.encoded ?? '', link || base);
    const author = it.dc?.creators?.length
      ? it.dc.creators.join(', ')
      : it.authors?.map((a) => a.name ?? a.email ?? '').filter(Boolean).join(', ') || it.itunes?.author;
    return {
      guid: guidValue,
      title: htmlToText(it.title ?? '') || namespacedTitle(it.dc, it.media),
      url: link,
      summaryHtml,
      contentHtml,
      author,
      imageUrl: pickImage(base, it.media, it.enclosures ?? [], it.itunes?.image, [contentHtml, summaryHtml]),
      published: parseDate(it.pubDate, ctx.now) ?? parseDate(it.dc?.dates?.[0], ctx.now)
        ?? parseDate(it.atom?.published, ctx.now) ?? parseDate(it.atom?.updated, ctx.now),
      categories: cleanCategories([...(it.categories ?? []).map((c) => c.name), ...(it.dc?.subjects ?? [])]),
      outlet: it.source?.title,
    };
  });
  return { site, title: htmlToText(feed.title ?? '') || namespacedTitle(feed.dc, feed.media), drafts };
}

function mapRdf(feed: RdfFeed.Feed<string>, ctx: MapContext): MappedFeed {
  const site = absoluteUrl(feed.link ?? '', ctx.base) || undefined;
  const base = site ?? ctx.base;
  const drafts = (feed.items ?? []).map((it): ItemDraft => {
    const summaryHtml = absolutizeHtml(it.description ?? '', base);
    const contentHtml = absolutizeHtml(it.content?.encoded ?? '', base);
    return {
      guid: it.rdf?.about,
      title: htmlToText(it.title ?? '') || namespacedTitle(it.dc, it.media),
      url: it.link ? canonicalUrl(it.link, base) : '',
      summaryHtml,
      contentHtml,
      author: it.dc?.creators?.join(', '),
      imageUrl: pickImage(base, it.media, [], undefined, [contentHtml, summaryHtml]),
      published: parseDate(it.dc?.dates?.[0], ctx.now),
      categories: cleanCategories(it.dc?.subjects ?? []),
    };
  });
  return { site, title: htmlToText(feed.title ?? '') || namespacedTitle(feed.dc, feed.media), drafts };
}

function mapAtom(feed: AtomFeed.Feed<string>, ctx: MapContext): MappedFeed {
  const feedBase = resolveBase(feed.xml?.base, ctx.base);
  const site = atomAlternate(feed.links, feedBase) || undefined;
  const drafts = (feed.entries ?? []).map((e): ItemDraft => {
    const base = resolveBase(e.xml?.base, feedBase ?? site);
    let url = atomAlternate(e.links, base);
    if (!url && e.id && /^https?:\/\//i.test(e.id)) url = canonicalUrl(e.id, base);
    const summaryHtml = absolutizeHtml(atomHtml(e.summary), base);
    const contentHtml = e.content?.src ? '' : absolutizeHtml(atomHtml(e.content), base);
    const enclosures = (e.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => ({ url: l.href, type: l.type }));
    return {
      guid: e.id,
      title: atomText(e.title) || namespacedTitle(e.dc, e.media),
      url,
      summaryHtml,
      contentHtml,
      author: (e.authors ?? feed.authors ?? []).map((a) => a.name ?? '').filter(Boolean).join(', ') || e.dc?.creators?.join(', '),
      imageUrl: pickImage(base, e.media, enclosures, e.itunes?.image, [contentHtml, summaryHtml]),
      published: parseDate(e.published, ctx.now) ?? parseDate(e.updated, ctx.now) ?? parseDate(e.dc?.dates?.[0], ctx.now),
      categories: cleanCategories((e.categories ?? []).map((c) => c.label || c.term)),
    };
  });
  return { site, title: atomText(feed.title) || namespacedTitle(feed.dc, feed.media), drafts };
}

/**
 * Parse a feed body (RSS, RDF, Atom or JSON Feed; the format is detected) into normalized items.
 * Throws SourceFormatError with plain words (and the line, for broken XML or JSON).
 */
export function parseFeedText(text: string, opts: ParseOptions = {}): ParsedSourceFeed {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new SourceFormatError('the feed is empty', { problem: { code: 'empty' } });
  const kind = detectKind(body);
  if (kind === 'html') throw new SourceFormatError('this is an HTML page, not a feed', { problem: { code: 'htmlPage' } });
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    const obj = parseJsonText(body);
    if (jsonShape(obj) !== 'json') throw new SourceFormatError('this JSON is not a JSON Feed or a known news API response');
    return parseJsonFeedObject(obj, opts);
  }
  if (first !== '<') throw new SourceFormatError('this is not a feed: it is neither XML nor JSON');
  const ctx: MapContext = { base: opts.baseUrl, now: opts.now };
  // Atom 0.3's base64 text decoded, a comment left open in a title closed with it: see xml-repair.ts.
  const xml = repairXml(body);
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(xml);
  } catch (e) {
    const problem = findXmlProblem(xml, false);
    if (problem) throw new SourceFormatError(problem.message, { ...problem, problem: { code: 'badXml', line: problem.line, column: problem.column } });
    const name = e instanceof Error ? e.name : '';
    throw new SourceFormatError(
      name === 'DetectError' ? 'this XML is not an RSS, Atom or RDF feed' : 'this XML could not be read as a feed',
    );
  }
  // feedsmith reads some broken XML leniently (and silently loses items): unclosed tags are an error.
  const problem = findXmlProblem(xml, true);
  if (problem) throw new SourceFormatError(problem.message, { ...problem, problem: { code: 'badXml', line: problem.line, column: problem.column } });
  switch (parsed.format) {
    case 'rss':
      return finishFeed('rss', mapRss(parsed.feed, ctx));
    case 'rdf':
      return finishFeed('rdf', mapRdf(parsed.feed, ctx));
    case 'atom':
      return finishFeed('atom', mapAtom(parsed.feed, ctx));
    case 'json':
      return finishFeed('json', mapJsonFeed(parsed.feed, ctx));
  }
}
