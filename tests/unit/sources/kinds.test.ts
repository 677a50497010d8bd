// The kinds table is the one list of source kinds: every kind has a complete row, and every kind the
// row says travels round-trips through the settings file and OPML. A new kind fails here until its row,
// adapter and routes are in place (docs/ARCHITECTURE.md, "Adding a source kind").
import { describe, expect, it } from 'vitest';
import { API_DEFAULTS } from '@/components/options/ApiSourceForm';
import { makeSource, sameFeedIn } from '@/utils/db/sources';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { exportOpml, readOpml } from '@/utils/opml';
import { exportSettings, readSettingsFile } from '@/utils/settings-io';
import { API_NAMES, apiRequest } from '@/utils/sources/api-kinds';
import { API_KINDS, isApiKind, KIND_TABLE, kindRow, SOURCE_KINDS, type SourceKind } from '@/utils/sources/kinds';
import { parseSourceBody } from '@/utils/sources/parse-body';

const NOW = 1_700_000_000_000;
const urlOf = (kind: SourceKind) => (isApiKind(kind) ? `storm ${kind}` : `https://${kind}.example/source`);
const sourceOf = (kind: SourceKind) => makeSource({ name: `A ${kind} source`, url: urlOf(kind), kind }, NOW);

describe('source kinds table', () => {
  it.each(SOURCE_KINDS)('%s has a complete row', (kind) => {
    const row = kindRow(kind);
    expect(row).toBe(KIND_TABLE[kind]);
    expect(row.label).toBeTruthy();
    expect(['feed', 'api', 'live']).toContain(row.family);
    expect(row.defaults.intervalMin).toBeGreaterThanOrEqual(1);
    expect(['address', 'request']).toContain(row.duplicate);
    expect(row.family === 'api').toBe(!!row.api);
    if (row.api) {
      expect(row.parser).toBe(kind);
      expect(API_NAMES[kind as keyof typeof API_NAMES]).toBe(row.api.name);
      expect(API_DEFAULTS[kind as keyof typeof API_DEFAULTS]).toEqual({ label: row.api.formLabel, url: row.api.defaultQuery });
      expect(apiRequest(kind as keyof typeof API_NAMES, 'storm', 'k3y').url).toMatch(/^https:\/\//);
    }
  });

  it.each(SOURCE_KINDS)('%s has a parser: an empty body is the same clear problem for every kind', (kind) => {
    expect(() => parseSourceBody(kind, ' ')).toThrow(expect.objectContaining({ problem: { code: 'empty' } }));
  });

  it('the API kinds are the rows of the api family, in the table\'s order', () => {
    expect(API_KINDS).toEqual(SOURCE_KINDS.filter((k) => KIND_TABLE[k].family === 'api'));
    expect(Object.keys(API_DEFAULTS)).toEqual(API_KINDS);
  });

  it.each(SOURCE_KINDS)('%s round-trips through the settings file with its defaults', (kind) => {
    const src = sourceOf(kind);
    const row = kindRow(kind);
    const file = readSettingsFile(exportSettings(DEFAULT_SETTINGS, [], [src]));
    if (!row.settingsFile) return expect(file.sources).toEqual([]);
    expect(file.sources).toEqual([{ name: src.name, url: src.url, kind, intervalMin: row.defaults.intervalMin, breaking: row.defaults.breaking, enabled: true }]);
    expect(makeSource(file.sources[0], NOW)).toEqual(src);
  });

  it.each(SOURCE_KINDS)('%s is carried by OPML only when its row says so, and reads back as a kind that polls it the same way', (kind) => {
    const feed = makeSource({ name: 'Another feed', url: 'https://other.example/rss' }, NOW);
    const src = sourceOf(kind);
    const back = readOpml(exportOpml([feed, src], NOW)).sources.filter((s) => s.url === src.url);
    if (!kindRow(kind).opml) return expect(back).toEqual([]);
    expect(back).toHaveLength(1);
    expect(kindRow(back[0].kind)).toMatchObject({ family: kindRow(kind).family, parser: kindRow(kind).parser });
  });

  it.each(SOURCE_KINDS)('%s: a duplicate is what its row says', (kind) => {
    const src = sourceOf(kind);
    expect(sameFeedIn([src], { name: '', url: src.url, kind })).toBe(src);
    const other = SOURCE_KINDS.find((k) => k !== kind && KIND_TABLE[k].duplicate === 'request')!;
    expect(sameFeedIn([src], { name: '', url: src.url, kind: other })).toBeUndefined();
  });
});
