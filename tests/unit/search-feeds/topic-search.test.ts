import { describe, expect, it } from 'vitest';
import { keepMatching, searchFeedOf } from '@/utils/search-feeds/topic-search';
import type { ParsedItem } from '@/utils/model';

const parsed = (title: string, summaryHtml = ''): ParsedItem => ({ title, url: `https://x.example/${encodeURIComponent(title)}`, summaryHtml, contentHtml: '', categories: [], breaking: false });

describe('a topic\'s search feed', () => {
  it('follows Google News in the browser\'s edition, or the one the topic chose', () => {
    expect(searchFeedOf({ query: '"ceasefire talks" -sport' }, { kind: 'googleNews' }, 'de-DE')).toEqual({
      ok: true, kind: 'googleNews', exact: true,
      url: 'https://news.google.com/rss/search?q=%22ceasefire+talks%22+-sport&hl=de&gl=DE&ceid=DE%3Ade',
    });
    const fr = searchFeedOf({ query: 'acme' }, { kind: 'googleNews', edition: { hl: 'fr', gl: 'FR', ceid: 'FR:fr' } }, 'de-DE');
    expect(fr.ok && fr.url).toBe('https://news.google.com/rss/search?q=acme&hl=fr&gl=FR&ceid=FR%3Afr');
  });

  it('or Bing News, or a pasted Google Alerts feed', () => {
    expect(searchFeedOf({ query: 'talks kyiv OR kiev' }, { kind: 'bingNews' }, 'en')).toMatchObject({ ok: true, url: 'https://www.bing.com/news/search?q=talks+%28kyiv+OR+kiev%29&format=rss' });
    expect(searchFeedOf({ query: 'anything' }, { kind: 'googleAlerts', url: 'https://www.google.com/alerts/feeds/1/2' }, 'en')).toMatchObject({ ok: true, kind: 'googleAlerts', url: 'https://www.google.com/alerts/feeds/1/2' });
  });

  it('says why no search can be made, and makes no request', () => {
    expect(searchFeedOf({ query: 'elect*' }, { kind: 'googleNews' }, 'en')).toEqual({ ok: false, problem: 'nothingToSearch' });
    expect(searchFeedOf({ query: '"open' }, { kind: 'bingNews' }, 'en')).toEqual({ ok: false, problem: 'badQuery' });
    expect(searchFeedOf({ query: 'x' }, { kind: 'googleAlerts', url: 'https://evil.example/alerts/feeds/1/2' }, 'en')).toEqual({ ok: false, problem: 'notAlertsFeed' });
  });

  it('keeps only what the topic\'s own query matches (what the engine could not be asked is filtered here)', () => {
    const items = [parsed('Election results in Germany'), parsed('Germany elects a new president'), parsed('Germany wins the cup'), parsed('Electric cars', '<p>Germany sells more</p>')];
    expect(keepMatching({ query: 'elect* germany -cup' }, items).map((it) => it.title)).toEqual(['Election results in Germany', 'Germany elects a new president', 'Electric cars']);
  });
});
