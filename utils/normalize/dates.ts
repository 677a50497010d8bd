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
const ZONES: Record<string, number> = {
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

/** A zone token: Z, named zone, numeric offset, GMT+1 / UTC+05:30, military letter. */
function zoneOffset(tok: string): number | undefined {
  const t = tok.toLowerCase();
  if (t in ZONES) return ZONES[t];
  const num = numericOffset(tok);
  if (num !== undefined) return num;
  const g = /^(?:gmt|utc|ut)([+-−].+)$/i.exec(tok);
  if (g) return numericOffset(g[1]);
  // RFC 822 military zones other than Z were defined with the wrong sign; RFC 2822 says read them as -0000.
  if (/^[a-ik-z]$/i.test(tok)) return 0;
  return undefined;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:(?:t|\s+)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc|gmt|[+-−]\d{2}(?::?\d{2})?)?$/i;
const SLASH_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(z|utc|gmt|[+-−]\d{2}(?::?\d{2})?)?$/i;

function parseIso(s: string): number | undefined {
  const m = ISO.exec(s) ?? SLASH_YMD.exec(s);
  if (!m) return undefined;
  const frac = m.length === 9 ? m[7] : undefined;
  const zone = m.length === 9 ? m[8] : m[7];
  const off = zone ? zoneOffset(zone) : 0;
  if (off === undefined) return undefined;
  return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fractionMs(frac), off);
}

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
  let offset: number | undefined;
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
    if (offset === undefined && time) {
      const z = zoneOffset(tok);
      if (z !== undefined) { offset = z; continue; }
    }
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
  return build(year, month, day, h, time ? Number(time[2]) : 0, time?.[3] ? Number(time[3]) : 0,
    fractionMs(time?.[4]), offset ?? 0);
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
