// A real FreshRSS (tests/e2e/freshrss.ts) subscribed to `feeds` generated feeds of `perFeed` items
// each, served by its fixture feed server, with every item fetched and stored on the server.
import fs from 'node:fs';
import path from 'node:path';
import { startFreshRss, type FreshRss } from '../../tests/e2e/freshrss';
import { rssFeed } from './common';

/** The feed server's URL of generated feed i (Newsbar's own ingest reads the very same files). */
export const feedUrl = (fr: FreshRss, i: number) => `${fr.feedBase}/f${i}.xml`;

async function unreadOnServer(fr: FreshRss): Promise<number> {
  const v = JSON.parse(await fr.call('unread-count?output=json')) as { unreadcounts: Array<{ id: string; count: number }> };
  return v.unreadcounts.find((c) => c.id === 'user/-/state/com.google/reading-list')?.count ?? 0;
}

export async function freshRssWithFeeds(feeds: number, perFeed: number): Promise<FreshRss> {
  const fr = await startFreshRss({});
  try {
    const now = Date.now();
    for (let i = 0; i < feeds; i++) fs.writeFileSync(path.join(fr.feedsDir, `f${i}.xml`), rssFeed(`f${i}`, perFeed, 1000 + i, now));
    // quickadd fetches the feed as it subscribes; a refresh catches any it could not fetch then.
    for (let i = 0; i < feeds; i++) await fr.call('subscription/quickadd', [['quickadd', feedUrl(fr, i)]]);
    const want = feeds * perFeed;
    for (let attempt = 0; ; attempt++) {
      const have = await unreadOnServer(fr);
      if (have === want) break;
      if (attempt === 3) throw new Error(`FreshRSS holds ${have} items, expected ${want}`);
      await new Promise((r) => setTimeout(r, 2100)); // its feed TTL is compared in whole seconds
      await fr.refresh();
    }
    return fr;
  } catch (e) {
    await fr.close();
    throw e;
  }
}
