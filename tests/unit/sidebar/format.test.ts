import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime, tickerTime } from '@/utils/format/time';
import { faviconUrl, initialOf, summaryLine } from '@/utils/sidebar/display';
import { keyAction, moveFocus } from '@/components/sidebar/keyboard';

const NOW = Date.UTC(2026, 10, 25, 20, 37);
const MIN = 60_000;

describe('time formatting', () => {
  it('relative times', () => {
    expect(relativeTime(NOW - 20_000, NOW)).toBe('now');
    expect(relativeTime(NOW - 5 * MIN, NOW)).toBe('5 min. ago');
    expect(relativeTime(NOW - 3 * 60 * MIN, NOW)).toBe('3 hr. ago');
    expect(relativeTime(NOW - 26 * 60 * MIN, NOW)).toBe('yesterday');
    expect(relativeTime(NOW - 10 * 24 * 60 * MIN, NOW, 'en', 'UTC')).toBe('Nov 15');
    expect(relativeTime(NOW - 5 * MIN, NOW, 'de')).toBe('vor 5 Min.');
  });
  it('ticker stamps and absolute times', () => {
    expect(tickerTime(NOW, NOW, 'en', 'UTC')).toBe('8:37 PM');
    expect(tickerTime(NOW - 24 * 60 * MIN, NOW, 'en', 'UTC')).toBe('Tue 8:37 PM');
    expect(tickerTime(NOW, NOW, 'de', 'UTC')).toBe('20:37');
    expect(absoluteTime(NOW, 'en', 'UTC')).toBe('Wednesday, November 25, 2026 at 8:37 PM');
  });
});

describe('display helpers', () => {
  it('favicon from the source’s own origin only', () => {
    expect(faviconUrl({ siteUrl: 'https://www.news.example/world/', url: 'https://feeds.example/x' })).toBe('https://www.news.example/favicon.ico');
    expect(faviconUrl({ url: 'http://127.0.0.1:8080/feed.xml' })).toBe('http://127.0.0.1:8080/favicon.ico');
    expect(faviconUrl({ siteUrl: 'javascript:alert(1)', url: 'nonsense' })).toBeUndefined();
    // Asked again (every render), the same answers.
    expect(faviconUrl({ siteUrl: 'javascript:alert(1)', url: 'nonsense' })).toBeUndefined();
    expect(faviconUrl({ url: 'http://127.0.0.1:8080/feed.xml' })).toBe('http://127.0.0.1:8080/favicon.ico');
    expect(faviconUrl({ siteUrl: 'https://other.example/', url: 'http://127.0.0.1:8080/feed.xml' })).toBe('https://other.example/favicon.ico');
    expect(faviconUrl(undefined)).toBeUndefined();
  });
  it('letter avatars and one-line summaries', () => {
    expect(initialOf('  «ABC News»')).toBe('A');
    expect(initialOf('')).toBe('?');
    expect(summaryLine({ title: 'T', summaryHtml: '<p>Hello <b>world</b> &amp; more</p>', contentHtml: '' })).toBe('Hello world & more');
    expect(summaryLine({ title: 'T', summaryHtml: '', contentHtml: '<p>From content</p>' })).toBe('From content');
    expect(summaryLine({ title: 'Same', summaryHtml: 'Same', contentHtml: '' })).toBe('');
    expect(summaryLine({ title: 'T', summaryHtml: 'word '.repeat(100), contentHtml: '' }, 20)).toBe('word word word word…');
  });
});

describe('keyboard mapping', () => {
  const k = (key: string, extra: Partial<Parameters<typeof keyAction>[0]> = {}) => keyAction({ key, inTextField: false, onControl: false, ...extra });
  it('maps keys to actions', () => {
    expect([k('j'), k('k'), k('o'), k('Enter'), k('m'), k('s'), k('/'), k('Escape')]).toEqual(['next', 'prev', 'open', 'open', 'toggleRead', 'star', 'search', 'back']);
  });
  it('leaves typing, buttons and browser shortcuts alone', () => {
    expect(k('j', { inTextField: true })).toBeUndefined();
    expect(k('Escape', { inTextField: true })).toBe('back');
    expect(k('Enter', { onControl: true })).toBeUndefined();
    expect(k('s', { ctrlKey: true })).toBeUndefined();
    expect(k('ArrowDown')).toBeUndefined();
  });
  it('moves focus within bounds', () => {
    expect(moveFocus(['a', 'b'], null, 1)).toBe('a');
    expect(moveFocus(['a', 'b'], null, -1)).toBe('b');
    expect(moveFocus(['a', 'b'], 'b', 1)).toBe('b');
    expect(moveFocus(['a', 'b'], 'b', -1)).toBe('a');
    expect(moveFocus([], 'a', 1)).toBeNull();
  });
});
