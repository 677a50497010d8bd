// Small pure helpers for how items and sources are shown in the sidebar.
import type { Item, Source } from '../model';
import { htmlToText } from '../normalize/text';

/** Per site and feed address: every row of a source asks, every time the list renders. */
const favicons = new Map<string, string | undefined>();

/** The source's own favicon (no third-party favicon service): `${origin}/favicon.ico`. */
export function faviconUrl(source: Pick<Source, 'siteUrl' | 'url'> | undefined): string | undefined {
  if (!source) return undefined;
  const k = `${source.siteUrl ?? ''}\n${source.url}`;
  if (!favicons.has(k)) favicons.set(k, originFavicon(source));
  return favicons.get(k);
}

function originFavicon(source: Pick<Source, 'siteUrl' | 'url'>): string | undefined {
  for (const raw of [source.siteUrl, source.url]) {
    if (!raw) continue;
    try {
      const u = new URL(raw);
      if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}/favicon.ico`;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** First letter for the avatar shown when there is no favicon. */
export function initialOf(name: string): string {
  const m = name.trim().match(/[\p{L}\p{N}]/u);
  return (m?.[0] ?? '?').toUpperCase();
}

/** A stable hue per source name, so letter avatars are told apart. */
export function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** The one-line summary: plain text of the summary, else of the content, trimmed. */
export function summaryLine(item: Pick<Item, 'summaryHtml' | 'contentHtml' | 'title'>, max = 220): string {
  let text = htmlToText(item.summaryHtml || '') || htmlToText(item.contentHtml || '');
  if (repeatsTitle(text, item.title)) return ''; // some feeds repeat the title as the summary
  if (text.length > max) text = `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
  return text;
}

/** Letters and digits only, lower case: "Floods: what we know" and "FLOODS — What we know." read the same. */
const bare = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Does a summary only repeat the title? The same words; the title cut short ("Floods close the…"); or the
 * title with a few words added, like the publisher's name ("… - BBC News").
 */
export function repeatsTitle(summary: string, title: string): boolean {
  const t = bare(title);
  // A summary whose start alone is well longer than the title does not repeat it: the rest is not
  // folded (a row's summary is ~220 characters, and this runs for every row the list renders).
  const head = summary.slice(0, title.length + 64);
  const headBare = bare(head);
  if (t && headBare.length > t.length + 32) return false;
  const s = head.length === summary.length ? headBare : bare(summary);
  if (!s || !t) return !s;
  if (s === t || t.startsWith(s)) return true;
  return s.startsWith(t) && s.length - t.length <= 24 && s.slice(t.length).trim().split(' ').length <= 3;
}
