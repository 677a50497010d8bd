import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/open';
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
  it('reads nested folders and entities; a feed listed twice (any spelling) is read once and said', () => {
    expect(readOpml(NESTED)).toEqual({
      sources: [
        { name: 'World & more', url: 'https://world.example/rss?a=1&b=2', kind: 'feed', folder: 'News' },
        { name: 'Gadgets', url: 'http://gadgets.example/atom', kind: 'feed', folder: 'News / Tech' },
      ],
      bad: [],
      repeats: [{ name: 'Dup', url: 'https://world.example/rss?a=1&b=2', as: 'World & more' }],
    });
    const spelled = `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/>
      <outline text="A again" xmlUrl="http://A.example/rss/?utm_source=x"/></body></opml>`;
    expect(readOpml(spelled).repeats).toEqual([{ name: 'A again', url: 'http://a.example/rss/?utm_source=x', as: 'A' }]);
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
    expect(readOpml(xml).sources).toEqual(sources.slice(0, 2).map((s) => ({ name: s.name, url: s.url, kind: 'feed' })));
  });

  it('leaves a followed live page out: it is a web page, not a feed, and other readers (and the import) would poll it as one', () => {
    const now = 1_700_000_000_000;
    const sources = [
      makeSource({ name: 'Wire', url: 'https://wire.example/rss' }, now),
      makeSource({ name: 'Storm live', url: 'https://news.example/live/storm', kind: 'live' }, now + 1),
    ];
    const xml = exportOpml(sources, now);
    expect(xml).not.toContain('news.example/live/storm');
    expect(readOpml(xml).sources).toEqual([{ name: 'Wire', url: 'https://wire.example/rss', kind: 'feed' }]);
    expect(errorOf(() => exportOpml(sources.slice(1), now)).code).toBe('noFeeds');
  });

  it('export with no feed sources is a clear error', () => {
    expect(errorOf(() => exportOpml([])).code).toBe('noFeeds');
  });

  it.each([
    ['not xml at all', 'notOpml'],
    ['<rss><channel><title>x</title></channel></rss>', 'notOpml'],
    ['<opml version="2.0"><head/><body><outline text="Folder"/></body></opml>', 'noFeeds'],
  ])('a file that cannot be used %#: %s', (text, code) => {
    const e = errorOf(() => readOpml(text));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/\w+ \w+/);
  });

  it('lists each bad entry with its reason and keeps the good ones', () => {
    const text = `<opml version="2.0"><body>
      <outline text="Good" xmlUrl="https://good.example/rss"/>
      <outline text="Script" xmlUrl="javascript:alert(1)"/>
      <outline text="Spaces" xmlUrl="not a url"/>
      <outline text="Relative" xmlUrl="/feed.xml"/>
      <outline text="Dot" xmlUrl="./rss"/>
      <outline text="Empty" type="rss" xmlUrl=""/>
      <outline text="Ftp" xmlUrl="ftp://x.example/feed"/>
    </body></opml>`;
    const r = readOpml(text);
    expect(r.sources).toEqual([{ name: 'Good', url: 'https://good.example/rss', kind: 'feed' }]);
    expect(r.bad.map((b) => [b.name, b.problem.code])).toEqual([
      ['Script', 'invalidUrl'], ['Spaces', 'invalidUrl'], ['Relative', 'needsFullUrl'], ['Dot', 'needsFullUrl'], ['Empty', 'noAddress'], ['Ftp', 'invalidUrl'],
    ]);
    expect(r.bad[2]).toEqual({ name: 'Relative', address: '/feed.xml', problem: { code: 'needsFullUrl' } });
  });

  it('resolves relative addresses against the file\'s own address when it has one', () => {
    const text = `<opml version="2.0" xml:base="https://lists.example/me/feeds.opml"><body>
      <outline text="Rel" xmlUrl="/feed.xml"/><outline text="Dot" xmlUrl="./rss"/><outline text="Abs" xmlUrl="https://x.example/a"/></body></opml>`;
    expect(readOpml(text).sources.map((s) => s.url)).toEqual(['https://lists.example/feed.xml', 'https://lists.example/me/rss', 'https://x.example/a']);
    const plain = text.replace(' xml:base="https://lists.example/me/feeds.opml"', '');
    expect(readOpml(plain, { baseUrl: 'http://127.0.0.1:8080/o/list.opml' }).sources.map((s) => s.url)).toEqual(['http://127.0.0.1:8080/feed.xml', 'http://127.0.0.1:8080/o/rss', 'https://x.example/a']);
    expect(readOpml(plain).bad.map((b) => b.name)).toEqual(['Rel', 'Dot']);
  });

  it('imports all good entries in one transaction, skipping (and naming) feeds already there under any spelling', async () => {
    const db = await openNewsDb('opml-1');
    await addSource(db, { name: 'Existing', url: 'https://gadgets.example/atom/' });
    const r = await importOpml(db, readOpml(NESTED));
    expect(r.added.map((s) => s.name)).toEqual(['World & more']);
    expect(r.skipped).toEqual([{ name: 'Gadgets', url: 'http://gadgets.example/atom', as: 'Existing' }]);
    expect((await listSources(db)).map((s) => s.name)).toEqual(['Existing', 'World & more']);
    db.close();
  });

  it('a bad entry does not stop the good ones: they are all imported, the bad one is reported', async () => {
    const db = await openNewsDb('opml-2');
    const reading = readOpml(NESTED.replace('http://gadgets.example/atom', 'ftp://gadgets.example/atom'));
    expect(reading.bad).toEqual([{ name: 'Gadgets', address: 'ftp://gadgets.example/atom', problem: { code: 'invalidUrl' } }]);
    const r = await importOpml(db, reading);
    expect(r.added.map((s) => s.url)).toEqual(['https://world.example/rss?a=1&b=2']);
    expect((await listSources(db)).map((s) => s.name)).toEqual(['World & more']);
    db.close();
  });

  it('a reader\'s export: folders and nested folders kept, a feed listed twice kept once in its first folder', () => {
    const list = readOpml(fs.readFileSync('tests/fixtures/opml/reader-export.opml', 'utf8')).sources;
    expect(list.map((s) => [s.name, s.folder])).toEqual([
      ['Harbour Gazette — World', 'World'],
      ['Valley Times', 'World'],
      ['Alpine Post', 'World / Europe'],
      ['Nordic Wire', 'World / Europe'],
      ['Circuit Weekly', 'Tech & Science'],
      ['Star Notes ✦', 'Tech & Science'],
      ['Loose Leaf', undefined],
    ]);
  });

  it('round-trips a reader\'s export with its folders: import, export, import again gives the same list', async () => {
    const now = 1_700_000_000_000;
    const db = await openNewsDb('opml-roundtrip');
    const first = await importOpml(db, readOpml(fs.readFileSync('tests/fixtures/opml/reader-export.opml', 'utf8')), now);
    expect(first.added).toHaveLength(7);
    const xml = exportOpml(await listSources(db), now);
    expect(xml).toMatch(/<outline text="World" title="World">\s*<outline[^>]*Harbour/);
    expect(xml).toMatch(/<outline text="Europe" title="Europe">\s*<outline[^>]*Alpine Post/);
    expect(xml).not.toContain('World / Europe');
    expect(readOpml(xml).sources).toEqual((await listSources(db)).map((s) => ({ name: s.name, url: s.url, kind: 'feed', ...(s.folder ? { folder: s.folder } : {}) })));
    db.close();
  });

  it('a reader\'s export with a relative and a broken entry: the good ones read in their folder, the bad ones listed', () => {
    const r = readOpml(fs.readFileSync('tests/fixtures/opml/reader-export-broken.opml', 'utf8'));
    expect(r.sources.map((s) => [s.name, s.folder])).toEqual([['Harbour Gazette — World', 'World']]);
    expect(r.bad.map((b) => b.name)).toEqual(['Old Blog', 'Broken Entry']);
  });
});
