// A real HTTP news server on 127.0.0.1 for Newsbar's tests, benchmarks and demo.
// - /demo/*            the demo news (articles RSS, live Atom, JSON Feed, NewsAPI-style JSON), and two
//                      live pages: /demo/live/storm (LiveBlogPosting JSON-LD) and /demo/latest (a dated list)
// - /rss/search?q=…   the demo's news search, shaped like Google News RSS search (./demo-search.ts),
//                      and /rss/articles/<id>, where its opaque links lead
// - /fixtures/<file>   files from tests/fixtures/feeds
// - any path set with `route()`: a test's own feed or fault (status, headers, body, delay, hang)
// Conditional GET: every 200 carries an ETag and Last-Modified and a matching request gets 304.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoImage, demoJsonFeed, demoLiveAtom, demoRss, DEMO_ARTICLES } from './demo-content';
import { demoArticlePage, demoLivePage } from './article-pages';
import { demoSearchArticle, demoSearchRss } from './demo-search';
import { demoLatestPage, demoLivePage as demoLiveBlogPage } from './demo-live';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/feeds');

export interface RouteSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | (() => string | Buffer);
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the connection stays open until the server closes). */
  hang?: boolean;
  /** Send headers, then this many bytes of body, then hang. */
  trickle?: number;
  /** Answer 304 to a matching If-None-Match / If-Modified-Since (default true for 200s). */
  conditional?: boolean;
}

export interface NewsServer {
  origin: string;
  url(p: string): string;
  route(p: string, spec: RouteSpec): void;
  /** Requests seen per path (without query). */
  hits(p: string): number;
  /** Request headers of the last request to a path. */
  lastHeaders(p: string): http.IncomingHttpHeaders | undefined;
  /** When the demo content started (its live page counts updates from here). */
  startedAt: number;
  /** The demo live pages say their coverage has ended (coverageEndTime now) and gain no more updates. */
  endLiveCoverage(): void;
  close(): Promise<void>;
}

export interface NewsServerOptions {
  port?: number;
  /** Seconds between two live updates of the demo. */
  updateEverySec?: number;
  /** API key the demo's NewsAPI-style endpoint expects. */
  demoApiKey?: string;
  /** The loopback address to listen on (another one, like 127.0.0.2, is a site without host permission). */
  host?: string;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
}

export function startNewsServer(opts: NewsServerOptions = {}): Promise<NewsServer> {
  const routes = new Map<string, RouteSpec>();
  const hitCount = new Map<string, number>();
  const headersSeen = new Map<string, http.IncomingHttpHeaders>();
  const sockets = new Set<import('node:net').Socket>();
  const startedAt = Date.now();
  /** When the demo's news search was first asked (its fresh report's time). */
  let searchFirstAt: number | undefined;
  const everySec = opts.updateEverySec ?? 20;
  const apiKey = opts.demoApiKey ?? 'demo-key-0123456789';
  // Last-Modified per body, so a changed body gets a new date and an unchanged one keeps it.
  const lastModified = new Map<string, string>();
  let origin = '';
  let coverageEnd: number | undefined;

  function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: Record<string, string>, body: Buffer, conditional = true) {
    if (status === 200 && conditional) {
      const etag = etagOf(body);
      const lm = lastModified.get(etag) ?? new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
      lastModified.set(etag, lm);
      headers = { etag, 'last-modified': lm, ...headers };
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if ((inm && inm === etag) || (!inm && ims && ims === lm)) {
        res.writeHead(304, { etag, 'last-modified': lm });
        res.end();
        return;
      }
    }
    res.writeHead(status, { 'content-length': String(body.length), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function demo(req: http.IncomingMessage, res: http.ServerResponse, p: string, q: URLSearchParams) {
    const now = Date.now();
    if (p === '/demo/world.rss') return send(req, res, 200, { 'content-type': 'application/rss+xml; charset=utf-8' }, Buffer.from(demoRss(origin, now)));
    if (p === '/demo/live.atom') return send(req, res, 200, { 'content-type': 'application/atom+xml; charset=utf-8' }, Buffer.from(demoLiveAtom(origin, startedAt, now, everySec)));
    if (p === '/demo/analysis.json') return send(req, res, 200, { 'content-type': 'application/feed+json' }, Buffer.from(demoJsonFeed(origin, now)));
    if (p === '/demo/v2/top-headlines') {
      if (req.headers['x-api-key'] !== apiKey) {
        return send(req, res, 401, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ status: 'error', code: 'apiKeyInvalid', message: 'Your API key is invalid or incorrect.' })), false);
      }
      const articles = DEMO_ARTICLES.slice(2, 6).map((a) => ({
        source: { id: null, name: 'Demo Wire' }, author: a.author, title: `${a.wireTitle ?? a.title} - Demo Wire`, description: a.summary,
        url: `${origin}/demo/wire/${a.id}`, urlToImage: `${origin}/demo/img/${a.id}.svg`,
        publishedAt: new Date(now - (a.minutesAgo + 3) * 60_000).toISOString(), content: a.summary,
      }));
      return send(req, res, 200, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ status: 'ok', totalResults: articles.length, articles, q: q.get('q') })));
    }
    const art = p.match(/^\/demo\/(?:articles|tech|wire)\/([\w-]+)$/);
    if (art) return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(demoArticlePage(art[1], now)));
    // The same article in a page of ~300 KB (the reader's benchmark).
    const big = p.match(/^\/demo\/big\/([\w-]+)$/);
    if (big) return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(demoArticlePage(big[1], now, 300 * 1024)));
    if (p === '/demo/live') return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(demoLivePage()));
    const img = p.match(/^\/demo\/img\/([\w-]+)\.svg$/);
    if (img) return send(req, res, 200, { 'content-type': 'image/svg+xml' }, Buffer.from(demoImage(img[1])));
    if (p === '/demo/live/storm') return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(demoLiveBlogPage(origin, startedAt, coverageEnd ?? now, everySec, coverageEnd)));
    if (p === '/demo/latest') return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(demoLatestPage(startedAt, coverageEnd ?? now, everySec, now)));
    if (p === '/demo/' || p === '/demo') {
      return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(`<!doctype html><html><head><title>Newsbar demo news</title>
<link rel="alternate" type="application/rss+xml" title="World" href="/demo/world.rss">
<link rel="alternate" type="application/atom+xml" title="Live" href="/demo/live.atom">
<link rel="alternate" type="application/feed+json" title="Analysis" href="/demo/analysis.json">
</head><body><h1>Newsbar demo news</h1><ul><li><a href="/demo/live/storm">Live: storm on the coast</a></li><li><a href="/demo/latest">The latest from the count</a></li></ul></body></html>`));
    }
    return send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'), false);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname;
    hitCount.set(p, (hitCount.get(p) ?? 0) + 1);
    headersSeen.set(p, req.headers);
    const spec = routes.get(p);
    if (spec) {
      if (spec.hang) return; // keep the socket open; close() destroys it
      if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
      const raw = typeof spec.body === 'function' ? spec.body() : spec.body ?? '';
      const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      const status = spec.status ?? 200;
      if (spec.trickle !== undefined) {
        res.writeHead(status, { 'content-type': 'application/rss+xml', ...spec.headers });
        res.write(body.subarray(0, spec.trickle));
        return;
      }
      return send(req, res, status, { 'content-type': 'application/rss+xml; charset=utf-8', ...spec.headers }, body, spec.conditional ?? true);
    }
    if (p.startsWith('/demo')) return demo(req, res, p, u.searchParams);
    // Dated from the server's start, so an unchanged search answers a conditional GET with 304.
    if (p === '/rss/search') return send(req, res, 200, { 'content-type': 'application/rss+xml; charset=utf-8' }, Buffer.from(demoSearchRss(origin, startedAt, (searchFirstAt ??= Date.now()), u.searchParams.get('q') ?? '')));
    const found = p.match(/^\/rss\/articles\/([\w-]+)$/);
    const article = found ? demoSearchArticle(found[1]!) : undefined;
    if (article && 'redirect' in article) {
      res.writeHead(302, { location: article.redirect, 'content-length': '0' });
      return res.end();
    }
    if (article) return send(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from(article.html));
    if (p.startsWith('/fixtures/')) {
      const name = path.basename(p);
      try {
        const body = await readFile(path.join(FIXTURES, name));
        return send(req, res, 200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' }, body);
      } catch {
        return send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'), false);
      }
    }
    send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'), false);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const host = opts.host ?? '127.0.0.1';
    server.listen(opts.port ?? 0, host, () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      origin = `http://${host}:${port}`;
      resolve({
        origin,
        startedAt,
        endLiveCoverage: () => void (coverageEnd ??= Date.now()),
        url: (p) => origin + p,
        route: (p, s) => void routes.set(p, s),
        hits: (p) => hitCount.get(p) ?? 0,
        lastHeaders: (p) => headersSeen.get(p),
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
