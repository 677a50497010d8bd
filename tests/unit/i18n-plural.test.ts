import { describe, expect, it } from 'vitest';
import '@/utils/i18n-english';
import { tn } from '@/utils/i18n';

describe('counts through the catalogue\'s plural forms', () => {
  it('uses the "_one" form for exactly one, the plural form otherwise', () => {
    expect(tn('opt_opml_known', 1)).toBe('1 is already in your list');
    expect(tn('opt_opml_known', 2)).toBe('2 are already in your list');
    expect(tn('opt_opml_known', 0)).toBe('0 are already in your list');
    expect(tn('opt_found_feeds', 1)).toBe('Found 1 feed on this page');
  });

  it('falls back to the key\'s own form where the catalogue has no "_one"', () => {
    expect(tn('sb_status_new', 1)).toBe('1 new');
  });
});
