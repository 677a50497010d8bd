// The one feed server every extension in the peer bench reads: RSS 2.0 on 127.0.0.1 with ETag,
// Last-Modified and 304 (the rules of scripts/news-server), counting requests, answers and bytes on the
// wire, and when the first request came and the last answer went (what the ingest's fetching spans).
import http from 'node:http';
import type { Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { rng, sentence } from '../common';

/** Same shape as the peer bench has always served (guid, title, link, pubDate, description, category). */
function rssFeed(origin: string, prefix: string, n: number, seed: number, now: number): string {
  const r = rng(seed);
  const items = Array.from({ length: n }, (_, i) => `<item><guid isPermaLink="false">${prefix}-${i}</guid><title>${sentence(r, 8)}</title><link>${origin}/${prefix}/${i}?utm_source=rss</link><pubDate>${new Date(now - i * 97_000).toUTCString()}</pubDate><description>&lt;p&gt;${sentence(r, 24)}.&lt;/p&gt;</description><category>World</category></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${prefix}</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

export interface WireSnap {
  requests: number;
  s200: number;
  s304: number;
  other: number;
  bytesIn: number;
  bytesOut: number;
  firstRequestAt: number;
  lastResponseAt: number;
}

export interface FeedServer {
  origin: string;
  feedUrl(i: number): string;
  /** Counters now; `since` diffs two snapshots (first request and last answer are the later one's). */
  snap(): WireSnap;
  /** Forget the first request's time, so the next window's first request sets it. */
  markFirst(): void;
  close(): Promise<void>;
}

export const wireDiff = (a: WireSnap, b: WireSnap): WireSnap => ({
  requests: b.requests - a.requests,
  s200: b.s200 - a.s200,
  s304: b.s304 - a.s304,
  other: b.other - a.other,
  bytesIn: b.bytesIn - a.bytesIn,
  bytesOut: b.bytesOut - a.bytesOut,
  firstRequestAt: b.firstRequestAt,
  lastResponseAt: b.lastResponseAt,
});

export function startFeedServer(feeds: number, items: number, now = Date.now()): Promise<FeedServer> {
  const bodies = new Map<string, Buffer>();
  const lastModified = new Map<string, string>();
  const sockets = new Set<Socket>();
  const closed = { in: 0, out: 0 };
  const stats = { requests: 0, s200: 0, s304: 0, other: 0, firstRequestAt: 0, lastResponseAt: 0 };
  const etagOf = (b: Buffer) => `"${createHash('sha1').update(b).digest('base64url').slice(0, 16)}"`;
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    stats.requests++;
    if (!stats.firstRequestAt) stats.firstRequestAt = Date.now();
    const done = (status: number) => {
      if (status === 200) stats.s200++;
      else if (status === 304) stats.s304++;
      else stats.other++;
      res.on('finish', () => (stats.lastResponseAt = Date.now()));
    };
    const body = bodies.get(p);
    if (!body) {
      done(404);
      res.writeHead(404, { 'content-type': 'text/plain', 'content-length': '9' });
      return res.end('not found');
    }
    const etag = etagOf(body);
    const lm = lastModified.get(etag) ?? new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
    lastModified.set(etag, lm);
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm && inm === etag) || (!inm && ims && ims === lm)) {
      done(304);
      res.writeHead(304, { etag, 'last-modified': lm });
      return res.end();
    }
    done(200);
    res.writeHead(200, { etag, 'last-modified': lm, 'content-length': String(body.length), 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => {
      closed.in += s.bytesRead;
      closed.out += s.bytesWritten;
      sockets.delete(s);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      for (let i = 0; i < feeds; i++) bodies.set(`/f/${i}.xml`, Buffer.from(rssFeed(origin, `s${i}`, items, 1000 + i, now)));
      resolve({
        origin,
        feedUrl: (i) => `${origin}/f/${i}.xml`,
        snap() {
          let bytesIn = closed.in;
          let bytesOut = closed.out;
          for (const s of sockets) {
            bytesIn += s.bytesRead;
            bytesOut += s.bytesWritten;
          }
          return { ...stats, bytesIn, bytesOut };
        },
        markFirst: () => void (stats.firstRequestAt = 0),
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
