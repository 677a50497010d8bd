// Search feeds' items as Google News, Bing News and Google Alerts write them (from their documented
// and observed formats): the publisher suffix, redirect links, and summaries that are no summaries.
import { describe, expect, it } from 'vitest';
import { cleanGoogleSummary, stripPublisher, unwrapRedirect } from '@/utils/search-feeds/clean-item';

describe('Google News titles', () => {
  it('lose " - Publisher" when it is the item\'s <source>, and nothing else', () => {
    expect(stripPublisher('Ceasefire talks resume in Cairo - Reuters', 'Reuters')).toBe('Ceasefire talks resume in Cairo');
    expect(stripPublisher('Waffenruhe: Gespräche in Kairo – DER SPIEGEL', 'DER SPIEGEL')).toBe('Waffenruhe: Gespräche in Kairo');
    expect(stripPublisher('Ceasefire talks resume - Reuters', 'AP News')).toBe('Ceasefire talks resume - Reuters');
    expect(stripPublisher('Reuters', 'Reuters')).toBe('Reuters');
    expect(stripPublisher('Talks - Reuters', undefined)).toBe('Talks - Reuters');
  });
});

describe('redirect links', () => {
  it('Bing News and Google Alerts redirects open the article\'s own address', () => {
    expect(unwrapRedirect('http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=abc&url=https%3a%2f%2fwww.example.com%2fnews%2fstory-1%3fa%3d1&c=123&mkt=en-us'))
      .toBe('https://www.example.com/news/story-1?a=1');
    expect(unwrapRedirect('https://www.google.com/url?rct=j&sa=t&url=https://www.example.org/article/42&ct=ga&cd=CAI&usg=AOv'))
      .toBe('https://www.example.org/article/42');
  });

  it('keeps Google News article links, other links, and redirects to anything but the web, as given', () => {
    const gn = 'https://news.google.com/rss/articles/CBMiK2h0dHBzOi8vd3d3LmV4YW1wbGUuY29tL25ld3Mvc3Rvcnk?oc=5';
    expect(unwrapRedirect(gn)).toBe(gn);
    expect(unwrapRedirect('https://news.google.com/articles/CAIiEFx?hl=en-US&gl=US&ceid=US:en')).toBe('https://news.google.com/articles/CAIiEFx?hl=en-US&gl=US&ceid=US:en');
    expect(unwrapRedirect('https://www.example.com/a')).toBe('https://www.example.com/a');
    // Google News's older links carried the article's address themselves: read, not asked of Google.
    expect(unwrapRedirect('https://news.google.com/news/url?sa=t&fd=R&ct2=us&usg=AFQjCNG&clid=c3a7d30bb8a4878e06b80cf16b898331&url=https://www.example.net/world/2019/quake.html')).toBe('https://www.example.net/world/2019/quake.html');
    expect(unwrapRedirect('https://www.google.com/url?url=javascript:alert(1)')).toBe('https://www.google.com/url?url=javascript:alert(1)');
    expect(unwrapRedirect('not a link')).toBe('not a link');
  });
});

describe('Google News summaries', () => {
  const TITLE = 'Ceasefire talks resume in Cairo';
  it('a summary that only repeats the title (and its outlet) is dropped', () => {
    const html = `<a href="https://news.google.com/rss/articles/CBMi1?oc=5" target="_blank">Ceasefire talks resume in Cairo</a>&nbsp;&nbsp;<font color="#6f6f6f">Reuters</font>`;
    expect(cleanGoogleSummary(html, TITLE)).toEqual({ summaryHtml: '', related: [] });
  });

  it('an <ol> of related coverage becomes the item\'s other reports, without "View Full Coverage"', () => {
    const html = `<ol><li><a href="https://news.google.com/rss/articles/CBMi1?oc=5" target="_blank">Ceasefire talks resume in Cairo</a>&nbsp;&nbsp;<font color="#6f6f6f">Reuters</font></li>`
      + `<li><a href="https://news.google.com/rss/articles/CBMi2?oc=5" target="_blank">Negotiators return to Cairo as truce hopes rise</a>&nbsp;&nbsp;<font color="#6f6f6f">AP News</font></li>`
      + `<li><a href="https://news.google.com/rss/articles/CBMi3?oc=5" target="_blank">Cairo talks: what we know</a>&nbsp;&nbsp;<font color="#6f6f6f">BBC</font></li>`
      + `<li><strong><a href="https://news.google.com/stories/CAAqNggK?oc=5" target="_blank">View Full Coverage on Google News</a></strong></li></ol>`;
    expect(cleanGoogleSummary(html, TITLE)).toEqual({
      summaryHtml: '',
      related: [
        { title: 'Negotiators return to Cairo as truce hopes rise', url: 'https://news.google.com/rss/articles/CBMi2?oc=5', outlet: 'AP News' },
        { title: 'Cairo talks: what we know', url: 'https://news.google.com/rss/articles/CBMi3?oc=5', outlet: 'BBC' },
      ],
    });
  });

  it('keeps a real summary (Google Alerts, Bing) as it is', () => {
    const html = 'Negotiators from both sides met on Tuesday, officials said, as <b>ceasefire</b> hopes grew.';
    expect(cleanGoogleSummary(html, TITLE)).toEqual({ summaryHtml: html, related: [] });
    expect(cleanGoogleSummary('', TITLE)).toEqual({ summaryHtml: '', related: [] });
  });
});
