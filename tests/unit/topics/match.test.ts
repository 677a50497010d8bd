import { describe, expect, it } from 'vitest';
import type { Topic } from '@/utils/model';
import { compileTopics, highlightRanges, tokensOf } from '@/utils/topics/match';
import { fold, tokenize } from '@/utils/normalize/text';

const topic = (id: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: id, query, sourceIds: [], notify: true, breaking: false, createdAt: 0, ...extra,
});

function matches(query: string, title: string, text = '', sourceId = 's1', extra: Partial<Topic> = {}): boolean {
  return compileTopics([topic('t', query, extra)]).match({ title, text, sourceId }).length === 1;
}

describe('matching', () => {
  it.each([
    // words: all must match, anywhere, any case
    ['ukraine talks', 'Ukraine peace TALKS resume', '', true],
    ['ukraine talks', 'Ukraine peace', 'the talks resume', true],
    ['ukraine talks', 'Ukraine peace', '', false],
    // whole words only
    ['AI', 'He said the plan was fair', '', false],
    ['AI', 'New AI rules agreed', '', true],
    ['AI', 'AI-generated images', '', true],
    ['art', 'Start of the season', '', false],
    ['cat', "The cat's toy", '', true],
    // accents, both ways
    ['zurich', 'Zürich votes', '', true],
    ['Zürich', 'ZURICH VOTES', '', true],
    ['säo paulo', 'Sao Paulo floods', '', true],
    ['cafe', 'Cafe\u0301 owners protest', '', true],
    ['istanbul', 'İstanbul summit', '', true],
    // phrases: consecutive words
    ['"peace talks"', 'Peace talks resume', '', true],
    ['"peace talks"', 'Talks on peace resume', '', false],
    ['"peace talks"', 'Peace, talks', '', true],
    ['"peace talks"', 'Peace', 'talks', false],
    ['"u.s. election"', 'The U.S. election', '', true],
    ['U.S.', 'us troops', '', false],
    // OR
    ['kyiv OR kiev', 'Kiev at night', '', true],
    ['kyiv OR kiev', 'Lviv at night', '', false],
    ['talks kyiv OR kiev', 'Kyiv talks', '', true],
    ['talks kyiv OR kiev', 'Kyiv news', '', false],
    // exclusions
    ['election -football', 'Election day', '', true],
    ['election -football', 'Election at the football club', '', false],
    ['election -football', 'Election day', 'a football match', false],
    ['election -"opinion poll"', 'Election poll', 'no opinion here', true],
    ['election -"opinion poll"', 'Election', 'opinion poll shows', false],
    ['election -title:live', 'Live: election', '', false],
    ['election -title:live', 'Election', 'live coverage', true],
    // title:
    ['title:storm', 'Storm warning', '', true],
    ['title:storm', 'Weather', 'a storm is coming', false],
    ['title:"storm warning" coast', 'Storm warning', 'for the coast', true],
    // prefix
    ['elect*', 'Elections today', '', true],
    ['elect*', 'Selected works', '', false],
    ['"general elect*"', 'General elections', '', true],
    // digits and other scripts
    ['covid 19', 'COVID-19 cases', '', true],
    ['g7', 'G7 summit', '', true],
    ['москва', 'Москва сегодня', '', true],
  ])('%j ~ %j / %j -> %s', (q, title, text, want) => {
    expect(matches(q, title, text)).toBe(want);
  });

  it('malformed queries match nothing', () => {
    expect(matches('"unclosed', 'unclosed quote')).toBe(false);
    expect(matches('a OR', 'a')).toBe(false);
  });

  it('source scope', () => {
    expect(matches('storm', 'Storm', '', 's1', { sourceIds: ['s1'] })).toBe(true);
    expect(matches('storm', 'Storm', '', 's2', { sourceIds: ['s1'] })).toBe(false);
  });

  it('gives every matching topic id, in topic order', () => {
    const m = compileTopics([topic('a', 'storm'), topic('b', 'flood'), topic('c', 'storm OR flood')]);
    expect(m.match({ title: 'Storm and flood', text: '' })).toEqual(['a', 'b', 'c']);
    expect(m.match({ title: 'Sunny', text: '' })).toEqual([]);
  });

  it('tokensOf agrees with the search words', () => {
    const s = 'Zürich’s “AI” — naïve İstanbul café 2026 U.S. e\u0301te\u0301';
    expect(tokensOf(s).map((t) => t.w)).toEqual(tokenize(fold(s)));
  });
});

describe('highlightRanges', () => {
  it('marks words, phrases and prefixes in the original text', () => {
    const text = 'Zürich: Peace talks and elections';
    const r = highlightRanges(text, [topic('a', 'zurich "peace talks"'), topic('b', 'elect*')]);
    expect(r.map((x) => [text.slice(x.start, x.end), x.topicIds])).toEqual([
      ['Zürich', ['a']],
      ['Peace talks', ['a']],
      ['elections', ['b']],
    ]);
  });

  it('merges overlapping ranges of several topics', () => {
    const text = 'Peace talks';
    const r = highlightRanges(text, [topic('a', '"peace talks"'), topic('b', 'talks')]);
    expect(r).toEqual([{ start: 0, end: 11, topicIds: ['a', 'b'] }]);
  });

  it('never marks exclusions, and title: terms only in titles', () => {
    const text = 'Storm and football';
    expect(highlightRanges(text, [topic('a', 'title:storm -football')], 'title').map((x) => text.slice(x.start, x.end))).toEqual(['Storm']);
    expect(highlightRanges(text, [topic('a', 'title:storm -football')], 'summary')).toEqual([]);
  });

  it('whole words only, and nothing for a broken query', () => {
    expect(highlightRanges('He said so', [topic('a', 'AI')])).toEqual([]);
    expect(highlightRanges('AI "x', [topic('a', 'AI "x')])).toEqual([]);
  });

  it('keeps combining accents inside the range', () => {
    const text = 'Cafe\u0301 open';
    const [r] = highlightRanges(text, [topic('a', 'café')]);
    expect(text.slice(r.start, r.end)).toBe('Cafe\u0301');
  });
});
