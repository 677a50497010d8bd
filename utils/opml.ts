// OPML: the subscription list format every feed reader speaks. Export writes the feed sources.
// Import reads every entry first: the good ones are added in one transaction, each bad one is listed
// with its reason, and each feed already in the list (under any spelling) is skipped and said.
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import type { Source } from './model';
import type { NewsDb } from './db/schema';
import { addSourcesAtomically, cleanFolder, type ImportResult, type NewSource, type SourceRepeat } from './db/sources';
import { readHttpUrl } from './validate';
import { inOpml } from './sources/kinds';
import { feedKey } from './normalize/feed-address';
import { decodeEntities } from './normalize/text';
import type { Problem } from './problems';
import { FOLDER_SEPARATOR } from './folder-path';

// Nested folders are kept as one name, "Outer / Inner" (FOLDER_SEPARATOR); export turns it back into nested outlines.

type OutOutline = { text: string; title?: string; type?: string; xmlUrl?: string; htmlUrl?: string; outlines?: OutOutline[] };

/**
 * The sources as an OPML 2.0 document, in their folders. Only the kinds whose row says `opml` (feeds):
 * other readers cannot use a news API (it needs a key) nor a followed live page (a web page, not a feed).
 */
export function exportOpml(sources: readonly Source[], now = Date.now()): string {
  const feeds = sources.filter((s) => inOpml(s.kind));
  if (feeds.length === 0) throw new OpmlError('noFeeds', 'there are no feed sources to export');
  const root: OutOutline[] = [];
  const folders = new Map<string, OutOutline[]>([['', root]]);
  const childrenOf = (path: string): OutOutline[] => {
    const known = folders.get(path);
    if (known) return known;
    const cut = path.lastIndexOf(FOLDER_SEPARATOR);
    const parent = childrenOf(cut < 0 ? '' : path.slice(0, cut));
    const name = cut < 0 ? path : path.slice(cut + FOLDER_SEPARATOR.length);
    const folder: OutOutline = { text: name, title: name, outlines: [] };
    parent.push(folder);
    folders.set(path, folder.outlines!);
    return folder.outlines!;
  };
  for (const s of feeds) {
    childrenOf(s.folder ?? '').push({
      text: s.name,
      title: s.name,
      type: 'rss',
      xmlUrl: s.url,
      ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
    });
  }
  return generateOpml({
    head: { title: 'Newsbar subscriptions', dateCreated: new Date(now) },
    body: { outlines: root },
  });
}

/** Problems of the whole file (nothing in it can be imported). */
export type OpmlErrorCode = 'notOpml' | 'noFeeds' | 'tooMany';

export class OpmlError extends Error {
  constructor(readonly code: OpmlErrorCode, message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

export const MAX_IMPORT = 500;

type Outline = Opml.Outline<string>;

/** An entry of the file that cannot be imported, and why. */
export interface OpmlBadEntry {
  name: string;
  address: string;
  problem: Problem;
}

/** An entry that is a feed already listed: in the user's list (`as` its name there) or earlier in the file. */
export type OpmlRepeat = SourceRepeat;

export interface OpmlReading {
  sources: NewSource[];
  bad: OpmlBadEntry[];
  /** Entries repeating an earlier entry of the same file. */
  repeats: OpmlRepeat[];
}

/** Every feed outline with the path of folders it sits in. */
function flatten(outlines: Outline[] | undefined, folder: string[] = [], out: Array<{ o: Outline; folder: string[] }> = []) {
  for (const o of outlines ?? []) {
    if (o.xmlUrl !== undefined || (o.type ?? '').toLowerCase() === 'rss') out.push({ o, folder });
    const name = cleanFolder(o.title || o.text);
    // A feed outline with children files them beside itself; a plain outline is a folder.
    flatten(o.outlines, o.xmlUrl === undefined && (o.type ?? '').toLowerCase() !== 'rss' && name ? [...folder, name.split(FOLDER_SEPARATOR).join(' - ')] : folder, out);
  }
  return out;
}

/** The file's own address, when it says it (xml:base on <opml> or <body>). */
function ownBase(text: string): string | undefined {
  const m = /<(?:opml|body)\b[^>]*\sxml:base\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(text);
  const v = m ? decodeEntities(m[1] ?? m[2] ?? '') : '';
  return v && /^https?:\/\//i.test(v) ? v : undefined;
}

/** An entry's address as an http(s) URL, resolved against the file's address when it has one. */
function entryUrl(raw: string, base: string | undefined): { url: string } | { problem: Problem } {
  const s = raw.trim();
  if (!s) return { problem: { code: 'noAddress' } };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(s);
  if (base && !hasScheme) {
    try {
      return readHttpUrl(new URL(s, base).href);
    } catch {
      return { problem: { code: 'invalidUrl' } };
    }
  }
  return readHttpUrl(s);
}

/**
 * Reads an OPML file: its feeds (the first of each feed only), its bad entries with the reason, and its
 * repeats. Throws OpmlError only when the file as a whole cannot be used. `baseUrl`: where the file came from.
 */
export function readOpml(text: string, opts: { baseUrl?: string } = {}): OpmlReading {
  let doc: ReturnType<typeof parseOpml>;
  try {
    doc = parseOpml(text);
  } catch {
    throw new OpmlError('notOpml', 'this file is not an OPML subscription list');
  }
  const outlines = flatten(doc.body?.outlines as Outline[] | undefined);
  if (outlines.length === 0) throw new OpmlError('noFeeds', 'this OPML file lists no feeds');
  if (outlines.length > MAX_IMPORT) throw new OpmlError('tooMany', `this file lists more than ${MAX_IMPORT} feeds`);
  const base = opts.baseUrl ?? ownBase(text);
  const seen = new Map<string, string>();
  const out: OpmlReading = { sources: [], bad: [], repeats: [] };
  for (const { o, folder } of outlines) {
    const name = (o.title || o.text || '').trim();
    const address = (o.xmlUrl ?? '').trim();
    const r = entryUrl(address, base);
    if ('problem' in r) {
      out.bad.push({ name, address, problem: r.problem });
      continue;
    }
    const key = feedKey(r.url);
    const first = seen.get(key);
    if (first !== undefined) {
      out.repeats.push({ name, url: r.url, as: first });
      continue;
    }
    seen.set(key, name || r.url);
    out.sources.push(folder.length ? { name, url: r.url, kind: 'feed', folder: folder.join(FOLDER_SEPARATOR) } : { name, url: r.url, kind: 'feed' });
  }
  return out;
}

/** Imports the good entries of a read OPML file (one transaction); the caller shows `reading.bad`. */
export async function importOpml(db: NewsDb, reading: OpmlReading, now = Date.now()): Promise<ImportResult> {
  return addSourcesAtomically(db, reading.sources, now);
}
