import { describe, expect, it } from 'vitest';
import { mapQuery } from '@/utils/search-feeds/query-map';
import { parseQuery } from '@/utils/topics/query';

const map = (q: string, engine: 'google' | 'bing' = 'google') => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return mapQuery(r.ast, engine);
};

describe('a topic query as a news search', () => {
  it('carries phrases, OR, exclusions and title: over', () => {
    expect(map('"ceasefire talks" gaza')).toEqual({ q: '"ceasefire talks" gaza', exact: true });
    expect(map('talks kyiv OR kiev')).toEqual({ q: 'talks kyiv OR kiev', exact: true });
    expect(map('talks kyiv OR kiev', 'bing')).toEqual({ q: 'talks (kyiv OR kiev)', exact: true });
    expect(map('election -football -"world cup"')).toEqual({ q: 'election -football -"world cup"', exact: true });
    expect(map('title:horoscope')).toEqual({ q: 'intitle:horoscope', exact: true });
    expect(map('title:"acme corp" -title:rumour')).toEqual({ q: 'intitle:"acme corp" -intitle:rumour', exact: true });
  });

  it('leaves out what cannot be asked for, and says the local filter decides', () => {
    expect(map('elect* germany')).toEqual({ q: 'germany', exact: false });
    expect(map('merkel -chancell*')).toEqual({ q: 'merkel', exact: false });
    expect(map('elect*')).toEqual({ q: '', exact: false });
  });

  it('folds case and accents as the matcher does', () => {
    expect(map('Zürich "Credit Suisse"').q).toBe('zurich "credit suisse"');
  });
});
