// The worker's handle for the demo script, benchmarks and end-to-end tests, set as `globalThis.newsbar`
// and evaluated in the worker through the DevTools protocol. It does nothing a page of the extension
// could not do with messages. Its type (WorkerHandle) is what tests/e2e/scopes.ts gives those callers.
import { getDb, openNewsDb } from '@/utils/db/open';
import { addSource, listSources, removeSource, type NewSource } from '@/utils/db/sources';
import { countItems, recountAll } from '@/utils/db/counters';
import { fromRecord, toRecord } from '@/utils/db/items/item-record';
import { idOfKey, itemKey, linkKey } from '@/utils/db/items/item-ids';
import { sourceItemsRange } from '@/utils/db/items/item-reads';
import { forEachLink, linkHash } from '@/utils/db/items/identities';
import { allWords, decodeDocs } from '@/utils/search/segment-docs';
import { indexSearch, runFollow, runPoll } from './poll-runner';
import { updateBadge } from './badge';
import { setApiKey } from './api-keys';
import { onItemsStored, rematchTopics } from './alerts';
import { notSameStory, syncStories } from './stories';
import { syncMutes } from './mutes';
import { saveTopic } from '@/utils/topics/store';
import { searchBaseItem } from '@/utils/storage/items';
import { forgetGrouper } from '@/utils/db/stories/story-grouper';
import type { Topic } from '@/utils/model';
import { storageState, writeKept } from './storage-watch';
import { connectServer, disconnectServer, runServerSync } from './server-sync';

export function workerHandle(installed: Promise<void>) {
  return {
    /** Resolves once the install chores (first-run sources, alarm) are done. */
    installed: () => installed,
    addSource: async (s: NewSource & { apiKey?: string }) => {
      const src = await addSource(await getDb(), s);
      if (s.apiKey) await setApiKey(src.id, s.apiKey);
      return src;
    },
    pollNow: (sourceId?: string) => runPoll({ force: true, sourceIds: sourceId ? [sourceId] : undefined }),
    pollDue: () => runPoll(),
    followLive: (url: string, title?: string) => runFollow(url, title),
    removeSource: async (id: string) => removeSource(await getDb(), id).then(updateBadge),
    listSources: async () => listSources(await getDb()),
    countItems: async () => countItems(await getDb()),
    updateBadge,
    /** The store itself, for benchmarks that seed or measure it. */
    getDb,
    openDb: openNewsDb,
    matchNew: onItemsStored,
    /** Re-applies the mute rules to stored items (as a rule change does). */
    syncMutes,
    /** Saves a topic as the options page does (the worker re-matches on the storage change). */
    saveTopic: (topic: Topic) => saveTopic(browser.storage.sync, topic),
    /** Topics' searches are asked at this origin instead of the engines (read only by end-to-end and demo builds). */
    setSearchBase: (origin: string) => searchBaseItem.set(browser.storage.local, origin),
    /** Groups the stored window once (or takes stories apart), as after the update; resolves when done. */
    syncStories,
    /** Drops the worker's story grouper (a benchmark that clears the stores itself): the next poll makes it again. */
    forgetStories: async () => forgetGrouper(await getDb()),
    /** "Not the same story" on a report, as the sidebar asks it. */
    notSameStory,
    /** Re-match stored items for these changed topics (as after an edit in the options page). */
    rematch: (topicIds?: string[]) => rematchTopics(topicIds),
    /** Index what is queued for search now (tests pass a small batch to see it work in steps). */
    indexSearch,
    recount: async () => recountAll(await getDb()),
    /** Whether the database has room, as the worker keeps it (utils/storage-state.ts). */
    storageState,
    /**
     * One full sync with the feed server (send the queue, then fetch), whatever its back-off; resolves
     * with what changed and how many requests it made, rejects with the problem when the server cannot be
     * reached or refuses.
     */
    syncNow: (opts?: { subscriptions?: boolean }) => runServerSync({ force: true, ...opts }),
    /** Connects to a feed server as the options page does (tests that do not drive the page). */
    connectServer,
    disconnectServer,
    /** Writes the user's actions kept while the database was full. */
    writeKept,
    /** Every stored item's id, source, title and flags, and the kept counters: for tests that check the store against itself. */
    storeSnapshot: async () => {
      const db = await getDb();
      const items = (await db.getAll('items')).map(fromRecord).map((it) => ({ id: it.id, sourceId: it.sourceId, title: it.title, read: it.read, starred: it.starred }));
      return { items, counters: await db.getAll('counters') };
    },
    /** How items are stored (utils/db/items/item-record.ts), for those that seed or read the items store itself. */
    itemRecord: { toRecord, fromRecord, itemKey, idOfKey, sourceItemsRange, linkKey },
    /** How identity maps hold their items' links (utils/db/items/identities.ts), for those that check them. */
    identities: { forEachLink, linkHash },
    /** How search segments list their items and words (utils/search/segment-docs.ts), for those that check the index. */
    segmentDocs: { decodeDocs, allWords },
  };
}

export type WorkerHandle = ReturnType<typeof workerHandle>;
