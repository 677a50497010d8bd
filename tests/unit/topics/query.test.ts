import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryErrorCode } from '@/utils/topics/query';

function ast(q: string) {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(`${q}: ${r.error.message}`);
  return r.ast;
}

function err(q: string) {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`${q} parsed`);
  return r.error;
}

describe('parseQuery', () => {
  it('words are all required, folded', () => {
    const a = ast('Ukraine  Talks');
    expect(a.all.map((c) => c.terms.map((t) => t.tokens))).toEqual([[['ukraine']], [['talks']]]);
    expect(a.none).toEqual([]);
  });

  it('phrases keep their words in order, with positions', () => {
    const a = ast('say "Peace Talks" now');
    expect(a.all[1].terms[0]).toMatchObject({ tokens: ['peace', 'talks'], start: 4, end: 17, field: 'any', prefix: false });
  });

  it('OR joins neighbours and binds tighter than AND', () => {
    const a = ast('talks kyiv OR kiev OR "kyjiw"');
    expect(a.all).toHaveLength(2);
    expect(a.all[1].terms.map((t) => t.tokens[0])).toEqual(['kyiv', 'kiev', 'kyjiw']);
  });

  it('lower-case "or" is a word', () => {
    expect(ast('this or that').all).toHaveLength(3);
  });

  it('exclusions, title: and prefixes', () => {
    const a = ast('title:ukraine -football -"transfer window" -title:live elect*');
    expect(a.all[0].terms[0]).toMatchObject({ tokens: ['ukraine'], field: 'title' });
    expect(a.none.map((t) => [t.tokens, t.field])).toEqual([
      [['football'], 'any'],
      [['transfer', 'window'], 'any'],
      [['live'], 'title'],
    ]);
    expect(a.all[1].terms[0]).toMatchObject({ tokens: ['elect'], prefix: true });
  });

  it('title:"phrase" and TITLE: in any case', () => {
    expect(ast('TITLE:"Breaking News"').all[0].terms[0]).toMatchObject({ tokens: ['breaking', 'news'], field: 'title' });
  });

  it('accents and punctuation inside words', () => {
    expect(ast('Zürich U.S.').all.map((c) => c.terms[0].tokens)).toEqual([['zurich'], ['u', 's']]);
  });

  it('ignores lone punctuation but not when it is all there is', () => {
    expect(ast('& climate').all).toHaveLength(1);
    expect(err('& --').code).toBe('nothingToMatch');
  });

  const cases: Array<[string, QueryErrorCode, number, number]> = [
    ['"peace talks', 'unclosedQuote', 0, 12],
    ['war "peace', 'unclosedQuote', 4, 10],
    ['OR kyiv', 'danglingOr', 0, 2],
    ['kyiv OR', 'danglingOr', 5, 7],
    ['kyiv OR OR kiev', 'danglingOr', 8, 10],
    ['kyiv - kiev', 'emptyExclusion', 5, 6],
    ['kyiv -', 'emptyExclusion', 5, 6],
    ['kyiv -""', 'emptyExclusion', 5, 8],
    ['title: kyiv', 'emptyTitle', 0, 6],
    ['kyiv title:', 'emptyTitle', 5, 11],
    ['title:""', 'emptyTitle', 0, 8],
    ['-kyiv', 'nothingToMatch', 0, 5],
    ['', 'nothingToMatch', 0, 1],
    ['   ', 'nothingToMatch', 0, 3],
    ['""', 'nothingToMatch', 0, 2],
    ['kyiv OR -kiev', 'orExclusion', 5, 7],
    ['-kyiv OR kiev', 'orExclusion', 6, 8],
  ];
  it.each(cases)('%j -> %s at %i..%i', (q, code, start, end) => {
    expect(err(q)).toMatchObject({ code, start, end });
    expect(err(q).message.length).toBeGreaterThan(5);
  });

  it('never throws on odd input', () => {
    for (const q of ['"', '-', 'OR', '""""', '-"-"', 'title:title:', '*', 'a*b*', '\u0000', '"\n"', '-title:"']) {
      expect(() => parseQuery(q)).not.toThrow();
    }
  });
});
