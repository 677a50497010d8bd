// The one writer of the user's changes to the sources: the worker runs this for a page's
// 'changeSources' (utils/messages.ts) and answers with what it wrote or the problem. The browser comes
// in as arguments (the database, the API keys' area, whether a feed server is connected), so it runs
// under Vitest unchanged; the worker's glue (entrypoints/background/sources.ts) tells the pages after.
import type { NewsDb } from '../db/schema';
import { addSource, addSourcesAtomically, removeSource, updateSources } from '../db/sources';
import { queueSubscribe } from '../feed-server/source-ops';
import { problemOf } from '../problems';
import type { SourceChange, SourcesReply } from '../messages';

export interface SourceWriteDeps {
  db: NewsDb;
  now(): number;
  /** API keys in storage.local (utils/storage/items.ts): never synced, never exported. */
  keys: { set(sourceId: string, key: string): Promise<void>; remove(sourceId: string): Promise<void> };
  /** Whether a feed server is connected: feeds added here are then subscribed there too (queued). */
  serverConnected(): Promise<boolean>;
}

const done = (fields: Partial<Omit<Extract<SourcesReply, { ok: true }>, 'ok'>>): SourcesReply => ({ ok: true, sources: [], skipped: [], count: 0, ...fields });

export async function writeSources(deps: SourceWriteDeps, change: SourceChange): Promise<SourcesReply> {
  try {
    return await write(deps, change);
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

async function write({ db, now, keys, serverConnected }: SourceWriteDeps, change: SourceChange): Promise<SourcesReply> {
  switch (change.op) {
    case 'add': {
      // Refuses the same feed under any spelling (ProblemError 'duplicate'), atomically.
      const src = await addSource(db, change.source, now());
      if (change.apiKey) await keys.set(src.id, change.apiKey);
      // Connected to a feed server: a feed added here is subscribed there too (on the next sync).
      if (await serverConnected()) await queueSubscribe(db, [src], now());
      return done({ sources: [src], count: 1 });
    }
    case 'update':
      // One transaction for all of them; a feed server's renames and moves are queued in it.
      return done({ count: await updateSources(db, change.ids, change.patch) });
    case 'remove': {
      let articles = 0;
      for (const id of change.ids) {
        articles += await removeSource(db, id, { unsubscribe: change.unsubscribe });
        await keys.remove(id);
      }
      return done({ count: articles });
    }
    case 'import': {
      const r = await addSourcesAtomically(db, change.sources, now());
      // The user chose to add them to the feed server too (subscribed on the next sync).
      if (change.toServer && (await serverConnected())) await queueSubscribe(db, r.added, now());
      return done({ sources: r.added, skipped: r.skipped, count: r.added.length });
    }
  }
}
