// Text and HTML clean-up for item fields, shared by the feed mappers and the news API adapters.
import { htmlToText } from '../normalize/text';
import { absoluteUrl } from '../normalize/url';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text -> HTML paragraphs (escaped). */
export function textToHtml(s: string): string {
  const paras = s.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return paras.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

/** Plain text with whitespace collapsed (no tag stripping or entity decoding: use htmlToText for HTML). */
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
    // Only &amp; is decoded (not every entity): that is the one feeds put in URLs.
    const abs = absoluteUrl(v.replace(/&amp;/g, '&'), base);
    if (!abs) return all;
    const q = dq !== undefined ? '"' : "'";
    return `${pre}${q}${abs.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}${q}`;
  });
}
