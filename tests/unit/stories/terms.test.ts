// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_TERMS, slugWords, stem, storyTerms } from '@/utils/stories/terms';

describe('storyTerms', () => {
  it('keeps a headline\'s telling words, folded, endings cut, generic words out', () => {
    expect(storyTerms({ title: 'Google Buys Drone Makers in Zürich, Reports Say' })).toEqual(['googl', 'buy', 'dron', 'maker', 'zurich']);
  });

  it('keeps numbers whole and apart from names with digits', () => {
    expect(storyTerms({ title: 'Quake kills 5; 1,500 homes damaged, prices up 1.6%' })).toEqual(['#5', '#1500', '#1.6', 'quak', 'kill', 'home', 'damag', 'pric']);
    expect(storyTerms({ title: 'MH370: Q1 search costs' })).toEqual(['mh370', 'q1', 'search', 'cost']);
    expect(storyTerms({ title: '5 dead' })).not.toEqual(storyTerms({ title: '50 dead' }));
  });

  it('keeps numbers joined by a dash as one (a score, a range): "2-0" shares nothing with "0"', () => {
    expect(storyTerms({ title: 'Item 2-0 storm harbour report' })).toEqual(['#2-0', 'item', 'storm', 'harbour']);
    expect(storyTerms({ title: 'Chelsea 02–1 Arsenal in 2013-14 season' })).toEqual(['#2-1', '#2013-14', 'chelsea', 'arsenal', 'season']);
    expect(storyTerms({ title: 'Storm warning 0 for the valley' })).toContain('#0');
  });

  it('drops possessives, negations and the cut of a headline cut short', () => {
    expect(storyTerms({ title: "Oprah's guest didn't cry over Pharrell  ..." })).toEqual(['oprah', 'guest', 'cry', 'pharrell']);
  });

  it('adds the slug\'s words the headline lacks, without dates and ids', () => {
    const terms = storyTerms({
      title: 'Google Glass on sale  ...',
      url: 'http://www.example.com/2014/04/15/google-glass-on-sale-to-public-for-one-day-only-a746377.html?utm_source=feed',
    });
    expect(terms).toEqual(['googl', 'glass', 'sale', 'public']);
  });

  it('takes a summary\'s names and numbers, not its every word', () => {
    const terms = storyTerms({
      title: 'Quake hits northern coast',
      summary: '<p>A strong earthquake struck off northern Chile on Tuesday. Officials in Iquique said 5 people died.</p>',
    });
    expect(terms).toEqual(['quak', 'hit', 'northern', 'coast', '#5', 'chil', 'iquiqu']);
  });

  it('is short, deterministic plain JSON', () => {
    const text = { title: Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' '), url: 'https://a.example/x-y-z' };
    const terms = storyTerms(text);
    expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
    expect(JSON.parse(JSON.stringify(terms))).toEqual(storyTerms(text));
    expect(storyTerms({ title: '' })).toEqual([]);
  });
});

describe('slugWords', () => {
  it('reads the path segment that reads most like a headline', () => {
    expect(slugWords('https://a.example/news/world/mh370-ocean-shield-pings/123456')).toEqual(['mh370', 'ocean', 'shield', 'pings']);
    expect(slugWords('https://a.example/article.php?id=5&title=some-words-here')).toEqual([]);
    expect(slugWords('https://a.example/2014/04/15/')).toEqual([]);
  });
});

describe('stem', () => {
  it('cuts plain endings the same way for each form of a word', () => {
    const forms = [['drones', 'drone'], ['cries', 'cried', 'cry'], ['launches', 'launched', 'launching', 'launch'], ['eliminates', 'eliminated'], ['stopped', 'stops', 'stop']];
    for (const f of forms) expect(new Set(f.map(stem)).size, f.join(' ')).toBe(1);
    expect(['glass', 'cyrus', 'bus', 'spring', 'speed'].map(stem)).toEqual(['glass', 'cyrus', 'bus', 'spring', 'speed']);
  });
});
