// Shared set-up for poller tests: a real news server on 127.0.0.1 and a fresh store.
import { afterEach, beforeEach } from 'vitest';
import { startNewsServer, type NewsServer } from '../../../scripts/news-server/server';
import { openNewsDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource, type NewSource } from '@/utils/db/sources';
import type { PollDeps } from '@/utils/poller/poll';
import { parseSourceBody } from '@/utils/sources/parse-body';
import type { Source } from '@/utils/model';

export function rss(items: Array<{ guid?: string; title: string; link?: string; date?: string; desc?: string }>, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>http://example.test/</link>${extra}
${items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}<title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.desc ?? 'Summary of ' + i.title}</description></item>`).join('\n')}
</channel></rss>`;
}

export interface Ctx {
  srv: NewsServer;
  db: NewsDb;
  clock: { t: number };
  deps(extra?: Partial<PollDeps>): PollDeps;
  add(path: string, s?: Partial<NewSource>): Promise<Source>;
}

let n = 0;
export async function setup(): Promise<Ctx> {
  const srv = await startNewsServer();
  const db = await openNewsDb(`test-${n++}`);
  const clock = { t: Date.UTC(2026, 10, 25, 12, 0, 0) };
  return {
    srv,
    db,
    clock,
    deps: (extra = {}) => ({
      db,
      fetch: globalThis.fetch,
      now: () => clock.t,
      random: () => 0.5,
      settings: { retentionDays: 30, maxItemsPerSource: 500 },
      timeoutMs: 2000,
      parse: parseSourceBody,
      ...extra,
    }),
    add: (path, s = {}) => addSource(db, { name: path, url: srv.url(path), ...s }, clock.t),
  };
}

/** A fresh server and store for each test of the file; the object is refilled before every test. */
export function pollerContext(): Ctx {
  const c = {} as Ctx;
  beforeEach(async () => {
    Object.assign(c, await setup());
  });
  afterEach(async () => {
    await c.srv.close();
    c.db.close();
  });
  return c;
}

/** An HTTP date the given minutes before the tests' clock start. */
export const httpDateMinutesAgo = (minAgo: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, 0) - minAgo * 60_000).toUTCString();
