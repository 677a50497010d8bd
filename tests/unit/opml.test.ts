import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/schema';
import { addSource, listSources, makeSource } from '@/utils/db/sources';
import { exportOpml, importOpml, OpmlError, readOpml } from '@/utils/opml';

const NESTED = `<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="World &amp; more" title="World &amp; more" type="rss" xmlUrl="https://world.example/rss?a=1&amp;b=2" htmlUrl="https://world.example/"/>
    <outline text="Tech"><outline text="Gadgets" type="rss" xmlUrl="http://gadgets.example/atom"/></outline>
  </outline>
  <outline text="Dup" xmlUrl="https://world.example/rss?a=1&amp;b=2"/>
</body></opml>`;

function errorOf(fn: () => unknown): OpmlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OpmlError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('OPML', () => {
  it('reads nested folders, entities and drops duplicates', () => {
    expect(readOpml(NESTED)).toEqual([
      { name: 'World & more', url: 'https://world.example/rss?a=1&b=2', kind: 'feed' },
      { name: 'Gadgets', url: 'http://gadgets.example/atom', kind: 'feed' },
    ]);
  });

  it('round-trips: export then import gives the same sources', async () => {
    const now = 1_700_000_000_000;
    const sources = [
      makeSource({ name: 'A & B <news>', url: 'https://a.example/feed?x=1&y=2' }, now),
      makeSource({ name: 'Ünïcode 新闻', url: 'https://b.example/rss' }, now + 1),
      makeSource({ name: 'Key API', url: 'https://newsapi.example/v2/top-headlines', kind: 'newsapi' }, now + 2),
    ];
    const xml = exportOpml(sources, now);
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).not.toContain('newsapi.example'); // API sources need a key: other readers cannot use them
    expect(readOpml(xml)).toEqual(sources.slice(0, 2).map((s) => ({ name: s.name, url: s.url, kind: 'feed' })));
  });

  it('export with no feed sources is a clear error', () => {
    expect(errorOf(() => exportOpml([])).code).toBe('noFeeds');
  });

  it.each([
    ['not xml at all', 'notOpml'],
    ['<rss><channel><title>x</title></channel></rss>', 'notOpml'],
    ['<opml version="2.0"><head/><body><outline text="Folder"/></body></opml>', 'noFeeds'],
    ['<opml version="2.0"><body><outline text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>', 'badUrl'],
    ['<opml version="2.0"><body><outline text="Spaces" xmlUrl="not a url"/></body></opml>', 'badUrl'],
  ])('bad OPML %#: %s', (text, code) => {
    const e = errorOf(() => readOpml(text));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/\w+ \w+/);
  });

  it('imports all in one transaction, skipping sources already there', async () => {
    const db = await openNewsDb('opml-1');
    await addSource(db, { name: 'Existing', url: 'http://gadgets.example/atom' });
    const r = await importOpml(db, NESTED);
    expect(r.added.map((s) => s.name)).toEqual(['World & more']);
    expect(r.skipped).toBe(1);
    expect((await listSources(db)).map((s) => s.name)).toEqual(['Existing', 'World & more']);
    db.close();
  });

  it('a bad entry anywhere imports nothing', async () => {
    const db = await openNewsDb('opml-2');
    const bad = NESTED.replace('http://gadgets.example/atom', 'ftp://gadgets.example/atom');
    await expect(importOpml(db, bad)).rejects.toMatchObject({ code: 'badUrl', detail: 'Gadgets' });
    expect(await listSources(db)).toEqual([]);
    db.close();
  });
});
