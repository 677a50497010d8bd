import { describe, expect, it } from 'vitest';
import { suggestMute, titlePhrase } from '@/utils/mutes/suggest';
import { parseQuery } from '@/utils/topics/query';

describe('a rule suggested from a row', () => {
  it('takes a phrase of telling words from the title, valid in the query language', () => {
    expect(titlePhrase('Your horoscope for Monday: what the stars say')).toBe('"your horoscope"');
    expect(titlePhrase('The Kardashians: a new show')).toBe('kardashians');
    expect(titlePhrase('Crypto exchange collapses overnight')).toBe('"crypto exchange collapses"');
    expect(titlePhrase('Is it "over"? 2024 "quotes"')).toBe('quotes');
    expect(titlePhrase('2024')).toBe('');
    for (const t of ['Crypto exchange collapses overnight', 'Is it "over"? 2024 "quotes"', 'Ünïcödé — façade “test”']) {
      const q = titlePhrase(t);
      if (q) expect(parseQuery(q).ok).toBe(true);
    }
  });

  it('limits the rule to the row\'s outlet when asked', () => {
    expect(suggestMute({ title: 'Bitcoin falls', sourceId: 's-1' }, true)).toEqual({ query: '"bitcoin falls"', sourceIds: ['s-1'], folders: [] });
    expect(suggestMute({ title: 'Bitcoin falls', sourceId: 's-1' }, false).sourceIds).toEqual([]);
  });
});
