// The address of a topic's search feed: Google News RSS search (language and region from the browser's
// locale, changeable per topic), Bing News RSS, or a Google Alerts feed the user pasted.
import { parseHttpUrl } from '../validate';

export interface GoogleEdition {
  /** Interface language, as Google writes it: "en-US", "de", "fr". */
  hl: string;
  /** Region: "US", "DE". */
  gl: string;
  /** Edition: "US:en", "DE:de". */
  ceid: string;
}

const DEFAULT_REGION: Record<string, string> = { en: 'US', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', pt: 'BR', nl: 'NL', ja: 'JP', sv: 'SE', pl: 'PL' };

/**
 * The edition for a browser locale ("de-AT", "en", "pt_BR"). English editions name their region in hl
 * ("en-GB"), others only the language ("de"), as Google's own edition links do.
 */
export function editionOf(locale: string): GoogleEdition {
  const [rawLang, rawRegion] = locale.replace('_', '-').split('-');
  const lang = (rawLang || 'en').toLowerCase();
  const region = (rawRegion && /^[a-z]{2}$/i.test(rawRegion) ? rawRegion : DEFAULT_REGION[lang] ?? 'US').toUpperCase();
  return { hl: lang === 'en' ? `en-${region}` : lang, gl: region, ceid: `${region}:${lang}` };
}

export function googleNewsSearchUrl(q: string, ed: GoogleEdition): string {
  const p = new URLSearchParams({ q, hl: ed.hl, gl: ed.gl, ceid: ed.ceid });
  return `https://news.google.com/rss/search?${p}`;
}

export function bingNewsSearchUrl(q: string): string {
  return `https://www.bing.com/news/search?${new URLSearchParams({ q, format: 'rss' })}`;
}

/** A pasted Google Alerts feed address, checked; undefined when it is not one. */
export function googleAlertsFeed(pasted: string): string | undefined {
  const url = parseHttpUrl(pasted.trim());
  if (!url) return undefined;
  const u = new URL(url);
  if (u.protocol !== 'https:' || !/^(www\.)?google\.[a-z.]+$/.test(u.hostname) || !/^\/alerts\/feeds\/\d+\/\d+$/.test(u.pathname)) return undefined;
  return `https://${u.hostname}${u.pathname}`;
}
