// The worker writes the sources for the pages ('changeSources': add, update, remove, import), then
// does what follows a change of the list: open pages told, the feed server's queue sent soon, the
// list synced to the user's other devices, mute rules re-scoped, and the new sources polled.
import { getDb } from '@/utils/db/open';
import type { SourceChange, SourcesReply } from '@/utils/messages';
import { writeSources } from '@/utils/sources/write-sources';
import { apiKeyItem } from '@/utils/storage/items';
import { broadcast } from './broadcast';
import { runPoll } from './poll-runner';
import { pushSourceList } from './source-sync';
import { syncMutes } from './mutes';
import { sendSoon, serverConnected } from './server-sync';

export async function changeSources(change: SourceChange): Promise<SourcesReply> {
  const reply = await writeSources({ db: await getDb(), now: Date.now, keys: apiKeyItem(browser.storage.local), serverConnected }, change);
  if (reply.ok) await sourcesWritten();
  return reply;
}

/** After the sources changed: answered once the poll this starts is done (new sources are due at once). */
async function sourcesWritten(): Promise<void> {
  broadcast({ type: 'sourcesChanged' });
  sendSoon();
  // The list follows the user to their other devices.
  void pushSourceList().catch(() => {});
  // A source moved between folders changes what folder-scoped mute rules cover.
  void syncMutes();
  await runPoll().catch((e: unknown) => console.warn('Newsbar: the poll after a change of sources failed', e));
}
