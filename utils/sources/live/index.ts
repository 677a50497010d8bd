// A live page (an HTML page whose updates Newsbar follows) -> one breaking item per update.
// Where updates are found, in this order: schema.org LiveBlogPosting in JSON-LD, the same in microdata,
// then a timestamped "Latest" list.
import type { ParsedItem } from '../../model';
import { htmlToText } from '../../normalize/text';
import { absoluteUrl } from '../../normalize/url';
import { cleanText, escapeHtml } from '../item-text';
import { NoLiveUpdatesError, SourceFormatError } from '../errors';
import type { ParseOptions, ParsedSourceFeed } from '../types';
import { MAX_DEPTH, parseHtml, scanPage, type PageScan } from './html';
import { allNodes, jsonLdBlocks, list, str, typesOf, type Json } from './jsonld';
import { latestListUpdates } from './latest-list';
import { microdataLiveBlog } from './microdata';
import { offsetOfIso, readPageDate, userOffsetMin, type PageClock } from './page-dates';
import { updateToItem, type LiveUpdate } from './update';

export { firstSentence } from './update';

/** More updates than this on one page: the newest are kept (the store keeps 500 per source anyway). */
export const MAX_UPDATES = 500;

export interface LiveParseOptions extends ParseOptions {
  /** The user's offset from UTC in minutes (east positive); by default the runtime's own zone. */
  userOffsetMin?: number;
}

export interface ParsedLivePage extends ParsedSourceFeed {
  kind: 'live';
  /** When the page says its coverage ends (coverageEndTime), UTC ms. */
  coverageEnd?: number;
  /** Where the updates were found. */
  via: 'json-ld' | 'microdata' | 'list';
}

interface PageMeta {
  url: string;
  title?: string;
  publishedTime?: string;
  lang: string;
}

function pageMeta(scan: PageScan, baseUrl: string | undefined): PageMeta {
  const url = absoluteUrl(baseUrl ?? '', undefined) || absoluteUrl(scan.canonical ?? '', undefined) || '';
  return { url, title: cleanText(scan.meta.get('og:title')) || cleanText(scan.title) || undefined, publishedTime: scan.meta.get('article:published_time'), lang: scan.lang };
}

/** The page's own offset: from its JSON-LD dates, else article:published_time. */
function pageOffset(nodes: Json[], meta: PageMeta): number | undefined {
  for (const n of nodes) {
    for (const k of ['datePublished', 'dateModified', 'coverageStartTime', 'dateCreated']) {
      const s = str(n[k]);
      const off = s ? offsetOfIso(s) : undefined;
      if (off !== undefined) return off;
    }
  }
  return meta.publishedTime ? offsetOfIso(meta.publishedTime) : undefined;
}

function fromJsonLd(nodes: Json[], byId: Map<string, Json>, clock: PageClock) {
  const blogs = nodes.filter((n) => typesOf(n).includes('LiveBlogPosting'));
  const updates: LiveUpdate[] = [];
  let coverageEnd: number | undefined;
  let title: string | undefined;
  for (const blog of blogs) {
    title ??= htmlToText(str(blog.headline) ?? str(blog.name) ?? '') || undefined;
    const end = str(blog.coverageEndTime);
    if (end) coverageEnd ??= readPageDate(end, clock)?.ms;
    for (const ref of list(blog.liveBlogUpdate)) {
      let o = ref && typeof ref === 'object' ? (ref as Json) : typeof ref === 'string' ? { '@id': ref } : undefined;
      if (!o) continue;
      const id = str(o['@id']);
      if (id && Object.keys(o).length === 1) o = byId.get(id) ?? o;
      const raw = str(o.datePublished) ?? str(o.dateCreated) ?? str(o.uploadDate) ?? str(o.dateModified) ?? '';
      const date = raw ? readPageDate(raw, clock) : undefined;
      updates.push({
        id: str(o['@id']),
        url: str(o.url),
        headline: str(o.headline) ?? str(o.name),
        body: str(o.articleBody) ?? str(o.text) ?? str(o.description) ?? '',
        published: date?.ms,
        stamp: date?.relative ? '' : raw,
        author: str(o.author),
        imageUrl: str(o.image),
      });
    }
  }
  return { found: blogs.length > 0, updates, coverageEnd, title };
}

/** Parse a live page. Throws NoLiveUpdatesError when the page has none (and nothing is added). */
export function parseLivePage(html: string, opts: LiveParseOptions = {}): ParsedLivePage {
  const now = opts.now ?? Date.now();
  const scan = scanPage(html);
  if (scan.tooDeep) throw new SourceFormatError(`this page is nested too deeply to read (over ${MAX_DEPTH} levels)`, { problem: { code: 'tooDeep', levels: MAX_DEPTH } });
  const meta = pageMeta(scan, opts.baseUrl);
  const { nodes, byId } = allNodes(jsonLdBlocks(scan.jsonLd));
  const clock: PageClock = {
    now,
    offsetMin: pageOffset(nodes, meta) ?? opts.userOffsetMin ?? userOffsetMin(now),
    // US English writes the month first; most other languages the day.
    dayFirst: meta.lang !== '' && !/^en(?:-us)?$/.test(meta.lang),
  };
  const pageUrl = meta.url;

  let via: ParsedLivePage['via'] = 'json-ld';
  const ld = fromJsonLd(nodes, byId, clock);
  let updates = ld.updates;
  let coverageEnd = ld.coverageEnd;
  let title = ld.title;
  // Only now, when the JSON-LD held no updates, is the page's markup read as a tree.
  const doc = updates.length === 0 ? parseHtml(html) : undefined;
  if (doc) {
    const md = microdataLiveBlog(doc);
    via = 'microdata';
    title ??= md.headline ? htmlToText(md.headline) : undefined;
    if (md.coverageEnd) coverageEnd ??= readPageDate(md.coverageEnd, clock)?.ms;
    updates = md.updates.map((u) => {
      const d = u.date ? readPageDate(u.date, clock) : undefined;
      return { id: u.id, url: u.url, anchor: u.anchor, headline: u.headline, body: u.body, published: d?.ms, stamp: d?.relative ? '' : u.date ?? '', author: u.author, imageUrl: u.image };
    });
  }
  if (doc && updates.length === 0) {
    via = 'list';
    updates = latestListUpdates(doc, clock).map((u) => ({
      url: u.href,
      anchor: u.anchor,
      headline: u.headline,
      body: u.text ? `<p>${escapeHtml(u.text)}</p>` : '',
      published: u.published,
      stamp: u.stamp,
    }));
  }

  const items: ParsedItem[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const u of updates) {
    const it = updateToItem(u, pageUrl);
    if (!it) {
      skipped++;
      continue;
    }
    // A pinned update is often on the page twice: keep it once.
    if (seen.has(it.guid!)) continue;
    seen.add(it.guid!);
    items.push(it);
  }
  if (items.length === 0) throw new NoLiveUpdatesError();
  items.sort((a, b) => (b.published ?? 0) - (a.published ?? 0));
  const out: ParsedLivePage = { kind: 'live', items: items.slice(0, MAX_UPDATES), skipped, via };
  const pageTitle = title || meta.title;
  if (pageTitle) out.title = pageTitle;
  if (pageUrl) out.siteUrl = new URL(pageUrl).origin + '/';
  if (coverageEnd !== undefined) out.coverageEnd = coverageEnd;
  return out;
}
