// A topic's search travels in the settings file: exported as it is, read back checked field by field, a
// broken one refused with where it is (nothing imported); an imported search asks for its engine's site.
import { describe, expect, it } from 'vitest';
import { exportSettings, readSettingsFile, SettingsFileError } from '@/utils/settings-io';
import { readTopicSearch } from '@/utils/search-feeds/read-search';
import { searchOrigins } from '@/utils/origins';
import { DEFAULT_SETTINGS, type Topic } from '@/utils/model';

const base: Topic = { id: 't-1', name: 'Ceasefire', query: '"ceasefire talks"', sourceIds: [], notify: true, breaking: false, createdAt: 5 };
const ALERTS = 'https://www.google.com/alerts/feeds/01234567890123456789/98765432109876543210';

describe('a topic search in the settings file', () => {
  it('round-trips every engine', () => {
    const topics: Topic[] = [
      { ...base, search: { kind: 'googleNews', edition: { hl: 'de', gl: 'AT', ceid: 'AT:de' } } },
      { ...base, id: 't-2', search: { kind: 'bingNews' } },
      { ...base, id: 't-3', search: { kind: 'googleAlerts', url: ALERTS } },
      { ...base, id: 't-4' },
    ];
    expect(readSettingsFile(exportSettings(DEFAULT_SETTINGS, topics, [])).topics).toEqual(topics);
  });

  it('refuses a broken search with where it is', () => {
    const text = exportSettings(DEFAULT_SETTINGS, [{ ...base, search: { kind: 'googleAlerts', url: 'https://evil.example/alerts/feeds/1/2' } }], []);
    expect(() => readSettingsFile(text)).toThrow(SettingsFileError);
    expect(() => readSettingsFile(text)).toThrow(expect.objectContaining({ where: 'topics[0].search' }));
    expect(readTopicSearch({ kind: 'googleNews', edition: { hl: 'de', gl: 'AT', ceid: '<script>' } })).toBeUndefined();
    expect(readTopicSearch({ kind: 'yahoo' })).toBeUndefined();
    expect(readTopicSearch('googleNews')).toBeUndefined();
  });

  it("an imported search asks for its engine's site, once per site", () => {
    expect(searchOrigins([{ ...base, search: { kind: 'googleNews' } }, { ...base, search: { kind: 'bingNews' } }, { ...base, query: 'other', search: { kind: 'googleNews' } }, base], 'en-US')).toEqual(['https://news.google.com/*', 'https://www.bing.com/*']);
  });
});
