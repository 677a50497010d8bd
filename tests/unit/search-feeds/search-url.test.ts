import { describe, expect, it } from 'vitest';
import { bingNewsSearchUrl, editionOf, googleAlertsFeed, googleNewsSearchUrl } from '@/utils/search-feeds/search-url';

describe('search feed addresses', () => {
  it('takes the Google News edition from the browser locale', () => {
    expect(editionOf('en-US')).toEqual({ hl: 'en-US', gl: 'US', ceid: 'US:en' });
    expect(editionOf('en-GB')).toEqual({ hl: 'en-GB', gl: 'GB', ceid: 'GB:en' });
    expect(editionOf('en')).toEqual({ hl: 'en-US', gl: 'US', ceid: 'US:en' });
    expect(editionOf('de')).toEqual({ hl: 'de', gl: 'DE', ceid: 'DE:de' });
    expect(editionOf('de-AT')).toEqual({ hl: 'de', gl: 'AT', ceid: 'AT:de' });
    expect(editionOf('pt_BR')).toEqual({ hl: 'pt', gl: 'BR', ceid: 'BR:pt' });
    expect(editionOf('')).toEqual({ hl: 'en-US', gl: 'US', ceid: 'US:en' });
  });

  it('builds Google News and Bing News search feed addresses with the query encoded', () => {
    expect(googleNewsSearchUrl('"ceasefire talks" -sport', editionOf('de-DE')))
      .toBe('https://news.google.com/rss/search?q=%22ceasefire+talks%22+-sport&hl=de&gl=DE&ceid=DE%3Ade');
    expect(bingNewsSearchUrl('intitle:acme OR widget')).toBe('https://www.bing.com/news/search?q=intitle%3Aacme+OR+widget&format=rss');
  });

  it('accepts only a Google Alerts feed address when one is pasted', () => {
    expect(googleAlertsFeed(' https://www.google.com/alerts/feeds/01234567890123456789/1234567890123456789 '))
      .toBe('https://www.google.com/alerts/feeds/01234567890123456789/1234567890123456789');
    expect(googleAlertsFeed('https://www.google.de/alerts/feeds/1/2?x=y')).toBe('https://www.google.de/alerts/feeds/1/2');
    expect(googleAlertsFeed('http://www.google.com/alerts/feeds/1/2')).toBeUndefined();
    expect(googleAlertsFeed('https://evil.example/alerts/feeds/1/2')).toBeUndefined();
    expect(googleAlertsFeed('https://www.google.com/alerts')).toBeUndefined();
    expect(googleAlertsFeed('not a url')).toBeUndefined();
  });
});
