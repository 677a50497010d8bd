// Relative and absolute times for the sidebar. Pure: the caller passes `now` and the locale,
// so the output is the same in tests and every time zone it is given.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
const dtfCache = new Map<string, Intl.DateTimeFormat>();

function rtf(locale: string): Intl.RelativeTimeFormat {
  let f = rtfCache.get(locale);
  if (!f) rtfCache.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })));
  return f;
}

function dtf(locale: string, opts: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const k = `${locale}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = dtfCache.get(k);
  if (!f) dtfCache.set(k, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone })));
  return f;
}

/** "now", "5 min. ago", "3 hr. ago", "yesterday", "4 days ago"; a date beyond a week. */
export function relativeTime(ts: number, now: number, locale = 'en', timeZone?: string): string {
  const diff = ts - now; // negative = in the past
  const abs = Math.abs(diff);
  if (abs < MIN) return rtf(locale).format(0, 'second');
  if (abs < HOUR) return rtf(locale).format(Math.round(diff / MIN), 'minute');
  if (abs < DAY) return rtf(locale).format(Math.round(diff / HOUR), 'hour');
  if (abs < 7 * DAY) return rtf(locale).format(Math.round(diff / DAY), 'day');
  const sameYear = new Date(ts).getUTCFullYear() === new Date(now).getUTCFullYear();
  return dtf(locale, sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' }, timeZone).format(ts);
}

/** Full date and time, for hover titles and screen readers. */
export function absoluteTime(ts: number, locale = 'en', timeZone?: string): string {
  return dtf(locale, { dateStyle: 'full', timeStyle: 'short' }, timeZone).format(ts);
}

/** Ticker stamp: "8:37 PM" today; "Mon 8:37 PM" on another day. */
export function tickerTime(ts: number, now: number, locale = 'en', timeZone?: string): string {
  const day = (t: number) => dtf(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }, timeZone).format(t);
  const time = dtf(locale, { timeStyle: 'short' }, timeZone).format(ts);
  return day(ts) === day(now) ? time : `${dtf(locale, { weekday: 'short' }, timeZone).format(ts)} ${time}`;
}

/** ISO string for <time datetime>. */
export function isoTime(ts: number): string {
  return new Date(ts).toISOString();
}
