// Dates from feeds and news APIs -> UTC milliseconds.
// A real parser (not Date.parse, whose handling of free text depends on the engine and locale):
// RFC 822 / 2822 as written by feeds (and the many ways they get it wrong) and RFC 3339 / ISO 8601.

const DAY_MS = 86_400_000;
/** Anything older is a broken date, not news. */
export const MIN_PLAUSIBLE = Date.UTC(1990, 0, 1);
/** Clocks drift and feeds announce embargoed items; more than this ahead is a broken date. */
export const MAX_FUTURE_MS = 2 * DAY_MS;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'weds', 'wednesday', 'thu', 'thur', 'thurs',
  'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);

/** Zone abbreviations -> offset in minutes east of UTC (RFC 822's set, plus common ones seen in feeds). */
export const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, west: 60, eet: 120, eest: 180, msk: 180,
  ist: 330, pkt: 300, ict: 420, wib: 420, hkt: 480, sgt: 480, awst: 480, kst: 540, jst: 540,
  acst: 570, acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(
  y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number,
): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h === 24 && mi === 0 && s === 0) { /* 24:00 = end of day */ } else if (h > 23) return undefined;
  if (mi > 59 || s > 60) return undefined;
  if (s === 60) s = 59; // leap second
  if (Math.abs(offsetMin) > 14 * 60) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

function fractionMs(frac: string | undefined): number {
  return frac ? Math.round(Number(('0.' + frac).slice(0, 5)) * 1000) : 0;
}

/** "+0100", "+01:00", "+01", "-5" -> minutes, or undefined. */
function numericOffset(s: string): number | undefined {
  const m = /^([+-−])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '+' ? 1 : -1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Wall-clock time of a date as written (before its zone is applied), for zones whose offset depends on it. */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
}

/** Day of month of the n-th (1-based; -1 = last) Sunday of a month. */
function nthSunday(y: number, mo: number, n: number): number {
  if (n < 0) {
    const last = daysInMonth(y, mo);
    return last - new Date(Date.UTC(y, mo - 1, last)).getUTCDay();
  }
  const first = new Date(Date.UTC(y, mo - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/**
 * Whether North American daylight time is in effect at a local wall-clock time: since 2007 from the
 * second Sunday of March to the first Sunday of November, before that from the first Sunday of April
 * to the last Sunday of October, switching at 02:00 local time.
 */
export function northAmericanDst(w: Wall): boolean {
  const [startMo, startDay, endMo, endDay] = w.y >= 2007
    ? [3, nthSunday(w.y, 3, 2), 11, nthSunday(w.y, 11, 1)]
    : [4, nthSunday(w.y, 4, 1), 10, nthSunday(w.y, 10, -1)];
  const t = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  return t >= Date.UTC(w.y, startMo - 1, startDay, 2) && t < Date.UTC(w.y, endMo - 1, endDay, 2);
}

/** "ET", "CT", "MT", "PT", "AT": the region's standard offset, plus an hour while daylight time is on. */
const GENERIC_NORTH_AMERICAN: Record<string, number> = { et: -300, ct: -360, mt: -420, pt: -480, at: -240 };

/** The offset of an IANA zone ("America/New_York") at a wall-clock time, from the engine's time zone data. */
function ianaOffset(name: string, w: Wall): number | undefined {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  } catch {
    return undefined; // not a zone the engine knows
  }
  const offsetAt = (utc: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(utc)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(utc / 60_000) * 60_000) / 60_000;
  };
  // The offset at the wall time read as UTC, then once more at the instant that gives (DST edges).
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  const first = offsetAt(wall);
  return offsetAt(wall - first * 60_000);
}

/** A zone written as a word ("EST", "CEST", "PT") -> minutes east of UTC at a wall-clock time. */
export function namedZoneOffset(tok: string, w: Wall): number | undefined {
  const t = tok.toLowerCase();
  if (t in ZONES) return ZONES[t];
  if (t in GENERIC_NORTH_AMERICAN) return GENERIC_NORTH_AMERICAN[t] + (northAmericanDst(w) ? 60 : 0);
  return undefined;
}

/**
 * A zone token -> minutes east of UTC at the given wall-clock time: Z, a named zone, a numeric offset,
 * GMT+1 / UTC+05:30, Etc/GMT-3 (IANA's inverted sign), an IANA zone name, a military letter.
 * Undefined for a zone it does not know: the caller then drops the date rather than guess UTC.
 */
export function zoneOffset(tok: string, w: Wall): number | undefined {
  const named = namedZoneOffset(tok, w);
  if (named !== undefined) return named;
  const num = numericOffset(tok);
  if (num !== undefined) return num;
  const g = /^(?:gmt|utc|ut)([+-−].+)$/i.exec(tok);
  if (g) return numericOffset(g[1]);
  // IANA's Etc/GMT+5 is five hours WEST of Greenwich (UTC-5): the sign is the POSIX one, inverted.
  const etc = /^etc\/(?:gmt|utc|ut|greenwich|universal|zulu)(?:([+-])(\d{1,2}))?$/i.exec(tok);
  if (etc) return etc[1] ? (etc[1] === '+' ? -1 : 1) * Number(etc[2]) * 60 : 0;
  // RFC 822 military zones other than Z were defined with the wrong sign; RFC 2822 says read them as -0000.
  if (/^[a-ik-z]$/i.test(tok)) return 0;
  if (/^[a-z]+(?:\/[a-z0-9_+-]+)+$/i.test(tok)) return ianaOffset(tok, w);
  return undefined;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:(?:t|\s+)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-−]\d{2}(?::?\d{2})?|[a-z][\w/+\-−]*)?$/i;
const SLASH_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(z|[+-−]\d{2}(?::?\d{2})?|[a-z][\w/+\-−]*)?$/i;

function parseIso(s: string): number | undefined {
  const m = ISO.exec(s) ?? SLASH_YMD.exec(s);
  if (!m) return undefined;
  const frac = m.length === 9 ? m[7] : undefined;
  const zone = m.length === 9 ? m[8] : m[7];
  const wall: Wall = { y: +m[1], mo: +m[2], d: +m[3], h: +(m[4] ?? 0), mi: +(m[5] ?? 0) };
  const off = zone ? zoneOffset(zone, wall) : 0;
  if (off === undefined) return undefined;
  return build(wall.y, wall.mo, wall.d, wall.h, wall.mi, +(m[6] ?? 0), fractionMs(frac), off);
}

/** Any wall time: only asks whether a token is a zone at all. */
const SAMPLE_WALL: Wall = { y: 2024, mo: 1, d: 1, h: 12, mi: 0 };

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/;

/** RFC 822 and its relatives, token by token: weekday (ignored), day, month name, year, time, zone, am/pm. */
function parseTextual(s: string): number | undefined {
  const tokens = s
    .replace(/,/g, ' ')
    // "10:00:00+0100", "10:00GMT" -> split the zone from the time
    .replace(/(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(?=[a-z+\-−])/gi, '$1 ')
    // "10:00pm"
    .split(/\s+/)
    .filter(Boolean);
  let month: number | undefined;
  let monthIdx = -1;
  const nums: Array<{ v: string; i: number }> = [];
  let time: RegExpExecArray | undefined;
  let zone: string | undefined;
  let meridiem: 'am' | 'pm' | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const low = tok.toLowerCase().replace(/\.$/, '');
    if (WEEKDAYS.has(low)) continue;
    if (month === undefined && low in MONTHS) { month = MONTHS[low]; monthIdx = i; continue; }
    if (/^\d{1,4}(?:st|nd|rd|th)?$/i.test(tok)) { nums.push({ v: tok.replace(/\D+$/, ''), i }); continue; }
    const t = TIME.exec(tok);
    if (t && !time) { time = t; continue; }
    if (low === 'am' || low === 'pm' || low === 'a.m' || low === 'p.m') { meridiem = low[0] === 'a' ? 'am' : 'pm'; continue; }
    // After the time, "AT" is Atlantic time; before it, "at" is only a word ("March 5 at 10:00").
    if (zone === undefined && time && zoneOffset(tok, SAMPLE_WALL) !== undefined) { zone = tok; continue; }
    if (/^\(.*\)$/.test(tok)) continue; // "(UTC)"
    if (low === 'at' || low === 'on' || low === 'the' || low === 'of') continue;
    return undefined; // an unknown word: do not guess
  }
  if (month === undefined || nums.length < 2 || nums.length > 2) return undefined;
  let day: number;
  let yearTok: string;
  const four = nums.findIndex((n) => n.v.length === 4);
  if (four >= 0) {
    yearTok = nums[four].v;
    day = Number(nums[1 - four].v);
  } else if (nums[0].i < monthIdx) {
    // RFC order: day month year
    day = Number(nums[0].v);
    yearTok = nums[1].v;
  } else {
    // US order: month day year
    day = Number(nums[0].v);
    yearTok = nums[1].v;
  }
  let year = Number(yearTok);
  if (yearTok.length <= 2) year += year < 50 ? 2000 : 1900;
  else if (yearTok.length === 3) year += 1900; // RFC 2822 obsolete 3-digit years
  let h = time ? Number(time[1]) : 0;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const mi = time ? Number(time[2]) : 0;
  const offset = zone === undefined ? 0 : zoneOffset(zone, { y: year, mo: month, d: day, h, mi });
  if (offset === undefined) return undefined;
  return build(year, month, day, h, mi, time?.[3] ? Number(time[3]) : 0, fractionMs(time?.[4]), offset);
}

/** The form nearly every RSS date has, "Mon, 07 Dec 2026 16:00:00 GMT" or "+0100": read in one step. */
const RFC822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC|UT|Z|([+-])(\d{2})([0-5]\d))$/;

/** A date of that form (parseTextual reads it too, token by token, at several times the cost), or undefined. */
function parseRfc822(s: string): number | undefined {
  const m = RFC822.exec(s);
  if (!m) return undefined;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  return build(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), 0, offset);
}

/** Read a number as unix time: seconds, or milliseconds when it is that large. */
function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n >= 1e11 ? Math.round(n) : Math.round(n * 1000);
}

/**
 * Parse a date as found in a feed or an API response into UTC ms.
 * Missing zone = UTC. Returns undefined when unreadable or implausible
 * (before 1990, or more than two days after `now`).
 */
export function parseDate(input: unknown, now: number = Date.now()): number | undefined {
  let ms: number | undefined;
  if (typeof input === 'number') ms = fromEpoch(input);
  else if (input instanceof Date) ms = input.getTime();
  else if (typeof input === 'string') {
    ms = parseRfc822(input);
    if (ms !== undefined) return ms < MIN_PLAUSIBLE || ms > now + MAX_FUTURE_MS ? undefined : ms;
    const s = input
      .replace(/\s*\([^()]*\)\s*$/, '') // trailing comment: "(UTC)", "(Coordinated Universal Time)"
      .replace(/[\u00a0\s]+/g, ' ')
      .trim();
    if (!s) return undefined;
    if (/^\d{9,13}(?:\.\d+)?$/.test(s)) ms = fromEpoch(Number(s));
    else ms = parseIso(s) ?? parseTextual(s);
  }
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  if (ms < MIN_PLAUSIBLE || ms > now + MAX_FUTURE_MS) return undefined;
  return ms;
}

/**
 * When an item is shown as published: the source's date, but never later than when Newsbar first fetched
 * it. A source whose clock runs ahead would otherwise put its items "in 2 days" at the top of the list.
 * Updates pass the first-fetch time and the stored date, so a later poll keeps the item where it was put.
 */
export function shownPublished(sourceDate: number | undefined, firstSeen: number, stored?: number): number {
  return Math.min(sourceDate ?? stored ?? firstSeen, firstSeen);
}
