import { describe, expect, it } from 'vitest';
import { parseCli as cli } from '../parse-cli';


describe('npm run parse (scripts/parse.ts)', () => {
  it('prints the normalized items of a feed file as JSON, with ids', async () => {
    const { code, stdout } = await cli('tests/fixtures/feeds/rss2.xml');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.kind).toBe('rss');
    expect(out.title).toBe('Harbour City Wire & World');
    expect(out.skipped).toBe(1);
    expect(out.items).toHaveLength(5);
    expect(out.items[0]).toMatchObject({
      guid: 'wire-1001',
      title: 'Ministers agree on flood defence plan for the estuary',
      url: 'https://news.example.com/2024/03/05/flood-plan?page=2',
      published: Date.UTC(2024, 2, 5, 9, 30),
    });
    for (const it of out.items) expect(it.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(new Set(out.items.map((i: { id: string }) => i.id)).size).toBe(5);
  }, 60_000);

  it('--kind live prints a live page\'s updates in the same shape, and the clear error with exit code 1', async () => {
    const ok = await cli('tests/fixtures/live/jsonld-graph.html', '--kind', 'live');
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out).toMatchObject({ kind: 'live', title: 'Rail strike: live', coverageEnd: '2025-06-13T17:00:00.000Z', count: 1 });
    expect(out.items[0]).toMatchObject({ title: 'Talks to resume on Monday', breaking: true, publishedIso: '2025-06-13T16:45:00.000Z' });
    const bad = await cli('tests/fixtures/live/no-updates.html', '--kind', 'live');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('parse: tests/fixtures/live/no-updates.html: this page has no live updates\n');
  }, 60_000);

  it('decodes a windows-1252 file from its bytes', async () => {
    const { code, stdout } = await cli('tests/fixtures/feeds/windows-1252.xml');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).items[0].title).toBe('Café owners say “no” to the €2 tax – again');
  }, 60_000);

  it('reads an API response with --kind', async () => {
    const { code, stdout } = await cli('tests/fixtures/feeds/guardian.json', '--kind', 'guardian');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).kind).toBe('guardian');
  }, 60_000);

  it('exits 1 on malformed XML with the line on stderr', async () => {
    const { code, stdout, stderr } = await cli('tests/fixtures/feeds/malformed.xml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('malformed.xml');
    expect(stderr).toContain('line 20');
    expect(stderr).toMatch(/not valid XML/);
  }, 60_000);

  it('exits 1 on an HTML page, and on an API error without showing the key', async () => {
    const html = await cli('tests/fixtures/feeds/not-a-feed.html');
    expect(html.code).toBe(1);
    expect(html.stderr).toContain('this is an HTML page, not a feed');
    const key = '0123456789abcdef0123456789abcdef';
    const api = await cli('tests/fixtures/feeds/newsapi-error.json', '--kind', 'newsapi', '--key', key);
    expect(api.code).toBe(1);
    expect(api.stderr).toContain('Your API key is invalid');
    expect(api.stderr).not.toContain(key);
  }, 60_000);

  it('exits 1 with usage on a bad --kind or a missing file', async () => {
    const bad = await cli('tests/fixtures/feeds/rss2.xml', '--kind', 'podcast');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown --kind "podcast"/);
    const missing = await cli('tests/fixtures/feeds/does-not-exist.xml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
  }, 60_000);
});
