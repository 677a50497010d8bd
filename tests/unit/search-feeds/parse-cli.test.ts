// `npm run parse` on search feeds served by a real HTTP server on 127.0.0.1 (no internet here): it
// recognises them and prints each item's outlet, title and the address it will open; a search feed
// that answers 429 is a clear error, exit code 1.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli as cli } from '../parse-cli';

let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/rss/search') {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(fs.readFileSync('tests/fixtures/search-feeds/google-news-en.xml'));
    } else if (path === '/news/search') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(fs.readFileSync('tests/fixtures/search-feeds/bing-news.xml'));
    } else if (path === '/throttled') {
      res.writeHead(429, { 'retry-after': '3600', 'content-type': 'text/html' });
      res.end('<html><body>Our systems have detected unusual traffic</body></html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run parse on search feeds', () => {
  it('recognises a Google News search feed by what it says and prints outlet, title and address', async () => {
    const { code, stdout } = await cli(`${origin}/rss/search?q=%22ceasefire+talks%22&hl=en-US&gl=US&ceid=US:en`);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.search.kind).toBe('googleNews');
    expect(out.search.items[0]).toEqual({
      outlet: 'Reuters via Google News',
      title: 'Ceasefire talks resume in Cairo',
      opens: expect.stringMatching(/^https:\/\/news\.google\.com\/rss\/articles\/CBMi/),
    });
    // The items themselves are cleaned the same way.
    expect(out.items[0]).toMatchObject({ title: 'Ceasefire talks resume in Cairo', outlet: 'Reuters', summaryHtml: '' });
  }, 60_000);

  it('unwraps Bing News redirects', async () => {
    const { code, stdout } = await cli(`${origin}/news/search?q=ceasefire&format=rss`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).search.items[1]).toEqual({ outlet: 'bbc.co.uk via Bing News', title: 'Aid agencies wait on ceasefire deal', opens: 'https://www.bbc.co.uk/news/world-123456' });
  }, 60_000);

  it('a search feed answering 429: a clear error and exit code 1', async () => {
    const { code, stderr } = await cli(`${origin}/throttled`);
    expect(code).toBe(1);
    expect(stderr).toContain('the server answered 429');
  }, 60_000);
});
