// Translated strings through browser.i18n (_locales), with the English text as the fallback
// where i18n is missing or throws (unit tests' fake browser, a key not yet translated).
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

/** One message of a _locales messages.json. */
export interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const EN = en as unknown as Record<string, Entry>;

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

/** The message for `key` in the browser's language (English if unavailable; the key itself if unknown). */
export function t(key: string, subs?: string | number | Array<string | number>): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    // WXT types keys from the committed _locales; keys are plain strings here.
    const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
    const got = getMessage.call(browser.i18n, key, list);
    if (got) return got;
  } catch {
    // no i18n in this context: use English
  }
  const entry = EN[key];
  return entry ? format(entry, list) : key;
}
