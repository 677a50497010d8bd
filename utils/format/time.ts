// Relative and absolute times for the sidebar. Pure: the caller passes `now` and the locale,
// so the output is the same in tests and every time zone it is given.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
/** Per set of options (the constants below), per locale and time zone: a list renders many times a row. */
const dtfCache = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

const MONTH_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
const CALENDAR_DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' };

function rtf(locale: string): Intl.RelativeTimeFormat {
  let f = rtfCache.get(locale);
  if (!f) rtfCache.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })));
  return f;
}

function dtf(locale: string, opts: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  let byLocale = dtfCache.get(opts);
  if (!byLocale) dtfCache.set(opts, (byLocale = new Map()));
  const k = `${locale}|${timeZone ?? ''}`;
  let f = byLocale.get(k);
  if (!f) byLocale.set(k, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone })));
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
  return dtf(locale, sameYear ? MONTH_DAY : MEDIUM_DATE, timeZone).format(ts);
}

/** Full date and time, for hover titles and screen readers. */
export function absoluteTime(ts: number, locale = 'en', timeZone?: string): string {
  return dtf(locale, FULL, timeZone).format(ts);
}

/** Ticker stamp: "8:37 PM" today; "Mon 8:37 PM" on another day. */
export function tickerTime(ts: number, now: number, locale = 'en', timeZone?: string): string {
  const day = (t: number) => dtf(locale, CALENDAR_DAY, timeZone).format(t);
  const time = dtf(locale, TIME, timeZone).format(ts);
  return day(ts) === day(now) ? time : `${dtf(locale, WEEKDAY, timeZone).format(ts)} ${time}`;
}

/** ISO string for <time datetime>. */
export function isoTime(ts: number): string {
  return new Date(ts).toISOString();
}
