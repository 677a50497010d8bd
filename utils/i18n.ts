// Translated strings through browser.i18n (_locales). The browser itself falls back to English (the
// default locale) for a key a language lacks. Where there is no browser.i18n (unit tests' fake browser,
// command-line scripts) the English messages registered by ./i18n-english.ts are used: the extension's
// bundles leave them out, as browser.i18n has them.
import { browser } from 'wxt/browser';

/** One message of a _locales messages.json. */
export interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let fallback: Record<string, Entry> = {};

/** The messages `t` uses where browser.i18n is missing or throws. */
export function setFallbackMessages(messages: Record<string, Entry>): void {
  fallback = messages;
}

/** Fill `$1`..`$9` and named `$name$` placeholders the way browser.i18n does. */
export function format(entry: Entry, subs: string[]): string {
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  // One pass, so a substituted value that contains "$1" is never substituted again.
  return entry.message.replace(/\$\$|\$([a-z0-9_]+)\$|\$(\d)/gi, (m, name?: string, n?: string) => {
    if (m === '$$') return '$';
    if (n) return subs[Number(n) - 1] ?? '';
    const ph = entry.placeholders?.[name!] ?? entry.placeholders?.[name!.toLowerCase()];
    return ph ? positional(ph.content) : m;
  });
}

/** Stand-ins for the nine substitutions browser.i18n takes (private-use characters no message holds). */
const MARKERS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const MARKED = /[\ue000-\ue008]/g;

/**
 * Per key, the browser's message with MARKERS in place of the substitutions ('' where it has none):
 * asked once, as each call crosses into the extension bindings (3-5 µs) and a sidebar row asks ~15.
 * The language cannot change while a page lives.
 */
const templates = new Map<string, string>();

function browserTemplate(key: string): string {
  let got = templates.get(key);
  if (got === undefined) {
    try {
      // WXT types keys from the committed _locales; keys are plain strings here.
      const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
      got = getMessage.call(browser.i18n, key, MARKERS) || '';
    } catch {
      got = ''; // no i18n in this context: use English
    }
    templates.set(key, got);
  }
  return got;
}

/** The message for `key` in the browser's language (the fallback if unavailable; the key itself if unknown). */
export function t(key: string, subs?: string | number | Array<string | number>): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const got = browserTemplate(key);
  // One pass, as the browser substitutes: a value holding a marker is not substituted again.
  if (got) return got.replace(MARKED, (m) => list[m.charCodeAt(0) - 0xe000] ?? '');
  const entry = fallback[key];
  return entry ? format(entry, list) : key;
}

/**
 * A message with a count: the key's "_one" form for exactly one ("1 new feed", "1 is already…"), where
 * the catalogue has one; else the key's own (plural) form. The count is the first substitution.
 */
export function tn(key: string, count: number, more: Array<string | number> = []): string {
  const one = `${key}_one`;
  const hasOne = count === 1 && (browserTemplate(one) !== '' || one in fallback);
  return t(hasOne ? one : key, [count, ...more]);
}
