// The plan that makes topics' search sources follow the topics: pure, from the topics and sources.
import { describe, expect, it } from 'vitest';
import { planSearchSources, searchSourceId, topicFeed } from '@/utils/search-feeds/topic-source';
import type { Source, Topic } from '@/utils/model';

const topic: Topic = { id: 't-1', name: 'Ceasefire', query: '"ceasefire talks"', sourceIds: [], notify: true, breaking: false, createdAt: 1, search: { kind: 'googleNews' } };
const NOW = 1_800_000_000_000;

describe('the search sources plan', () => {
  it('asks the engine itself unless a base is given (end-to-end builds only)', () => {
    expect(topicFeed(topic, 'de-AT')).toMatchObject({ ok: true, url: 'https://news.google.com/rss/search?q=%22ceasefire+talks%22&hl=de&gl=AT&ceid=AT%3Ade' });
    expect(topicFeed(topic, 'de-AT', 'http://127.0.0.1:9/')).toMatchObject({ ok: true, url: 'http://127.0.0.1:9/rss/search?q=%22ceasefire+talks%22&hl=de&gl=AT&ceid=AT%3Ade' });
    expect(topicFeed({ ...topic, search: undefined }, 'en')).toBeUndefined();
  });

  it('adds a search at once due, polled every 30 minutes, owned by its topic', () => {
    const { add, update, remove } = planSearchSources([topic, { ...topic, id: 't-2', search: undefined }], [], 'en-US', NOW);
    expect(add).toHaveLength(1);
    expect(add[0]).toMatchObject({ id: searchSourceId('t-1'), topicId: 't-1', searchEngine: 'googleNews', nextPollAt: NOW, intervalMin: 30, kind: 'feed', enabled: true });
    expect([update, remove]).toEqual([[], []]);
  });

  it('renames with the topic, keeping its validators; removes a search that cannot be made any more', () => {
    const [src] = planSearchSources([topic], [], 'en-US', NOW).add;
    const kept: Source = { ...src!, etag: '"v1"' };
    expect(planSearchSources([{ ...topic, name: 'Truce' }], [kept], 'en-US', NOW).update).toEqual([{ id: kept.id, patch: { url: kept.url, searchEngine: 'googleNews', name: 'Truce · Google News', enabled: true } }]);
    // Only exclusions: nothing a search engine can look for.
    expect(planSearchSources([{ ...topic, query: '-crypto' }], [kept], 'en-US', NOW)).toEqual({ add: [], update: [], remove: [kept.id] });
    // A disabled one (kept for its starred items) is not removed again.
    expect(planSearchSources([], [{ ...kept, enabled: false }], 'en-US', NOW).remove).toEqual([]);
  });
});
