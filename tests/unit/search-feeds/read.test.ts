// Search feeds read from fixtures written from each engine's format (Google News in two editions, old
// and new link forms; Bing News; Google Alerts): the kind recognised, and each item's outlet, title and
// the address it opens.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '@/utils/sources/feed';
import { readSearchItems, searchFeedKindOf, searchFeedKindOfUrl } from '@/utils/search-feeds/read';

const fixture = (name: string) => parseFeedText(fs.readFileSync(`tests/fixtures/search-feeds/${name}`, 'utf8'));

describe('search feeds', () => {
  it('are recognised from their address', () => {
    expect(searchFeedKindOfUrl('https://news.google.com/rss/search?q=x&hl=de&gl=DE&ceid=DE:de')).toBe('googleNews');
    expect(searchFeedKindOfUrl('https://www.bing.com/news/search?q=x&format=RSS')).toBe('bingNews');
    expect(searchFeedKindOfUrl('https://www.google.com/alerts/feeds/1/2')).toBe('googleAlerts');
    expect(searchFeedKindOfUrl('https://www.bing.com/news/search?q=x')).toBeUndefined();
    expect(searchFeedKindOfUrl('https://news.example/rss')).toBeUndefined();
  });

  it('Google News: publisher suffix stripped, outlet from <source>, title-only summaries dropped, coverage as other reports', () => {
    const feed = fixture('google-news-en.xml');
    expect(searchFeedKindOf(feed)).toBe('googleNews');
    const items = readSearchItems('googleNews', feed.items);
    expect(items.map((it) => [it.outletLabel, it.title])).toEqual([
      ['Reuters via Google News', 'Ceasefire talks resume in Cairo'],
      ['The Guardian via Google News', 'What the ceasefire talks could mean for aid'],
      ['Al Jazeera English via Google News', 'Talks - a view from the region'],
    ]);
    // Google's own links, old and new forms, opened as given.
    expect(items[0]!.url).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\/CBMi/);
    expect(items[2]!.url).toMatch(/^https:\/\/news\.google\.com\/articles\/CAIi/);
    expect(items.map((it) => it.summaryHtml)).toEqual(['', '', '']);
    expect(items[0]!.related).toEqual([{ title: 'Negotiators return to Cairo as truce hopes rise', url: expect.stringMatching(/^https:\/\/news\.google\.com\/rss\/articles\//), outlet: 'AP News' }]);
    const de = readSearchItems('googleNews', fixture('google-news-de.xml').items);
    expect(de.map((it) => [it.outletLabel, it.title])).toEqual([['DER SPIEGEL via Google News', 'Waffenruhe: Gespräche in Kairo gehen weiter']]);
  });

  it('Bing News: the article\'s own address from the redirect, the outlet from its site', () => {
    const feed = fixture('bing-news.xml');
    expect(searchFeedKindOf(feed)).toBe('bingNews');
    const items = readSearchItems('bingNews', feed.items);
    expect(items.map((it) => [it.outletLabel, it.title, it.url])).toEqual([
      ['reuters.com via Bing News', 'Ceasefire talks resume in Cairo', 'https://www.reuters.com/world/ceasefire-talks-resume-cairo-2026-12-07/'],
      ['bbc.co.uk via Bing News', 'Aid agencies wait on ceasefire deal', 'https://www.bbc.co.uk/news/world-123456'],
    ]);
    expect(items[0]!.summaryHtml).toContain('Negotiators met in Cairo');
  });

  it('Google Alerts: the article\'s own address from the redirect, the marks gone from the title', () => {
    const feed = fixture('google-alerts.xml');
    expect(searchFeedKindOf(feed)).toBe('googleAlerts');
    const items = readSearchItems('googleAlerts', feed.items);
    expect(items.map((it) => [it.outletLabel, it.title, it.url])).toEqual([
      ['example-news.de via Google Alerts', 'Acme Corp opens new plant in Leipzig', 'https://www.example-news.de/wirtschaft/acme-leipzig-werk'],
    ]);
  });

  it('an ordinary feed is no search feed', () => {
    expect(searchFeedKindOf(parseFeedText(fs.readFileSync('tests/fixtures/feeds/rss2.xml', 'utf8')))).toBeUndefined();
  });
});
