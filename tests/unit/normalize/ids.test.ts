import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../../utils/model';
import { foldTitle, hashString, isLegacyItemId, itemIdFor, itemIdentity, legacyItemIdFor, shortItemId } from '../../../utils/normalize/ids';
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

describe('itemIdentity', () => {
  it('is one namespaced key: the guid, else the URL, else the folded title (never the date)', () => {
    expect(itemIdentity(item({ guid: ' g1 ', url: 'https://x.example/a' }))).toBe('g:g1');
    expect(itemIdentity(item({ guid: '  ', url: ' https://x.example/a ' }))).toBe('u:https://x.example/a');
    expect(itemIdentity(item({ title: 'Bridge closed', published: 1 }))).toBe(itemIdentity(item({ title: 'bridge  CLOSED', published: 2 })));
    expect(itemIdentity(item({ title: 'Bridge closed!' }))).toBe('t:bridge closed');
  });

  it('never lets a guid equal another item\'s URL key', () => {
    const guidIsLink = item({ guid: 'https://x.example/a', url: 'https://x.example/other' });
    const linkOnly = item({ url: 'https://x.example/a' });
    expect(itemIdentity(guidIsLink)).not.toBe(itemIdentity(linkOnly));
    expect(itemIdFor('s1', guidIsLink)).not.toBe(itemIdFor('s1', linkOnly));
    // Nor a title that reads like a key of another kind.
    expect(itemIdFor('s1', item({ guid: 't:bridge closed' }))).not.toBe(itemIdFor('s1', item({ title: 'Bridge closed' })));
    expect(itemIdFor('s1', item({ guid: 'u:https://x.example/a' }))).not.toBe(itemIdFor('s1', linkOnly));
  });

  it('gives titles that differ only in punctuation one identity, for the id and the dedupe alike', () => {
    const a = item({ title: 'Bridge closed!' });
    const b = item({ title: 'Bridge closed?' });
    expect(itemIdentity(a)).toBe(itemIdentity(b));
    expect(itemIdFor('s1', a)).toBe(itemIdFor('s1', b));
  });
});

describe('itemIdFor', () => {
  it('is the short form of sourceId:kind-hash(identity) and ignores date, url and title when there is a guid', () => {
    const a = itemIdFor('s1', item({ guid: 'g-1', url: 'https://x.example/a', published: 1 }));
    const b = itemIdFor('s1', item({ guid: 'g-1', url: 'https://x.example/b', title: 'Edited', published: 2 }));
    expect(a).toBe(b);
    expect(legacyItemIdFor('s1', item({ guid: 'g-1' }))).toBe(`s1:g-${hashString('g:g-1')}`);
    expect(a).toBe(shortItemId(`s1:g-${hashString('g:g-1')}`));
  });

  it('uses the URL when there is no guid, then the folded title', () => {
    expect(itemIdFor('s1', item({ url: 'https://x.example/a' }))).toBe(shortItemId(`s1:u-${hashString('u:https://x.example/a')}`));
    expect(itemIdFor('s1', item({ title: 'Bridge Closed!' }))).toBe(shortItemId(`s1:t-${hashString('t:bridge closed')}`));
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
    expect(itemIdFor('src', withLink)).toBe(shortItemId(`src:u-${hashString('u:https://noguid.example.com/school')}`));
    expect(titleOnly.url).toBe('');
    expect(itemIdFor('src', titleOnly)).toBe(shortItemId(`src:t-${hashString('t:weather sunny spells rain by evening')}`));

    // Next poll: dates rewritten, whitespace/case of the title touched, tracking params changed.
    const repoll = text
      .replace(/Tue, 05 Mar 2024/g, 'Wed, 06 Mar 2024')
      .replace('utm_source=rss', 'utm_source=newsletter')
      .replace('Weather: sunny spells,   rain by evening', 'Weather: Sunny spells, rain by evening');
    const again = parseFeedText(repoll, { now: Date.UTC(2024, 2, 7) });
    expect(again.items.map((i) => itemIdFor('src', i))).toEqual(feed.items.map((i) => itemIdFor('src', i)));
  });
});

describe('shortItemId', () => {
  it('is 11 base64url characters, never with the colon every older id has', () => {
    for (const id of ['s1:g-abc', 's-1x2y:u-3k9f0a', '', 'x']) {
      expect(shortItemId(id)).toMatch(/^[A-Za-z0-9_-]{11}$/);
      expect(isLegacyItemId(shortItemId(id))).toBe(false);
      expect(isLegacyItemId(id)).toBe(id.includes(':'));
    }
  });

  it('is pinned: ids stored by one version are found by the next', () => {
    expect(shortItemId('s1:g-abc')).toBe(shortItemId('s1:g-abc'));
    expect(shortItemId('s-1x2y:g-3k9f0a')).toBe('sMDTP0bT1bK');
  });

  it('is cyrb53 before its cut to 53 bits: the low 53 bits of the 64 are hashString\'s value', () => {
    const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const s of ['a', 'newsbar', 's-1x2y:g-3k9f0a']) {
      const c = [...shortItemId(s)].map((ch) => A.indexOf(ch));
      const lo = (c[0] | (c[1] << 6) | (c[2] << 12) | (c[3] << 18) | (c[4] << 24) | ((c[5] & 3) << 30)) >>> 0;
      const hi = ((c[5] >> 2) | (c[6] << 4) | (c[7] << 10) | (c[8] << 16) | (c[9] << 22) | (c[10] << 28)) >>> 0;
      expect(4294967296 * (hi & 0x1fffff) + lo).toBe(parseInt(hashString(s), 36));
    }
  });

  it('has no collision among 200,000 ids of similar items in 20 sources (64 bits; 53 would be near the edge at scale)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(itemIdFor(`s-${i % 20}`, item({ guid: `https://x.example/story/${i}` })));
    expect(seen.size).toBe(200_000);
  });

  it('uses all 64 bits: every one of the 11 characters varies', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => shortItemId(`s:g-${i}`));
    for (let c = 0; c < 11; c++) expect(new Set(ids.map((id) => id[c])).size, `character ${c}`).toBeGreaterThan(c === 10 ? 8 : 50);
  });
});
