// Dates as live pages write them: ISO, "6/13/2025 8:37 PM", "13 June 2025 20:37", "13.06.2025 20:37",
// "8:37pm" (today), "2 hours ago". A date without a zone is read in the page's own offset (taken from
// its JSON-LD or article:published_time), else in the user's.
import { MAX_FUTURE_MS, namedZoneOffset, parseDate, ZONES } from '../../normalize/dates';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface PageClock {
  /** UTC ms. */
  now: number;
  /** The offset a zone-less time is read in, minutes east of UTC. */
  offsetMin: number;
  /** "6/7/2025" is 6 July (most of the world), not June 7 (the US). */
  dayFirst: boolean;
}

export interface PageDate {
  ms: number;
  /** "2 hours ago": the time moves with every poll, so it must not be part of an update's identity. */
  relative: boolean;
}

/** A zone token -> minutes east of UTC, or undefined when it is not one. */
function zoneOf(tok: string, roughMs: number): number | undefined {
  const d = new Date(roughMs);
  const named = namedZoneOffset(tok, { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() });
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(tok);
  if (m) return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return undefined;
}

/** The explicit offset a date string carries ("+03:00", "Z"), for finding the page's own offset. */
export function offsetOfIso(s: string): number | undefined {
  const m = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s.trim());
  if (!m) return undefined;
  return m[1].toUpperCase() === 'Z' ? 0 : zoneOf(m[1], 0);
}

/** The user's offset at `now` (the worker runs in the user's zone). */
export function userOffsetMin(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** y-m-d h:mi in the given offset -> UTC ms. */
function inOffset(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * MIN;
  return new Date(ms + offsetMin * MIN).getUTCDate() === d ? ms : undefined; // 31 June is not a date
}

function hour12(h: number, meridiem: string | undefined): number | undefined {
  if (!meridiem) return h;
  if (h < 1 || h > 12) return undefined;
  return (h % 12) + (meridiem.startsWith('p') ? 12 : 0);
}

const LABEL = /^(?:(?:last\s+)?updated|published|posted|aktualisiert|am|um|at|on)\b\s*:?\s*/i;
/** A unit word by its first letter (English) or two (German: Sekunden, Stunden). */
const UNIT: Record<string, number> = { s: 1000, m: MIN, h: HOUR, d: DAY };
const UNIT_DE: Record<string, number> = { se: 1000, mi: MIN, st: HOUR, ta: DAY };
const MERIDIEM = String.raw`([ap])\.?\s*m\.?`;
const TIME_ONLY = new RegExp(String.raw`^(\d{1,2})(?:[:.](\d{2}))?\s*${MERIDIEM}(?:\s+([a-z]{1,5}|[+\-−]\d{2}:?\d{2}))?$|^(\d{1,2})[:h](\d{2})(?:\s*(?:uhr|h))?(?:\s+([a-z]{1,5}|[+\-−]\d{2}:?\d{2}))?$`, 'i');
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4}),?(?:\s+(?:at\s+|um\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:${MERIDIEM})?(?:\s*(?:uhr|h))?)?(?:\s+([a-z]{1,5}|[+\-−]\d{2}:?\d{2}))?$`, 'i');
/** A zone written at the end of a date parseDate reads ("… +0100", "… GMT", "…Z"). */
const TRAILING_ZONE = new RegExp(String.raw`(?:\dZ|:\d{2}(?:[.,]\d+)?\s*[+\-−]\d{2}(?::?\d{2})?|\b(?:gmt|utc|ut)(?:[+\-−]\d{1,2}(?::?\d{2})?)?|\b(?:${Object.keys(ZONES).join('|')}))\s*$`, 'i');

/** Today's date (y, m, d) in the given offset. */
function todayIn(now: number, offsetMin: number): [number, number, number] {
  const d = new Date(now + offsetMin * MIN);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** A date or time as a live page shows it -> UTC ms; undefined when it is not one. */
export function readPageDate(input: string, clock: PageClock): PageDate | undefined {
  const s = input.replace(/[\u00a0\s]+/g, ' ').trim().replace(LABEL, '').replace(/[,;|·•]$/, '').replace(/\s+uhr$/i, '').trim();
  if (!s || s.length > 60) return undefined;
  const low = s.toLowerCase();
  if (low === 'just now' || low === 'now' || low === 'gerade eben') return { ms: clock.now, relative: true };
  let m = /^(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\.?\s+ago$/.exec(low);
  if (m) {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : 1;
    return { ms: clock.now - n * UNIT[m[2][0]], relative: true };
  }
  m = /^vor\s+(\d+|einer?)\s+(sekunden?|minuten?|stunden?|tag(?:en)?)$/.exec(low);
  if (m) {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : 1;
    return { ms: clock.now - n * UNIT_DE[m[2].slice(0, 2)], relative: true };
  }
  m = TIME_ONLY.exec(s);
  if (m) {
    const h = m[1] !== undefined ? hour12(Number(m[1]), m[3].toLowerCase()) : Number(m[5]);
    const mi = Number((m[1] !== undefined ? m[2] : m[6]) ?? 0);
    const zoneTok = m[1] !== undefined ? m[4] : m[7];
    const off = zoneTok ? zoneOf(zoneTok, clock.now) : clock.offsetMin;
    if (h === undefined || off === undefined) return undefined;
    const [y, mo, d] = todayIn(clock.now, off);
    let ms = inOffset(y, mo, d, h, mi, 0, off);
    if (ms === undefined) return undefined;
    // A clock time later than now is from yesterday (shortly before midnight).
    if (ms > clock.now + 5 * MIN) ms -= DAY;
    return { ms, relative: false };
  }
  m = NUMERIC_DATE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots are always day first (13.06.2025); slashes follow the page's language unless a number decides.
    const dayFirst = m[2] === '.' || a > 12 || (b <= 12 && clock.dayFirst);
    const [d, mo] = dayFirst ? [a, b] : [b, a];
    let y = Number(m[4]);
    if (m[4].length === 2) y += 2000;
    const h = m[5] !== undefined ? hour12(Number(m[5]), m[8]?.toLowerCase()) : 0;
    const off = m[9] ? zoneOf(m[9], clock.now) : clock.offsetMin;
    if (h === undefined || off === undefined) return undefined;
    const ms = inOffset(y, mo, d, h, Number(m[6] ?? 0), Number(m[7] ?? 0), off);
    return ms === undefined || ms > clock.now + MAX_FUTURE_MS ? undefined : { ms, relative: false };
  }
  // ISO 8601 and written-out dates: parseDate reads them; a zone-less one is moved to the page's offset.
  if (!/\d/.test(s)) return undefined;
  const zoned = TRAILING_ZONE.test(s) && !/\b(?:am|pm|a\.m|p\.m)\.?$/i.test(s);
  const generic = /\s(ET|CT|MT|PT)$/i.exec(s);
  let ms: number | undefined;
  if (generic) {
    const base = parseDate(s.slice(0, generic.index), clock.now + DAY);
    if (base !== undefined) ms = base - (zoneOf(generic[1], base) ?? 0) * MIN;
  } else {
    ms = parseDate(s, clock.now + DAY);
    if (ms !== undefined && !zoned) ms -= clock.offsetMin * MIN;
  }
  if (ms === undefined || ms > clock.now + MAX_FUTURE_MS) return undefined;
  return { ms, relative: false };
}

/** Short text that is a date or time and nothing else, for finding an update's stamp in a list. */
export function looksLikeStamp(text: string): boolean {
  const s = text.trim();
  return s.length >= 3 && s.length <= 60 && /\d|now|gerade/i.test(s);
}
