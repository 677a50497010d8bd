import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../utils/normalize/dates';
import { parseFeedText } from '../../../utils/sources/feed';

const NOW = Date.UTC(2024, 2, 6); // 2024-03-06T00:00:00Z
const T = Date.UTC(2024, 2, 5, 9, 30); // 2024-03-05T09:30:00Z

describe('parseDate: RFC 822 / 2822', () => {
  it.each([
    ['Tue, 05 Mar 2024 09:30:00 GMT'],
    ['Tue, 05 Mar 2024 09:30:00 UT'],
    ['Tue, 05 Mar 2024 09:30:00 UTC'],
    ['Tue, 05 Mar 2024 04:30:00 EST'],
    ['Tue, 05 Mar 2024 05:30:00 EDT'],
    ['Tue, 05 Mar 2024 03:30:00 CST'],
    ['Tue, 05 Mar 2024 04:30:00 CDT'],
    ['Tue, 05 Mar 2024 02:30:00 MST'],
    ['Tue, 05 Mar 2024 03:30:00 MDT'],
    ['Tue, 05 Mar 2024 01:30:00 PST'],
    ['Tue, 05 Mar 2024 02:30:00 PDT'],
    ['Tue, 05 Mar 2024 09:30:00 Z'],
    ['Tue, 05 Mar 2024 10:30:00 +0100'],
    ['Tue, 05 Mar 2024 04:30:00 -0500'],
    ['Tue, 05 Mar 2024 15:00:00 +0530'],
  ])('%s', (s) => {
    expect(parseDate(s, NOW)).toBe(T);
  });
});

describe('parseDate: broken RFC 822 variants', () => {
  it.each([
    ['missing weekday', '05 Mar 2024 09:30:00 GMT'],
    ['wrong weekday', 'Fri, 05 Mar 2024 09:30:00 GMT'],
    ['lowercase month and zone', 'tue, 05 mar 2024 09:30:00 gmt'],
    ['upper-case month', 'TUE, 05 MAR 2024 09:30:00 GMT'],
    ['full month and weekday names', 'Tuesday, 05 March 2024 09:30:00 GMT'],
    ['single-digit day', 'Tue, 5 Mar 2024 09:30:00 GMT'],
    ['two-digit year', 'Tue, 05 Mar 24 09:30:00 GMT'],
    ['missing seconds', 'Tue, 05 Mar 2024 09:30 GMT'],
    ['missing zone = UTC', 'Tue, 05 Mar 2024 09:30:00'],
    ['"+01:00" in RFC 822', 'Tue, 05 Mar 2024 10:30:00 +01:00'],
    ['extra whitespace', '   Tue,   05  Mar   2024    09:30:00     GMT   '],
    ['tabs and newlines', '\tTue, 05 Mar 2024\n09:30:00 GMT\n'],
    ['trailing (UTC) comment', 'Tue, 05 Mar 2024 09:30:00 +0000 (UTC)'],
    ['no space after comma', 'Tue,05 Mar 2024 09:30:00 GMT'],
    ['single-digit hour', 'Tue, 05 Mar 2024 9:30:00 GMT'],
    ['Sept abbreviation is not confused', 'Tue, 05 Mar 2024 09:30:00 GMT'],
    ['JavaScript Date#toString', 'Tue Mar 05 2024 10:30:00 GMT+0100 (Central European Standard Time)'],
    ['US style with AM', 'March 5, 2024 9:30 AM GMT'],
    ['zone glued to time', 'Tue, 05 Mar 2024 10:30:00+0100'],
    ['GMT+1 style zone', 'Tue, 05 Mar 2024 10:30:00 GMT+1'],
    ['day with ordinal suffix', 'Tuesday 5th March 2024 09:30 GMT'],
  ])('%s', (_label, s) => {
    expect(parseDate(s, NOW)).toBe(T);
  });

  it('reads PM times', () => {
    expect(parseDate('March 5, 2024 9:30 PM GMT', NOW)).toBe(T + 12 * 3600_000);
    expect(parseDate('March 5, 2024 12:15 AM', NOW)).toBe(Date.UTC(2024, 2, 5, 0, 15));
  });

  it('maps two-digit years to 19xx/20xx like RFC 2822', () => {
    expect(parseDate('Sat, 01 Jan 99 00:00:00 GMT', NOW)).toBe(Date.UTC(1999, 0, 1));
    expect(parseDate('Mon, 01 Jan 24 00:00:00 GMT', NOW)).toBe(Date.UTC(2024, 0, 1));
  });

  it('reads September as "Sep" and "Sept"', () => {
    expect(parseDate('10 Sep 2023 00:00:00 GMT', NOW)).toBe(Date.UTC(2023, 8, 10));
    expect(parseDate('10 Sept 2023 00:00:00 GMT', NOW)).toBe(Date.UTC(2023, 8, 10));
  });

  it('treats military zones other than Z as UTC (RFC 2822 4.3)', () => {
    expect(parseDate('Tue, 05 Mar 2024 09:30:00 A', NOW)).toBe(T);
  });
});

describe('parseDate: RFC 3339 / ISO 8601', () => {
  it.each([
    ['2024-03-05T09:30:00Z', T],
    ['2024-03-05T09:30Z', T],
    ['2024-03-05T09:30:00.123Z', T + 123],
    ['2024-03-05T09:30:00.1Z', T + 100],
    ['2024-03-05T09:30:00.123456789Z', T + 123],
    ['2024-03-05T10:30:00+01:00', T],
    ['2024-03-05T04:30:00-05:00', T],
    ['2024-03-05T04:30:00-0500', T],
    ['2024-03-05T10:30:00+01', T],
    ['2024-03-05 09:30:00', T],
    ['2024-03-05 09:30:00Z', T],
    ['2024-03-05 09:30:00 +00:00', T],
    ['2024-03-05T09:30:00', T],
    ['2024-03-05t09:30:00z', T],
    ['20240305T093000Z', T],
    ['2024-03-05', Date.UTC(2024, 2, 5)],
    ['2024/03/05 09:30', T],
    ['2024-03-05T09:30:00Z (UTC)', T],
  ])('%s', (s, expected) => {
    expect(parseDate(s, NOW)).toBe(expected);
  });
});

describe('parseDate: numbers and other inputs', () => {
  it('reads unix seconds and milliseconds, as numbers and as digit strings', () => {
    expect(parseDate(T / 1000, NOW)).toBe(T);
    expect(parseDate(T, NOW)).toBe(T);
    expect(parseDate(String(T / 1000), NOW)).toBe(T);
    expect(parseDate(String(T), NOW)).toBe(T);
  });

  it('accepts Date objects', () => {
    expect(parseDate(new Date(T), NOW)).toBe(T);
  });

  it.each([[undefined], [null], [{}], [[]], [''], ['   '], [NaN], [-5], [0], [true]])('rejects %j', (v) => {
    expect(parseDate(v, NOW)).toBeUndefined();
  });
});

describe('parseDate: unreadable or implausible -> undefined', () => {
  it.each([
    ['free text', 'yesterday'],
    ['no such day', 'Tue, 31 Feb 2024 09:30:00 GMT'],
    ['no such month', '2024-13-01T00:00:00Z'],
    ['hour 25', 'Tue, 05 Mar 2024 25:30:00 GMT'],
    ['minute 61', '2024-03-05T09:61:00Z'],
    ['unknown zone word', 'Tue, 05 Mar 2024 09:30:00 XYZT'],
    ['offset beyond 14 h', '2024-03-05T09:30:00+15:00'],
    ['month missing', '05 2024 09:30:00 GMT'],
    ['before 1990', 'Mon, 01 Jan 1985 00:00:00 GMT'],
    ['unix epoch', '1970-01-01T00:00:00Z'],
    ['far future', 'Sat, 05 Mar 2039 00:00:00 GMT'],
  ])('%s', (_label, s) => {
    expect(parseDate(s, NOW)).toBeUndefined();
  });

  it('allows up to two days ahead of the injected now, not more', () => {
    expect(parseDate('2024-03-07T23:00:00Z', NOW)).toBe(Date.UTC(2024, 2, 7, 23));
    expect(parseDate('2024-03-08T00:00:00Z', NOW)).toBe(Date.UTC(2024, 2, 8));
    expect(parseDate('2024-03-08T00:00:01Z', NOW)).toBeUndefined();
    // the same date is fine once the clock has moved on
    expect(parseDate('2024-03-08T00:00:01Z', Date.UTC(2024, 2, 7))).toBe(Date.UTC(2024, 2, 8, 0, 0, 1));
  });

  it('does not depend on the machine time zone (no Date.parse on free text)', () => {
    // A string Date.parse would read in local time: we read it as UTC.
    expect(parseDate('March 5, 2024 09:30', NOW)).toBe(T);
  });
});

describe('dates-broken.xml fixture', () => {
  it('gives every item the instant written in its title', () => {
    const feed = parseFeedText(readFileSync('tests/fixtures/feeds/dates-broken.xml', 'utf8'), { now: NOW });
    expect(feed.items.length).toBeGreaterThan(40);
    for (const item of feed.items) {
      const expected = item.title === 'invalid' ? undefined : new Date(item.title).getTime();
      expect({ variant: item.summaryHtml, published: item.published }).toEqual({ variant: item.summaryHtml, published: expected });
    }
    expect(feed.items.filter((i) => i.published === undefined).length).toBe(6);
  });
});

describe('parseDate: North American zones as feeds write them', () => {
  const WINTER = Date.UTC(2024, 0, 15, 15, 0); // 2024-01-15T15:00Z, standard time
  const SUMMER = Date.UTC(2024, 6, 15, 15, 0); // 2024-07-15T15:00Z, daylight time
  it.each([
    ['Mon, 15 Jan 2024 10:00:00 EST', WINTER], ['Mon, 15 Jul 2024 11:00:00 EDT', SUMMER],
    ['Mon, 15 Jan 2024 09:00:00 CST', WINTER], ['Mon, 15 Jul 2024 10:00:00 CDT', SUMMER],
    ['Mon, 15 Jan 2024 08:00:00 MST', WINTER], ['Mon, 15 Jul 2024 09:00:00 MDT', SUMMER],
    ['Mon, 15 Jan 2024 07:00:00 PST', WINTER], ['Mon, 15 Jul 2024 08:00:00 PDT', SUMMER],
    // The generic names follow daylight time by the date.
    ['Mon, 15 Jan 2024 10:00:00 ET', WINTER], ['Mon, 15 Jul 2024 11:00:00 ET', SUMMER],
    ['Mon, 15 Jan 2024 09:00:00 CT', WINTER], ['Mon, 15 Jul 2024 10:00:00 CT', SUMMER],
    ['Mon, 15 Jan 2024 08:00:00 MT', WINTER], ['Mon, 15 Jul 2024 09:00:00 MT', SUMMER],
    ['Mon, 15 Jan 2024 07:00:00 PT', WINTER], ['Mon, 15 Jul 2024 08:00:00 PT', SUMMER],
    // "AT" after the time is Atlantic time, not the word "at".
    ['Mon, 15 Jan 2024 11:00:00 AT', WINTER], ['Mon, 15 Jul 2024 12:00:00 AT', SUMMER],
    ['January 15, 2024 at 10:00 AM ET', WINTER], ['July 15, 2024 at 11:00 am ET', SUMMER],
    ['2024-01-15 10:00:00 EST', WINTER], ['2024-07-15T08:00:00 PT', SUMMER],
  ])('%s', (s, expected) => {
    expect(parseDate(s, Date.UTC(2024, 11, 31))).toBe(expected);
  });

  it('switches ET to daylight time at 02:00 on the second Sunday of March and back on the first Sunday of November', () => {
    const now = Date.UTC(2024, 11, 31);
    expect(parseDate('Sun, 10 Mar 2024 01:30:00 ET', now)).toBe(Date.UTC(2024, 2, 10, 6, 30));
    expect(parseDate('Sun, 10 Mar 2024 03:30:00 ET', now)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(parseDate('Sun, 03 Nov 2024 00:30:00 ET', now)).toBe(Date.UTC(2024, 10, 3, 4, 30));
    expect(parseDate('Sun, 03 Nov 2024 03:00:00 ET', now)).toBe(Date.UTC(2024, 10, 3, 8, 0));
    // Before 2007: first Sunday of April to the last Sunday of October.
    expect(parseDate('Sun, 26 Mar 2006 12:00:00 ET', now)).toBe(Date.UTC(2006, 2, 26, 17));
    expect(parseDate('Sun, 30 Apr 2006 12:00:00 ET', now)).toBe(Date.UTC(2006, 3, 30, 16));
  });

  it('reads Etc/GMT±n with IANA\'s inverted sign, and IANA zone names', () => {
    const now = Date.UTC(2024, 11, 31);
    expect(parseDate('Mon, 15 Jan 2024 10:00:00 Etc/GMT+5', now)).toBe(WINTER);
    expect(parseDate('Mon, 15 Jan 2024 18:00:00 Etc/GMT-3', now)).toBe(WINTER);
    expect(parseDate('2024-01-15T15:00:00 Etc/UTC', now)).toBe(WINTER);
    expect(parseDate('Mon, 15 Jul 2024 11:00:00 America/New_York', now)).toBe(SUMMER);
    expect(parseDate('2024-01-15 16:00 Europe/Berlin', now)).toBe(WINTER);
  });

  it('never reads an unknown zone as UTC: no date is better than a wrong one', () => {
    const now = Date.UTC(2024, 11, 31);
    for (const s of ['Mon, 15 Jan 2024 10:00:00 QQT', 'Mon, 15 Jan 2024 10:00:00 Mars/Olympus', '2024-01-15T10:00:00 XYZ', '2024-01-15 10:00 Etc/GMT+99']) {
      expect(parseDate(s, now), s).toBeUndefined();
    }
  });
});

describe('parseDate: the quick RFC 822 form', () => {
  it('reads "Mon, 07 Dec 2026 16:00:00 GMT" and "+hhmm" zones exactly as the general reader does', async () => {
    const fc = (await import('fast-check')).default;
    const now = Date.UTC(2026, 11, 7);
    const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const MO = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: now }), fc.integer({ min: -12 * 4, max: 14 * 4 }), fc.boolean(), (t, q, weekday) => {
        const off = q * 15;
        const d = new Date(t + off * 60_000);
        const zone = off === 0 ? 'GMT' : `${off < 0 ? '-' : '+'}${two(Math.floor(Math.abs(off) / 60))}${two(Math.abs(off) % 60)}`;
        const s = `${weekday ? `${WD[d.getUTCDay()]}, ` : ''}${two(d.getUTCDate())} ${MO[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${zone}`;
        const quick = parseDate(s, now);
        expect(quick).toBe(Math.floor(t / 1000) * 1000);
        // A trailing comment takes the general reader's way: the same answer.
        expect(parseDate(`${s} (comment)`, now)).toBe(quick);
      }),
      { numRuns: 500 },
    );
    expect(parseDate('Mon, 31 Feb 2026 10:00:00 GMT', now)).toBeUndefined();
    expect(parseDate('Mon, 07 Dec 2099 10:00:00 GMT', now)).toBeUndefined(); // implausibly far ahead
  });
});
