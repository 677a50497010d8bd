import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../../utils/model';
import { dedupeKeys, foldTitle, hashString, itemIdFor } from '../../../utils/normalize/ids';
import { parseFeedText } from '../../../utils/sources/feed';

const NOW = Date.UTC(2024, 2, 6);
const item = (p: Partial<ParsedItem>): ParsedItem => ({
  title: 'Bridge closed after crash',
  url: '',
  summaryHtml: '',
  contentHtml: '',
  categories: [],
  breaking: false,
  ...p,
});

describe('hashString', () => {
  it('is deterministic, short base36, and spreads similar inputs', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).toMatch(/^[0-9a-z]{1,11}$/);
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('')).not.toBe(hashString(' '));
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => hashString(`item-${i}`)));
    expect(seen.size).toBe(10_000);
  });

  it('is the published cyrb53 (ids must not change between versions)', () => {
    // cyrb53('a') = 7929297801672961 in the algorithm's reference implementation.
    expect(hashString('a')).toBe((7929297801672961).toString(36));
    expect(hashString('newsbar')).toBe('knxna83o2y');
  });
});

describe('foldTitle', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(foldTitle('  Zürich: “Bridge”  CLOSED! ')).toBe('zurich bridge closed');
    expect(foldTitle('Zurich — bridge closed')).toBe('zurich bridge closed');
  });
  it('still gives something for punctuation-only titles', () => {
    expect(foldTitle('!!!')).toBe('!!!');
  });
});

describe('dedupeKeys', () => {
  it('hashes the folded title only, never the date', () => {
    const a = dedupeKeys(item({ title: 'Bridge closed', published: 1 }));
    const b = dedupeKeys(item({ title: 'bridge  CLOSED', published: 2 }));
    expect(a.hash).toBe(b.hash);
    expect(a.guid).toBeUndefined();
    expect(a.url).toBeUndefined();
  });
  it('passes guid and url through, treating blank ones as missing', () => {
    expect(dedupeKeys(item({ guid: ' g1 ', url: 'https://x.example/a' }))).toMatchObject({ guid: 'g1', url: 'https://x.example/a' });
    expect(dedupeKeys(item({ guid: '  ', url: '' }))).toMatchObject({ guid: undefined, url: undefined });
  });
});

describe('itemIdFor', () => {
  it('is sourceId:hash(guid) and ignores date, url and title when there is a guid', () => {
    const a = itemIdFor('s1', item({ guid: 'g-1', url: 'https://x.example/a', published: 1 }));
    const b = itemIdFor('s1', item({ guid: 'g-1', url: 'https://x.example/b', title: 'Edited', published: 2 }));
    expect(a).toBe(b);
    expect(a).toBe(`s1:${hashString('g-1')}`);
  });

  it('uses the URL when there is no guid, then the folded title', () => {
    expect(itemIdFor('s1', item({ url: 'https://x.example/a' }))).toBe(`s1:${hashString('https://x.example/a')}`);
    expect(itemIdFor('s1', item({ title: 'Bridge Closed!' }))).toBe(`s1:${hashString('t:bridge closed')}`);
  });

  it('differs per source', () => {
    expect(itemIdFor('s1', item({ guid: 'g' }))).not.toBe(itemIdFor('s2', item({ guid: 'g' })));
  });

  it('keeps an item\'s id when the feed rewrites its date (duplicate-guids.xml)', () => {
    const feed = parseFeedText(readFileSync('tests/fixtures/feeds/duplicate-guids.xml', 'utf8'), { now: NOW });
    const [first, rewritten, other] = feed.items.map((i) => itemIdFor('src', i));
    expect(feed.items[0].published).not.toBe(feed.items[1].published);
    expect(rewritten).toBe(first);
    expect(other).not.toBe(first);
  });

  it('gives guid-less items ids from the link, then the title, stable across polls (no-guids.xml)', () => {
    const text = readFileSync('tests/fixtures/feeds/no-guids.xml', 'utf8');
    const feed = parseFeedText(text, { now: NOW });
    const [withLink, titleOnly] = feed.items;
    expect(withLink.guid).toBeUndefined();
    expect(itemIdFor('src', withLink)).toBe(`src:${hashString('https://noguid.example.com/school')}`);
    expect(titleOnly.url).toBe('');
    expect(itemIdFor('src', titleOnly)).toBe(`src:${hashString('t:weather sunny spells rain by evening')}`);

    // Next poll: dates rewritten, whitespace/case of the title touched, tracking params changed.
    const repoll = text
      .replace(/Tue, 05 Mar 2024/g, 'Wed, 06 Mar 2024')
      .replace('utm_source=rss', 'utm_source=newsletter')
      .replace('Weather: sunny spells,   rain by evening', 'Weather: Sunny spells, rain by evening');
    const again = parseFeedText(repoll, { now: Date.UTC(2024, 2, 7) });
    expect(again.items.map((i) => itemIdFor('src', i))).toEqual(feed.items.map((i) => itemIdFor('src', i)));
  });
});
