// Disconnect's effect on the store: the feed server's sources become ones Newsbar fetches itself
// (`keep`; their first poll matches the feed's items to the server's copies by link), or go with
// their items. The item map and the queue go either way (the account and secret are the caller's).
import type { NewsDb } from '../db/schema';
import type { Source } from '../model';
import { listSources, removeSource } from '../db/sources';
import { patchSources } from '../db/items';
import { clearServerRecords } from './records';

export async function releaseServerSources(db: NewsDb, keep: boolean, now: number): Promise<number> {
  const server = (await listSources(db)).filter((s) => s.server);
  if (keep) {
    await patchSources(db, new Map(server.map((s): [string, Partial<Source>] => [s.id, { server: undefined, relinkByUrl: true, nextPollAt: now, health: 'new', problem: undefined }])));
  } else {
    for (const s of server) await removeSource(db, s.id);
  }
  await clearServerRecords(db);
  return server.length;
}
