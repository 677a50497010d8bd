// Small pure helpers for how items and sources are shown in the sidebar.
import type { Item, Source } from '../model';
import { htmlToText } from '../normalize/text';

/** The source's own favicon (no third-party favicon service): `${origin}/favicon.ico`. */
export function faviconUrl(source: Pick<Source, 'siteUrl' | 'url'> | undefined): string | undefined {
  for (const raw of [source?.siteUrl, source?.url]) {
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
  const s = bare(summary);
  const t = bare(title);
  if (!s || !t) return !s;
  if (s === t || t.startsWith(s)) return true;
  return s.startsWith(t) && s.length - t.length <= 24 && s.slice(t.length).trim().split(' ').length <= 3;
}
