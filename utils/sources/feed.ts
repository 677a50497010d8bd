// Feeds (RSS 2.0 / 0.9x, RSS 1.0 RDF, Atom 1.0 / 0.3, JSON Feed 1.0 / 1.1) -> normalized items.
// feedsmith does the XML/JSON reading (it runs without DOMParser); this module maps its shapes to
// ParsedItem and turns its failures into errors a user can read (with the line of broken XML).
import { parseFeed, parseJsonFeed, type AnyFeed, type AtomFeed, type JsonFeed, type MediaNs, type RdfFeed, type RssFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import type { FeedKind, ParsedFeed, ParsedItem } from '../model';
import { parseDate } from '../normalize/dates';
import { htmlToText } from '../normalize/text';
import { absoluteUrl, canonicalUrl } from '../normalize/url';
import { detectKind, jsonShape } from './detect';
import { SourceFormatError } from './errors';

export interface ParseOptions {
  /** Where the body came from: relative site links are resolved against it. */
  baseUrl?: string;
  /** Clock for the plausibility check of dates (UTC ms). */
  now?: number;
}

/** ParsedFeed plus what the adapter had to leave out. */
export interface ParsedSourceFeed extends ParsedFeed {
  /** Items dropped because they had neither a title nor a link. */
  skipped: number;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by the news API adapters)

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text -> HTML paragraphs (escaped). */
export function textToHtml(s: string): string {
  const paras = s.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return paras.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

/** Plain text with whitespace collapsed. */
export function cleanText(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** The first words of a text, for items without a title. */
export function firstWords(text: string, maxWords = 12, maxChars = 90): string {
  const words = cleanText(text).split(' ').filter(Boolean);
  let out = '';
  for (const w of words.slice(0, maxWords)) {
    if (out && out.length + 1 + w.length > maxChars) break;
    out = out ? `${out} ${w}` : w;
  }
  return out && out.length < cleanText(text).length ? `${out}…` : out;
}

const BREAKING_PREFIX = /^(?:(?:breaking(?:\s+news)?|live(?:\s+updates?)?)\s*(?:[:：|]|\s[–—-])\s*|BREAKING(?:\s+NEWS)?\s+)/i;
const BREAKING_CATEGORY = /^(?:breaking|breaking[\s_-]news|live|live[\s_-]updates?|breakingnews)$/i;

/** "BREAKING: x" / "Breaking: x" / "LIVE: x" -> breaking, prefix stripped; or a breaking/live category. */
export function breakingOf(title: string, categories: string[]): { title: string; breaking: boolean } {
  let breaking = categories.some((c) => BREAKING_CATEGORY.test(c.trim()));
  let t = title;
  const m = BREAKING_PREFIX.exec(t);
  // "BREAKING " without punctuation only counts when written in capitals (not "Breaking the record").
  if (m && (/[:：|–—]|\s-/.test(m[0]) || /^BREAKING/.test(m[0]))) {
    const rest = t.slice(m[0].length).trim();
    if (rest) {
      t = rest.charAt(0).toUpperCase() + rest.slice(1);
      breaking = true;
    }
  }
  return { title: t, breaking };
}

/** Unique, non-empty, plain-text categories. */
export function cleanCategories(list: Array<string | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of list) {
    const t = htmlToText(c ?? '');
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

/**
 * Make the relative links and image sources of some HTML absolute (against the item's base, xml:base
 * included): once stored, the HTML is shown far from where it came from. Other schemes are left for the
 * sanitizer to judge.
 */
export function absolutizeHtml(html: string, base: string | undefined): string {
  if (!html || !base) return html;
  return html.replace(/(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (all, pre: string, dq?: string, sq?: string) => {
    const v = (dq ?? sq ?? '').trim();
    if (!v || v.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(v)) return all;
    const abs = absoluteUrl(v.replace(/&amp;/g, '&'), base);
    if (!abs) return all;
    const q = dq !== undefined ? '"' : "'";
    return `${pre}${q}${abs.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}${q}`;
  });
}

/** First <img src> of some HTML, as a fallback image. */
export function firstImageIn(html: string, base?: string): string | undefined {
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const url = absoluteUrl((m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&'), base);
    if (url) return url;
  }
  return undefined;
}

export interface ItemDraft {
  guid?: string;
  /** Plain text (already converted). */
  title: string;
  url: string;
  summaryHtml: string;
  contentHtml: string;
  author?: string;
  imageUrl?: string;
  published?: number;
  categories: string[];
  breaking?: boolean;
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

// ---------------------------------------------------------------------------------------------
// JSON with error positions

/** Where a JSON text first goes wrong (engines word JSON.parse errors differently, so we find it ourselves). */
export function locateJsonError(s: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason };
  };
  const ws = () => {
    while (i < s.length && /[ \t\r\n\uFEFF]/.test(s[i])) i++;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === undefined) fail('the JSON ends too early');
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail('expected a property name in double quotes');
        string();
        ws();
        if (s[i] !== ':') fail("expected ':' after a property name");
        i++;
        value();
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') return void i++;
        fail(s[i] === undefined ? 'the JSON ends too early' : "expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') return void i++;
        fail(s[i] === undefined ? 'the JSON ends too early' : "expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(s.slice(i, i + 400));
    if (lit) return void (i += lit[0].length);
    fail(`unexpected character '${c}'`);
  };
  const string = () => {
    i++;
    for (;;) {
      const c = s[i];
      if (c === undefined) fail('a string is not closed');
      if (c === '"') return void i++;
      if (c === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(s.slice(i + 1, i + 6))) fail('bad escape in a string');
        i += s[i + 1] === 'u' ? 6 : 2;
        continue;
      }
      if (c < ' ') fail('a control character inside a string');
      i++;
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail('unexpected text after the end of the JSON');
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as { offset: number; reason: string };
    throw e;
  }
  return { offset: 0, reason: 'not valid JSON' };
}

export function lineColumnAt(s: string, offset: number): { line: number; column: number } {
  const before = s.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** JSON.parse with an error that says where, in words. */
export function parseJsonText(text: string): unknown {
  const s = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(s);
  } catch {
    const { offset, reason } = locateJsonError(s);
    const { line, column } = lineColumnAt(s, offset);
    throw new SourceFormatError(`this is not valid JSON: ${reason} (line ${line}, column ${column})`, { line, column });
  }
}

// ---------------------------------------------------------------------------------------------
// XML well-formedness with line numbers

interface XmlProblem {
  message: string;
  line: number;
  column?: number;
  field?: string;
}

/** Check the XML with fast-xml-parser's validator; returns the problem in plain words, or undefined. */
export function findXmlProblem(text: string, fatalOnly: boolean): XmlProblem | undefined {
  const noBom = text.replace(/^\uFEFF/, '');
  const trimmed = noBom.trimStart();
  const shift = noBom.length - trimmed.length ? noBom.slice(0, noBom.length - trimmed.length).split('\n').length - 1 : 0;
  const res = XMLValidator.validate(trimmed, { allowBooleanAttributes: true });
  if (res === true) return undefined;
  const { code, msg } = res.err;
  const line = res.err.line + shift;
  const column = res.err.col;
  const unclosedAtEnd = code === 'InvalidXml' && /^Invalid '\[/.test(msg);
  if (fatalOnly && code !== 'InvalidTag' && !unclosedAtEnd) return undefined;
  if (unclosedAtEnd) {
    const names = [...msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const tag = names[names.length - 1] ?? 'a tag';
    const last = noBom.split('\n').length;
    return { message: `the feed is not valid XML: it ends (line ${last}) before <${tag}> is closed`, line: last, field: tag };
  }
  let m = /^Expected closing tag '([^']+)' \(opened in line (\d+), col \d+\) instead of closing tag '([^']+)'/.exec(msg);
  if (m) {
    const opened = +m[2] + shift;
    return {
      message: `the feed is not valid XML: <${m[1]}> on line ${opened} is never closed (found </${m[3]}> on line ${line})`,
      line: opened, field: m[1],
    };
  }
  m = /^Closing tag '([^']+)' has not been opened/.exec(msg);
  if (m) return { message: `the feed is not valid XML: </${m[1]}> on line ${line} closes a tag that was never opened`, line, column, field: m[1] };
  const text1 = msg.replace(/\.$/, '');
  return { message: `the feed is not valid XML: ${text1.charAt(0).toLowerCase()}${text1.slice(1)} (line ${line}, column ${column})`, line, column };
}

// ---------------------------------------------------------------------------------------------
// Images

type Media = MediaNs.ItemOrFeed | undefined;

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return /^image\//i.test(type);
  return !!url && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

function largest<T extends { width?: number }>(list: T[]): T | undefined {
  let best: T | undefined;
  for (const x of list) if (!best || (x.width ?? 0) > (best.width ?? 0)) best = x;
  return best;
}

function mediaImage(media: Media, base: string | undefined): string | undefined {
  if (!media) return undefined;
  const groups = media.groups ?? [];
  const contents = [...(media.contents ?? []), ...groups.flatMap((g) => g.contents ?? [])];
  const thumbs = [
    ...(media.thumbnails ?? []),
    ...groups.flatMap((g) => g.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
  ].filter((t) => absoluteUrl(t.url ?? '', base));
  const thumb = largest(thumbs);
  if (thumb?.url) return absoluteUrl(thumb.url, base);
  const images = contents.filter(
    (c) => c.url && absoluteUrl(c.url, base) && (c.medium ? c.medium.toLowerCase() === 'image' : isImageType(c.type, c.url)),
  );
  const img = largest(images);
  return img?.url ? absoluteUrl(img.url, base) : undefined;
}

function pickImage(
  base: string | undefined,
  media: Media,
  candidates: Array<{ url?: string; type?: string }>,
  itunesImage: string | undefined,
  html: string,
): string | undefined {
  const fromMedia = mediaImage(media, base);
  if (fromMedia) return fromMedia;
  for (const c of candidates) {
    if (c.url && isImageType(c.type, c.url)) {
      const u = absoluteUrl(c.url, base);
      if (u) return u;
    }
  }
  if (itunesImage) {
    const u = absoluteUrl(itunesImage, base);
    if (u) return u;
  }
  return firstImageIn(html, base);
}

// ---------------------------------------------------------------------------------------------
// Format mappers

type Ctx = { base?: string; now?: number };

function atomText(t: AtomFeed.Text | undefined): string {
  if (!t?.value) return '';
  return t.type === 'html' || t.type === 'xhtml' || t.type === 'text/html' ? htmlToText(t.value) : cleanText(t.value);
}

function atomHtml(t: AtomFeed.Text | AtomFeed.Content | undefined): string {
  if (!t?.value) return '';
  const type = (t.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type === 'text/html' || type.endsWith('+xml') || type === 'application/xhtml+xml') return t.value;
  return textToHtml(t.value);
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

function mapRss(feed: RssFeed.Feed<string>, ctx: Ctx): { site?: string; title: string; drafts: ItemDraft[] } {
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
      title: htmlToText(it.title ?? ''),
      url: link,
      summaryHtml,
      contentHtml,
      author,
      imageUrl: pickImage(base, it.media, it.enclosures ?? [], it.itunes?.image, contentHtml + summaryHtml),
      published: parseDate(it.pubDate, ctx.now) ?? parseDate(it.dc?.dates?.[0], ctx.now)
        ?? parseDate(it.atom?.published, ctx.now) ?? parseDate(it.atom?.updated, ctx.now),
      categories: cleanCategories([...(it.categories ?? []).map((c) => c.name), ...(it.dc?.subjects ?? [])]),
    };
  });
  return { site, title: htmlToText(feed.title ?? ''), drafts };
}

function mapRdf(feed: RdfFeed.Feed<string>, ctx: Ctx): { site?: string; title: string; drafts: ItemDraft[] } {
  const site = absoluteUrl(feed.link ?? '', ctx.base) || undefined;
  const base = site ?? ctx.base;
  const drafts = (feed.items ?? []).map((it): ItemDraft => {
    const summaryHtml = absolutizeHtml(it.description ?? '', base);
    const contentHtml = absolutizeHtml(it.content?.encoded ?? '', base);
    return {
      guid: it.rdf?.about,
      title: htmlToText(it.title ?? ''),
      url: it.link ? canonicalUrl(it.link, base) : '',
      summaryHtml,
      contentHtml,
      author: it.dc?.creators?.join(', '),
      imageUrl: pickImage(base, it.media, [], undefined, contentHtml + summaryHtml),
      published: parseDate(it.dc?.dates?.[0], ctx.now),
      categories: cleanCategories(it.dc?.subjects ?? []),
    };
  });
  return { site, title: htmlToText(feed.title ?? ''), drafts };
}

function mapAtom(feed: AtomFeed.Feed<string>, ctx: Ctx): { site?: string; title: string; drafts: ItemDraft[] } {
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
      title: atomText(e.title),
      url,
      summaryHtml,
      contentHtml,
      author: (e.authors ?? feed.authors ?? []).map((a) => a.name ?? '').filter(Boolean).join(', ') || e.dc?.creators?.join(', '),
      imageUrl: pickImage(base, e.media, enclosures, e.itunes?.image, contentHtml + summaryHtml),
      published: parseDate(e.published, ctx.now) ?? parseDate(e.updated, ctx.now) ?? parseDate(e.dc?.dates?.[0], ctx.now),
      categories: cleanCategories((e.categories ?? []).map((c) => c.label || c.term)),
    };
  });
  return { site, title: atomText(feed.title), drafts };
}

function mapJson(feed: JsonFeed.Feed<string>, ctx: Ctx): { site?: string; title: string; drafts: ItemDraft[] } {
  const site = absoluteUrl(feed.home_page_url ?? '', ctx.base) || undefined;
  const base = site ?? ctx.base;
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

function finish(kind: FeedKind, mapped: { site?: string; title: string; drafts: ItemDraft[] }): ParsedSourceFeed {
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

/** A JSON Feed object (already parsed) -> items. */
export function parseJsonFeedObject(obj: unknown, opts: ParseOptions = {}): ParsedSourceFeed {
  let feed: JsonFeed.Feed<string>;
  try {
    feed = parseJsonFeed<string>(obj);
  } catch {
    throw new SourceFormatError('this JSON looks like a JSON Feed but has no readable items', { field: 'items' });
  }
  return finish('json', mapJson(feed, { base: opts.baseUrl, now: opts.now }));
}

/**
 * Parse a feed body (RSS, RDF, Atom or JSON Feed; the format is detected) into normalized items.
 * Throws SourceFormatError with plain words (and the line, for broken XML or JSON).
 */
export function parseFeedText(text: string, opts: ParseOptions = {}): ParsedSourceFeed {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new SourceFormatError('the feed is empty');
  const kind = detectKind(body);
  if (kind === 'html') throw new SourceFormatError('this is an HTML page, not a feed');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    const obj = parseJsonText(body);
    if (jsonShape(obj) !== 'json') throw new SourceFormatError('this JSON is not a JSON Feed or a known news API response');
    return parseJsonFeedObject(obj, opts);
  }
  if (first !== '<') throw new SourceFormatError('this is not a feed: it is neither XML nor JSON');
  const ctx: Ctx = { base: opts.baseUrl, now: opts.now };
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(body);
  } catch (e) {
    const problem = findXmlProblem(body, false);
    if (problem) throw new SourceFormatError(problem.message, problem);
    const name = e instanceof Error ? e.name : '';
    throw new SourceFormatError(
      name === 'DetectError' ? 'this XML is not an RSS, Atom or RDF feed' : 'this XML could not be read as a feed',
    );
  }
  // feedsmith reads some broken XML leniently (and silently loses items): unclosed tags are an error.
  const problem = findXmlProblem(body, true);
  if (problem) throw new SourceFormatError(problem.message, problem);
  switch (parsed.format) {
    case 'rss':
      return finish('rss', mapRss(parsed.feed, ctx));
    case 'rdf':
      return finish('rdf', mapRdf(parsed.feed, ctx));
    case 'atom':
      return finish('atom', mapAtom(parsed.feed, ctx));
    case 'json':
      return finish('json', mapJson(parsed.feed, ctx));
  }
}
