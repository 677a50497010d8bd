// OPML: the subscription list format every feed reader speaks. Export writes the feed sources;
// import checks the whole file first and then adds everything in one transaction, so a bad file
// never leaves half an import behind.
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import type { Source } from './model';
import type { NewsDb } from './db/schema';
import { makeSource, type NewSource } from './db/sources';
import { parseHttpUrl } from './validate';
import { isApiKind } from './sources';

/** The sources as an OPML 2.0 document. API sources are left out: other readers cannot use them. */
export function exportOpml(sources: readonly Source[], now = Date.now()): string {
  const feeds = sources.filter((s) => !isApiKind(s.kind));
  if (feeds.length === 0) throw new OpmlError('noFeeds', 'there are no feed sources to export');
  return generateOpml({
    head: { title: 'Newsbar subscriptions', dateCreated: new Date(now) },
    body: {
      outlines: feeds.map((s) => ({
        text: s.name,
        title: s.name,
        type: 'rss',
        xmlUrl: s.url,
        ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
      })),
    },
  });
}

export type OpmlErrorCode = 'notOpml' | 'noFeeds' | 'badUrl' | 'tooMany';

export class OpmlError extends Error {
  constructor(
    readonly code: OpmlErrorCode,
    message: string,
    /** The outline's text, for 'badUrl'. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'OpmlError';
  }
}

export const MAX_IMPORT = 500;

type Outline = Opml.Outline<string>;

function flatten(outlines: Outline[] | undefined, out: Outline[] = []): Outline[] {
  for (const o of outlines ?? []) {
    if (o.xmlUrl !== undefined) out.push(o);
    flatten(o.outlines, out);
  }
  return out;
}

/** Reads an OPML file into new sources (duplicates inside the file dropped); throws OpmlError. */
export function readOpml(text: string): NewSource[] {
  let doc: ReturnType<typeof parseOpml>;
  try {
    doc = parseOpml(text);
  } catch {
    throw new OpmlError('notOpml', 'this file is not an OPML subscription list');
  }
  const outlines = flatten(doc.body?.outlines as Outline[] | undefined);
  if (outlines.length === 0) throw new OpmlError('noFeeds', 'this OPML file lists no feeds');
  if (outlines.length > MAX_IMPORT) throw new OpmlError('tooMany', `this file lists more than ${MAX_IMPORT} feeds`);
  const seen = new Set<string>();
  const out: NewSource[] = [];
  for (const o of outlines) {
    const name = (o.title || o.text || '').trim();
    const url = parseHttpUrl(o.xmlUrl ?? '');
    if (!url) throw new OpmlError('badUrl', `the feed "${name || o.xmlUrl}" has no valid web address`, name || o.xmlUrl);
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ name, url, kind: 'feed' });
  }
  return out;
}

export interface ImportResult {
  added: Source[];
  /** Already subscribed (same address). */
  skipped: number;
}

/** Adds the sources not yet present, all in one transaction (all or nothing). */
export async function addSourcesAtomically(db: NewsDb, list: readonly NewSource[], now = Date.now()): Promise<ImportResult> {
  const tx = db.transaction('sources', 'readwrite');
  const existing = await tx.store.getAll();
  const urls = new Set(existing.map((s) => s.url));
  const ids = new Set(existing.map((s) => s.id));
  const added: Source[] = [];
  let skipped = 0;
  list.forEach((s, i) => {
    const src = makeSource(s, now + i); // distinct addedAt keeps the file's order
    if (urls.has(src.url) || ids.has(src.id)) {
      skipped++;
      return;
    }
    urls.add(src.url);
    ids.add(src.id);
    added.push(src);
  });
  await Promise.all([...added.map((s) => tx.store.put(s)), tx.done]);
  return { added, skipped };
}

/** Parses and imports an OPML file: throws OpmlError and adds nothing when any part is bad. */
export async function importOpml(db: NewsDb, text: string, now = Date.now()): Promise<ImportResult> {
  return addSourcesAtomically(db, readOpml(text), now);
}
