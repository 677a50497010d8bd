// A search feed subscribed to as a source (a Google News or Bing News RSS address pasted as a feed): the
// poll reads it the engine's way, the item keeps its outlet, and the row names it "Reuters via Google News".
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourceBody } from '@/utils/sources/parse-body';
import { openNewsDb } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { loadPage } from '@/utils/db/queries';
import { fromRecord, toRecord } from '@/utils/db/items/item-record';

const GN = 'https://news.google.com/rss/search?q=%22ceasefire+talks%22&hl=en-US&gl=US&ceid=US:en';

describe('a subscribed search feed', () => {
  it('is read the engine\'s way when polled from its address, and an ordinary address is not', () => {
    const body = fs.readFileSync('tests/fixtures/search-feeds/google-news-en.xml', 'utf8');
    const feed = parseSourceBody('feed', body, 'application/xml', { baseUrl: GN });
    expect(feed.items[0]).toMatchObject({ title: 'Ceasefire talks resume in Cairo', outlet: 'Reuters', summaryHtml: '' });
    expect(feed.items[0]).not.toHaveProperty('outletLabel');
    const plain = parseSourceBody('feed', body, 'application/xml', { baseUrl: 'https://mirror.example/feed.xml' });
    expect(plain.items[0]).toMatchObject({ title: 'Ceasefire talks resume in Cairo - Reuters', outlet: 'Reuters' });
    const bing = parseSourceBody('feed', fs.readFileSync('tests/fixtures/search-feeds/bing-news.xml', 'utf8'), undefined, { baseUrl: 'https://www.bing.com/news/search?q=ceasefire+talks&format=rss' });
    expect(bing.items[0]!.url).toBe('https://www.reuters.com/world/ceasefire-talks-resume-cairo-2026-12-07/');
  });

  it('keeps the outlet with the stored item', async () => {
    const db = await openNewsDb('subscribed-search');
    const src = await addSource(db, { name: 'GN: ceasefire', url: GN });
    const feed = parseSourceBody('feed', fs.readFileSync('tests/fixtures/search-feeds/google-news-en.xml', 'utf8'), undefined, { baseUrl: GN });
    await storePoll(db, src, feed.items, Date.UTC(2026, 11, 7, 10), { retentionDays: 30, maxItemsPerSource: 500, groupStories: false });
    const rows = (await loadPage(db, { kind: 'all' })).items;
    expect(rows.map((it) => it.outlet)).toEqual(['Reuters', 'The Guardian', 'Al Jazeera English']);
    const round = fromRecord(toRecord(rows[0]!));
    expect(round.outlet).toBe('Reuters');
    expect(toRecord({ ...rows[1]!, outlet: undefined })).not.toHaveProperty('pb');
    db.close();
  });
});
