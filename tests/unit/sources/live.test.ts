import { GUID_MAX } from '@/utils/sources/limits';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrown } from './thrown';
import { NoLiveUpdatesError, parseLivePage, parseSourceBody, SourceFormatError, apiRequest } from '../../../utils/sources/index';
import { parseGuardian } from '../../../utils/sources/guardian';
import { firstSentence } from '../../../utils/sources/live/update';
import { sanitizeHtml } from '../../../utils/sanitize';
import { hugeLivePage, latestListHtml, liveBlogHtml } from '../../../scripts/news-server/live-pages';

const page = (name: string) => readFileSync(`tests/fixtures/live/${name}`, 'utf8');
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const NOW = Date.UTC(2025, 5, 14, 1, 0); // 14 June 01:00 UTC = 13 June 21:00 in New York

describe('live pages: schema.org LiveBlogPosting in JSON-LD', () => {
  it('top level: updates in any order come out newest first, each with its own id, link and time', () => {
    const r = parseLivePage(page('jsonld-top.html'), { now: NOW, baseUrl: 'https://news.example.com/live/storm-ida' });
    expect(r.kind).toBe('live');
    expect(r.via).toBe('json-ld');
    expect(r.title).toBe('Storm Ida live: flooding along the coast');
    expect(iso(r.coverageEnd)).toBe('2025-06-14T17:00:00.000Z');
    expect(r.items.map((i) => i.guid)).toEqual([
      'https://news.example.com/live/storm-ida#update-3',
      'https://news.example.com/live/storm-ida#update-2',
      'https://news.example.com/live/storm-ida#update-1',
    ]);
    expect(r.items.map((i) => iso(i.published))).toEqual(['2025-06-13T20:40:00.000Z', '2025-06-13T19:10:00.000Z', '2025-06-13T18:05:00.000Z']);
    for (const it of r.items) expect(it.breaking).toBe(true);
    // entities in the headline are decoded; the pinned copy of update 3 is kept once (the first)
    expect(r.items[0]).toMatchObject({ title: 'Mayor: “stay indoors”', author: 'Ana Ruiz', imageUrl: 'https://news.example.com/img/mayor.jpg', url: 'https://news.example.com/live/storm-ida#update-3' });
    expect(r.items[0].summaryHtml).toBe('<p>The mayor asked residents to stay indoors overnight.</p>');
    // text with entities becomes escaped HTML
    expect(r.items[1].summaryHtml).toBe('<p>All ferries between the islands are suspended until Saturday &amp; the port is closed.</p>');
    // an empty headline: the first sentence of the text; HTML kept, relative links made absolute
    expect(r.items[2].title).toBe('The storm made landfall near Port Ellis shortly after 9pm.');
    expect(r.items[2].summaryHtml).toContain('<b>Port Ellis</b>');
    expect(r.items[2].summaryHtml).toContain('href="https://news.example.com/weather/map"');
  });

  it('@graph: an update given as an {"@id"} reference, zone-less dates in the page\'s own offset', () => {
    const r = parseLivePage(page('jsonld-graph.html'), { now: NOW, baseUrl: 'https://wire.example.org/2025/06/13/rail-strike/' });
    expect(r.items).toHaveLength(1);
    // dateCreated "2025-06-13 17:45:00" in the page's +01:00 (from its datePublished)
    expect(r.items[0]).toMatchObject({ title: 'Talks to resume on Monday', guid: 'https://wire.example.org/2025/06/13/rail-strike/#post-77', published: Date.UTC(2025, 5, 13, 16, 45) });
    expect(iso(r.coverageEnd)).toBe('2025-06-13T17:00:00.000Z');
  });

  it('an array of blocks, LiveBlogPosting as mainEntity with @type as a list; a broken block is skipped, the rest read', () => {
    const r = parseLivePage(page('jsonld-array-mainentity.html'), { now: NOW, baseUrl: 'https://zeitung.example.de/wahl/live' });
    expect(r.title).toBe('Wahl: Der Liveblog');
    expect(r.items.map((i) => i.title)).toEqual(['Erste Hochrechnung', 'Die Wahlbeteiligung liegt um 14 Uhr bei 38 Prozent.', 'Wahllokale geöffnet']);
    expect(r.items.map((i) => i.url)).toEqual(['https://zeitung.example.de/wahl/live?post=3', 'https://zeitung.example.de/wahl/live?post=2', 'https://zeitung.example.de/wahl/live?post=1']);
    expect(r.items[2].published).toBe(Date.UTC(2025, 5, 13, 6, 0));
  });

  it('an update without @id or URL gets an id from its time and text, the same on every read', () => {
    const html = liveBlogHtml({ url: 'https://x.example/live', title: 'L', updates: [{ id: 'a', headline: 'One', html: '<p>one</p>', at: NOW - 60_000 }] })
      .replace(/"@id":"https:\/\/x.example\/live#a","url":"https:\/\/x.example\/live#a",/, '');
    const a = parseLivePage(html, { now: NOW, baseUrl: 'https://x.example/live' });
    const b = parseLivePage(html, { now: NOW + 120_000, baseUrl: 'https://x.example/live' });
    expect(a.items[0].guid).toMatch(/^live:[0-9a-z]+$/);
    expect(b.items[0].guid).toBe(a.items[0].guid);
    expect(a.items[0].url).toBe('https://x.example/live');
  });
});

describe('live pages: microdata', () => {
  it('reads itemprop="liveBlogUpdate" blocks: content attributes, hidden articleBody, the page offset from article:published_time', () => {
    const r = parseLivePage(page('microdata.html'), { now: NOW, baseUrl: 'https://daily.example.in/monsoon-live' });
    expect(r.via).toBe('microdata');
    expect(r.title).toBe('Monsoon LIVE: heavy rain in the city');
    expect(iso(r.coverageEnd)).toBe('2025-06-14T18:29:00.000Z');
    expect(r.items).toHaveLength(2); // the pinned copy shares the itemid
    expect(r.items[0]).toMatchObject({ guid: 'https://daily.example.in/monsoon-live#post41', title: 'Schools closed on Friday', published: Date.UTC(2025, 5, 13, 14, 45) });
    expect(r.items[0].summaryHtml).toContain('All schools stay closed on Friday');
    expect(r.items[1]).toMatchObject({ guid: 'https://daily.example.in/monsoon-live#post-40', url: 'https://daily.example.in/monsoon-live#post-40', published: Date.UTC(2025, 5, 13, 13, 32) });
    expect(r.items[1].title).toBe('Water levels at the river gauge crossed the danger mark at 7 pm.');
    expect(r.items[1].summaryHtml).not.toContain('7:02 PM'); // the stamp is not part of the text
  });
});

describe('live pages: a timestamped "Latest" list', () => {
  it('reads each dated block; navigation, newsletter box, footer, byline and an undated ad are not updates', () => {
    const r = parseLivePage(page('latest-list.html'), { now: NOW, baseUrl: 'https://times.example.com/election/live' });
    expect(r.via).toBe('list');
    expect(r.title).toBe('Election night: the latest | Example Times');
    const byId = Object.fromEntries(r.items.map((i) => [i.url.replace(/^.*[#/]/, ''), iso(i.published)]));
    expect(byId).toEqual({
      // page offset -04:00 from article:published_time
      u6: '2025-06-13T23:00:00.000Z', // "2 hours ago"
      u5: '2025-06-14T00:37:00.000Z', // "8:37pm" today (New York)
      u4: '2025-06-14T00:37:00.000Z', // "6/13/2025 8:37 PM"
      queues: '2025-06-13T23:30:00.000Z', // <time datetime> with its own zone
      u2: '2025-06-13T22:05:00.000Z', // "13 June 2025 18:05"
    });
    expect(r.items).toHaveLength(5);
    const u5 = r.items.find((i) => i.url.endsWith('#u5'))!;
    expect(u5.title).toBe('First results');
    expect(u5.summaryHtml).toBe('<p>Israeli officials say the first count will come before midnight.</p>');
    expect(r.items.find((i) => i.url.endsWith('/queues'))!.url).toBe('https://times.example.com/2025/06/13/queues');
    const texts = r.items.map((i) => i.title + i.summaryHtml).join(' ');
    for (const junk of ['briefing', 'Sponsored', 'Contact', 'Politics', 'Sam Lee']) expect(texts).not.toContain(junk);
  });

  it('a "2 hours ago" update keeps its id although its computed time moves between polls', () => {
    const a = parseLivePage(page('latest-list.html').replace(/ id="u6"/, ''), { now: NOW, baseUrl: 'https://t.example/live' });
    const b = parseLivePage(page('latest-list.html').replace(/ id="u6"/, '').replace('2 hours ago', '3 hours ago'), { now: NOW + 3_600_000, baseUrl: 'https://t.example/live' });
    const turnout = (r: typeof a) => r.items.find((i) => i.title.startsWith('Turnout'))!;
    expect(turnout(b).guid).toBe(turnout(a).guid);
  });

  it('the demo server\'s list page, stamps in five formats, reads back at the times it was written', () => {
    const now = Date.UTC(2025, 5, 14, 1, 0);
    const updates = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, text: `Update number ${i} from the count`, at: now - (i + 1) * 7 * 60_000 }));
    const r = parseLivePage(latestListHtml({ title: 'Latest', updates, now, offsetMin: -240 }), { now, baseUrl: 'http://127.0.0.1/demo/latest' });
    expect(r.items).toHaveLength(10);
    for (const it of r.items) {
      const u = updates.find((x) => it.url.endsWith(`#${x.id}`))!;
      expect(Math.abs(it.published! - u.at), it.title).toBeLessThan(60_000);
    }
  });
});

describe('live pages: errors, edits and hostile content', () => {
  it('a page without live updates is a clear error and adds nothing', () => {
    const e = thrown(() => parseLivePage(page('no-updates.html'), { now: NOW, baseUrl: 'https://t.example/a' }));
    expect(e).toBeInstanceOf(NoLiveUpdatesError);
    expect(e).toBeInstanceOf(SourceFormatError);
    expect(e.message).toBe('this page has no live updates');
    expect((e as NoLiveUpdatesError).problem).toEqual({ code: 'noLiveUpdates' });
    expect(thrown(() => parseSourceBody('live', '<html><body><p>nothing</p></body></html>', 'text/html')).message).toBe('this page has no live updates');
  });

  it('an edited update keeps its id with the new text; a removed one is no longer read', () => {
    const at = NOW - 600_000;
    const v1 = liveBlogHtml({ url: 'https://x.example/live', title: 'L', updates: [{ id: 'a', headline: 'First', html: '<p>draft text</p>', at }, { id: 'b', headline: 'Second', html: '<p>b</p>', at: at + 1000 }] });
    const v2 = liveBlogHtml({ url: 'https://x.example/live', title: 'L', updates: [{ id: 'a', headline: 'First (corrected)', html: '<p>corrected text</p>', at }] });
    const r1 = parseLivePage(v1, { now: NOW, baseUrl: 'https://x.example/live' });
    const r2 = parseLivePage(v2, { now: NOW, baseUrl: 'https://x.example/live' });
    const a1 = r1.items.find((i) => i.guid!.endsWith('#a'))!;
    expect(r2.items).toHaveLength(1);
    expect(r2.items[0].guid).toBe(a1.guid);
    expect(r2.items[0]).toMatchObject({ title: 'First (corrected)', summaryHtml: '<p>corrected text</p>' });
  });

  it('hostile HTML stays untrusted data: titles are plain text, bodies come out of the sanitizer clean', () => {
    const r = parseLivePage(page('hostile.html'), { now: NOW, baseUrl: 'https://h.example/live' });
    expect(r.title).toBe('Hostile live');
    expect(r.items).toHaveLength(2);
    const a = r.items.find((i) => i.guid === 'https://h.example/live#a')!;
    expect(a.title).toBe('Headline with tags');
    const clean = sanitizeHtml(a.summaryHtml);
    expect(clean).toContain('Text');
    for (const bad of ['<script', 'onerror', 'onclick', 'javascript:', '<iframe', '<style']) expect(clean).not.toContain(bad);
    const b = r.items.find((i) => i.guid === 'https://h.example/live#b')!;
    expect(b.summaryHtml).toBe('<p>&lt;script&gt;alert(5)&lt;/script&gt; only escaped text here</p>');
  });

  it('a 2 MB page with 500 updates: all 500 read, newest first', () => {
    const html = hugeLivePage(500, 2 * 1024 * 1024, NOW);
    expect(html.length).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const r = parseLivePage(html, { now: NOW, baseUrl: 'http://127.0.0.1/live/huge' });
    expect(r.items).toHaveLength(500);
    expect(new Set(r.items.map((i) => i.guid)).size).toBe(500);
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1].published!).toBeGreaterThanOrEqual(r.items[i].published!);
    for (const it of r.items) expect(it.title.length).toBeLessThanOrEqual(120);
  });

  it('hostile nesting is refused quickly with a clear error; deep but real nesting is read', () => {
    const hostile = '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000);
    expect(() => parseLivePage(`<html><body>${hostile}</body></html>`, { now: NOW })).toThrow('this page is nested too deeply to read (over 1500 levels)');
    const deep = '<div>'.repeat(1000) + page('latest-list.html').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '') + '</div>'.repeat(1000);
    expect(parseLivePage(`<html lang="en-US"><body>${deep}</body></html>`, { now: NOW, userOffsetMin: -240 }).items).toHaveLength(5);
  });
});

describe('titles', () => {
  it('the first sentence, cut at a word to at most 120 characters', () => {
    expect(firstSentence('Mr. Smith said the port will reopen. More later.')).toBe('Mr. Smith said the port will reopen.');
    const long = 'word '.repeat(60).trim();
    const t = firstSentence(long);
    expect(t.length).toBeLessThanOrEqual(120);
    expect(t.endsWith('word…')).toBe(true);
  });
});

describe('The Guardian: a live blog read block by block', () => {
  it('show-blocks is asked for a live blog\'s own address, not for a search', () => {
    const live = new URL(apiRequest('guardian', 'https://content.guardianapis.com/world/live/2025/jun/13/storm-ida-live', 'k'.repeat(20)).url);
    expect(live.searchParams.get('show-blocks')).toBe('body:latest:50');
    expect(new URL(apiRequest('guardian', 'storms', 'k'.repeat(20)).url).searchParams.has('show-blocks')).toBe(false);
  });

  it('each published block is one breaking update with its permalink', () => {
    const feed = parseGuardian(JSON.parse(readFileSync('tests/fixtures/feeds/guardian-liveblog.json', 'utf8')), { now: NOW });
    expect(feed.items).toHaveLength(2);
    expect(feed.skipped).toBe(1); // the unpublished draft
    expect(feed.items[0]).toMatchObject({
      guid: 'world/live/2025/jun/13/storm-ida-live#block-684c5a0b8f08a1b2c3d4e5f3',
      title: 'Mayor: stay indoors',
      url: 'https://www.theguardian.com/world/live/2025/jun/13/storm-ida-live?page=with:block-684c5a0b8f08a1b2c3d4e5f3#block-684c5a0b8f08a1b2c3d4e5f3',
      published: Date.UTC(2025, 5, 13, 20, 40),
      breaking: true,
    });
    expect(feed.items[1].title).toBe('Ferries between the islands are suspended until Saturday.');
  });

  it('a block goes through the limits every item does (a 5,000-character block id: found by the property tests)', () => {
    const raw = JSON.parse(readFileSync('tests/fixtures/feeds/guardian-liveblog.json', 'utf8'));
    const results = raw.response.results ?? [raw.response.content];
    results[0].blocks.body[0].id = 'b'.repeat(5_000);
    const feed = parseGuardian(raw, { now: NOW });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]!.guid!.length).toBeLessThanOrEqual(GUID_MAX);
    // An address that long is broken: the update is kept, known by its guid, without a link.
    expect(feed.items[0]!.url).toBe('');
    expect(feed.items[0]!.title).toBe('Mayor: stay indoors');
  });
});
