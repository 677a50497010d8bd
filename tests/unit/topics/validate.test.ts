import { describe, expect, it } from 'vitest';
import { validateTopic } from '@/utils/topics/validate';
import { checkSourceUrl, parseHttpUrl } from '@/utils/validate';
import { changedTopicIds, loadTopics, newTopicId, replaceTopics, saveTopic } from '@/utils/topics/store';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Topic } from '@/utils/model';

const t = (id: string, name: string): Topic => ({ id, name, query: 'x', sourceIds: [], notify: true, breaking: false, createdAt: 1 });

describe('validateTopic', () => {
  it('names: empty, duplicate (any case), fine', () => {
    expect(validateTopic({ name: '  ', query: 'x' }, []).name).toBe('empty');
    expect(validateTopic({ name: 'storms', query: 'x' }, [t('a', 'Storms')]).name).toBe('duplicate');
    expect(validateTopic({ name: 'Storms', query: 'storm' }, [t('a', 'Floods')])).toEqual({});
  });
  it('queries: empty and malformed with a position', () => {
    expect(validateTopic({ name: 'a', query: ' ' }, []).query?.code).toBe('empty');
    expect(validateTopic({ name: 'a', query: 'x "y' }, []).query).toMatchObject({ code: 'unclosedQuote', start: 2 });
  });
});

describe('URLs', () => {
  it.each([
    ['https://example.com/feed', 'https://example.com/feed'],
    ['example.com/rss', 'https://example.com/rss'],
    ['  http://127.0.0.1:8080/x#frag ', 'http://127.0.0.1:8080/x'],
    ['http://localhost:3000/feed', 'http://localhost:3000/feed'],
    ['ftp://example.com/x', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
    ['nohost', undefined],
  ])('%j -> %j', (input, want) => expect(parseHttpUrl(input)).toBe(want));

  it('duplicates and empties', () => {
    expect(checkSourceUrl('', [])).toEqual({ problem: { code: 'noAddress' } });
    expect(checkSourceUrl('example.com/rss', [{ url: 'https://example.com/rss', name: 'Example' }])).toEqual({ problem: { code: 'duplicate', name: 'Example' } });
  });
});

describe('topic store additions', () => {
  it('changedTopicIds tells topic changes from others', () => {
    expect(changedTopicIds({ 'topic:a': {}, topicIds: { oldValue: [], newValue: ['a'] } })).toEqual(['a']);
    expect(changedTopicIds({ topicIds: { oldValue: ['a', 'b'], newValue: ['b'] } })).toEqual(['a']);
    expect(changedTopicIds({ topicIds: { oldValue: ['a', 'b'], newValue: ['b', 'a'] } })).toBeNull();
    expect(changedTopicIds({ settings: {} })).toBeNull();
  });
  it('ids are unique enough', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newTopicId()));
    expect(ids.size).toBe(200);
  });
  it('replaceTopics swaps the whole list', async () => {
    await saveTopic(fakeBrowser.storage.sync, t('a', 'A'));
    await replaceTopics(fakeBrowser.storage.sync, [t('b', 'B')]);
    expect((await loadTopics(fakeBrowser.storage.sync)).map((x) => x.id)).toEqual(['b']);
  });
});
