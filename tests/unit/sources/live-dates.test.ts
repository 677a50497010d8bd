import { describe, expect, it } from 'vitest';
import { offsetOfIso, readPageDate, type PageClock } from '../../../utils/sources/live/page-dates';

// 13 June 2025, 21:00 in New York (EDT, -04:00)
const NOW = Date.UTC(2025, 5, 14, 1, 0);
const NY: PageClock = { now: NOW, offsetMin: -240, dayFirst: false };
const BERLIN: PageClock = { now: NOW, offsetMin: 120, dayFirst: true };
const at = (s: string, c: PageClock = NY) => {
  const d = readPageDate(s, c);
  return d && new Date(d.ms).toISOString();
};

describe('dates as live pages write them', () => {
  it.each([
    ['2025-06-13T20:37:00-04:00', '2025-06-14T00:37:00.000Z'],
    ['2025-06-13T20:37:00Z', '2025-06-13T20:37:00.000Z'],
    ['2025-06-13T20:37', '2025-06-14T00:37:00.000Z'], // no zone: the page's offset
    ['2025-06-13 20:37:00', '2025-06-14T00:37:00.000Z'],
    ['6/13/2025 8:37 PM', '2025-06-14T00:37:00.000Z'],
    ['06/13/25 8:37 p.m.', '2025-06-14T00:37:00.000Z'],
    ['13 June 2025 20:37', '2025-06-14T00:37:00.000Z'],
    ['June 13, 2025 at 8:37 PM EDT', '2025-06-14T00:37:00.000Z'],
    ['Jun 13, 2025, 8:37 p.m. ET', '2025-06-14T00:37:00.000Z'], // "ET" in June is EDT
    ['Updated 8:37pm', '2025-06-14T00:37:00.000Z'], // today
    ['8:37 PM', '2025-06-14T00:37:00.000Z'],
    ['20:37', '2025-06-14T00:37:00.000Z'],
    ['9:15pm', '2025-06-13T01:15:00.000Z'], // later than now: yesterday evening
    ['8:37 PM GMT', '2025-06-13T20:37:00.000Z'],
    ['2 hours ago', '2025-06-13T23:00:00.000Z'],
    ['5 mins ago', '2025-06-14T00:55:00.000Z'],
    ['an hour ago', '2025-06-14T00:00:00.000Z'],
    ['just now', '2025-06-14T01:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(at(input)).toBe(expected);
  });

  it('day-first pages and German forms', () => {
    expect(at('13.06.2025 20:37 Uhr', BERLIN)).toBe('2025-06-13T18:37:00.000Z');
    expect(at('06/05/2025 10:00', BERLIN)).toBe('2025-05-06T08:00:00.000Z');
    expect(at('06/05/2025 10:00', NY)).toBe('2025-06-05T14:00:00.000Z');
    expect(at('vor 3 Stunden', BERLIN)).toBe('2025-06-13T22:00:00.000Z');
  });

  it('"ago" is relative (not part of an id); a clock time is not', () => {
    expect(readPageDate('2 hours ago', NY)!.relative).toBe(true);
    expect(readPageDate('8:37 PM', NY)!.relative).toBe(false);
  });

  it('text that is not a date is not read as one', () => {
    for (const s of ['Sponsored', '© 2025 Example Times', 'Page 2 of 3', '13/13/2025', '25:61', '', 'Call 555 1234']) expect(at(s), s).toBeUndefined();
  });

  it('the page offset from an ISO date', () => {
    expect(offsetOfIso('2025-06-13T08:00:00+05:30')).toBe(330);
    expect(offsetOfIso('2025-06-13T08:00:00-04:00')).toBe(-240);
    expect(offsetOfIso('2025-06-13T08:00:00Z')).toBe(0);
    expect(offsetOfIso('2025-06-13T08:00:00')).toBeUndefined();
  });
});
