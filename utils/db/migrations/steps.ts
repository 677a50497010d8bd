// The numbered migrations of the one schema (schema.ts): migrations[n] upgrades a database from
// version n to n + 1. A migration only ever adds or transforms; it never drops a user's items, sources
// or read state.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Item, Source } from '../../model';
import { problemFromLegacyText } from '../../problems';
import { Tallier } from '../counters';
import { tagRecordOf } from '../tags';
import { withIndexKeys } from './index-keys';
import { legacyTopicKeys, moveItemsToIdentityIds, type LegacyItem } from './migrate-item-ids';
import { shortenItemIds } from './migrate-short-ids';
import { rewriteItemRecords } from './migrate-item-records';
import { moveItemsToSequenceKeys } from './migrate-sequence-keys';
import { moveSegmentsToStoreKeys } from './migrate-segment-keys';
import { migrateToSchema16 } from './migrate-schema-16';
import { addLinksToIdentities } from './migrate-links';
import type { Schema12, Schema13 } from './legacy-schemas';

type UpgradeTx = IDBPTransaction<Schema12, StoreNames<Schema12>[], 'versionchange'>;
type Upgrade13Tx = IDBPTransaction<Schema13, StoreNames<Schema13>[], 'versionchange'>;

/** Indexes of earlier versions are not in today's typed schema; migrations name them through this. */
function legacy(store: unknown): { createIndex(name: string, keyPath: string | string[], o?: IDBIndexParameters): void; deleteIndex(name: string): void } {
  return store as never;
}

/**
 * migrations[n] upgrades a database from version n to n + 1. A new migration ships in a new extension
 * version (package.json), recorded in tests/unit/db/schema-version.test.ts, so an update replaces the
 * worker that holds the old version open. A migration that rewrites items returns
 * when it is done, so the next one sees its result (all inside the one upgrade transaction).
 */
export const migrations: Array<(db: IDBPDatabase<Schema12>, tx: UpgradeTx) => void | Promise<void>> = [
  // 0 -> 1: items and sources.
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('byPublished', 'published');
    items.createIndex('bySource', ['sourceId', 'published']);
    items.createIndex('byRead', ['read', 'published']);
    items.createIndex('byStarred', ['starred', 'published']);
    items.createIndex('byBreaking', ['breaking', 'published']);
    legacy(items).createIndex('byReadBreaking', ['read', 'breaking']);
    legacy(items).createIndex('byGuid', ['sourceId', 'guid']);
    legacy(items).createIndex('byUrl', ['sourceId', 'url']);
    db.createObjectStore('sources', { keyPath: 'id' });
  },
  // 1 -> 2: topic alerts. Existing items keep everything and gain empty topic fields (the background
  // re-matches topics after an upgrade). Their search words come with version 8's index.
  (db, tx) => {
    const items = tx.objectStore('items');
    legacy(items).createIndex('byReadAlert', ['read', 'alert']);
    legacy(items).createIndex('byTopic', 'topics', { multiEntry: true });
    legacy(items).createIndex('byWord', 'words', { multiEntry: true });
    const notified = db.createObjectStore('notified', { keyPath: 'itemId' });
    notified.createIndex('byAt', 'at');
    return items.openCursor().then(async function backfill(cursor): Promise<void> {
      if (!cursor) return;
      const it = cursor.value;
      await cursor.update({
        ...it,
        topics: it.topics ?? [],
        alert: it.alert ?? 0,
      });
      return backfill(await cursor.continue());
    });
  },
  // 2 -> 3: counts kept up to date instead of counted through indexes (a count walks every entry in
  // Chromium), and time-ordered search and topic keys, so the newest matches are read first.
  (db, tx) => {
    const items = tx.objectStore('items');
    legacy(items).deleteIndex('byReadAlert');
    legacy(items).deleteIndex('byReadBreaking');
    legacy(items).deleteIndex('byTopic');
    legacy(items).createIndex('byTopicTime', 'topicKeys', { multiEntry: true });
    const counters = db.createObjectStore('counters', { keyPath: 'key' });
    const tally = new Tallier();
    return items.openCursor().then(async function rewrite(cursor): Promise<void> {
      if (!cursor) {
        await Promise.all(tally.result().map((c) => counters.put(c)));
        return;
      }
      // (Search keys were rewritten here too; version 8 replaced them with the search index.)
      const next = { ...cursor.value } as LegacyItem;
      next.topicKeys = legacyTopicKeys(next);
      tally.add(next);
      await cursor.update(next);
      return rewrite(await cursor.continue());
    });
  },
  // 3 -> 4: item ids from the one identity that also decides the dedupe (guid, URL or title, each
  // in its own namespace); records of one article kept twice by the old split rules are merged.
  (_db, tx) => moveItemsToIdentityIds(tx),
  // 4 -> 5: alerts waiting to be notified, kept across a worker being stopped (topic matching now
  // happens in the poll's own transaction, so nothing is ever stored unmatched).
  (db) => {
    db.createObjectStore('pendingAlerts', { keyPath: 'itemId' });
  },
  // 5 -> 6: a source's last error is stored as a problem code (worded in the user's language where it
  // is shown) instead of an English sentence. Recognised sentences become codes, others stay as text.
  (_db, tx) => {
    const sources = tx.objectStore('sources');
    return sources.openCursor().then(async function convert(cursor): Promise<void> {
      if (!cursor) return;
      const { lastError, ...rest } = cursor.value as Source & { lastError?: unknown };
      if (lastError !== undefined) {
        const next: Source = { ...rest };
        if (typeof lastError === 'string' && lastError.trim() && !rest.problem) next.problem = problemFromLegacyText(lastError);
        await cursor.update(next);
      }
      return convert(await cursor.continue());
    });
  },
  // 6 -> 7: the reader's offline copies of articles read.
  (db) => {
    const reader = db.createObjectStore('reader', { keyPath: 'itemId' });
    reader.createIndex('byReadAt', 'readAt');
  },
  // 7 -> 8: items found by their canonical link across sources, so a story from a second source joins
  // the first one's row instead of adding a duplicate.
  (_db, tx) => {
    tx.objectStore('items').createIndex('byLink', 'url');
  },
  // 8 -> 9: the search index moves out of the items (one index entry per word per item cost four
  // times the rest of a write) into segments built after the items are stored. Items lose their
  // search keys and wait in the queue to be indexed. The dedupe is a look-up by id since version 4:
  // the guid and URL indexes go too.
  (db, tx) => {
    const items = tx.objectStore('items');
    for (const name of ['byWord', 'byGuid', 'byUrl']) legacy(items).deleteIndex(name);
    const queue = db.createObjectStore('searchQueue');
    db.createObjectStore('searchSegments', { keyPath: 'seg' });
    db.createObjectStore('searchDocs', { keyPath: 'seg' });
    db.createObjectStore('searchPostings');
    return items.openCursor().then(async function strip(cursor): Promise<void> {
      if (!cursor) return;
      const { words: _words, ...it } = cursor.value as LegacyItem & { words?: string[] };
      if (!it.topicKeys?.length) delete it.topicKeys;
      void queue.put(1, [it.published, it.id]);
      await cursor.update(it);
      return strip(await cursor.continue());
    });
  },
  // 9 -> 10: the Starred and Breaking indexes list only starred / breaking items (every item had an
  // entry in both, each repeating the item's id twice, for ranges never read).
  (_db, tx) => {
    const items = tx.objectStore('items');
    for (const name of ['byStarred', 'byBreaking']) legacy(items).deleteIndex(name);
    items.createIndex('byStarred', 'starredAt');
    items.createIndex('byBreaking', 'breakingAt');
    return items.openCursor().then(async function derive(cursor): Promise<void> {
      if (!cursor) return;
      if (cursor.value.starred === 1 || cursor.value.breaking === 1) await cursor.update(withIndexKeys(cursor.value));
      return derive(await cursor.continue());
    });
  },
  // 10 -> 11: topic tags move out of the items into a store of their own, so tagging writes a small
  // record instead of rewriting the whole item. Each tagged item gets its tag record; items lose
  // their topics and topic keys, and the items' byTopicTime goes. The per-topic counters count the same.
  (db, tx) => {
    const tags = db.createObjectStore('tags', { keyPath: 'id' });
    tags.createIndex('byTopicTime', 'keys', { multiEntry: true });
    const items = tx.objectStore('items');
    legacy(items).deleteIndex('byTopicTime');
    return items.openCursor().then(async function move(cursor): Promise<void> {
      if (!cursor) return;
      const { topics, topicKeys, ...it } = cursor.value as Partial<LegacyItem> & Item;
      if (topics !== undefined || topicKeys !== undefined) {
        const rec = tagRecordOf(it, [...new Set(topics ?? [])]);
        if (rec) void tags.put(rec);
        await cursor.update(it as LegacyItem);
      }
      return move(await cursor.continue());
    });
  },
  // 11 -> 12: short item ids (11 characters instead of ~26, and not the source id inside them): the id
  // is written in the record's key and twice in every index entry. Everything that names an item moves.
  (_db, tx) => shortenItemIds(tx),
  // 12 -> 13: items as compact records (item-record.ts): the id as an 8-byte key, short property
  // names, no default values, flags as the index fields themselves, the link's hash for byLink, and
  // an unread-only index in place of byRead. Everything else keyed by item id keeps the id string.
  (_db, tx) => rewriteItemRecords(tx as unknown as Upgrade13Tx),
  // 13 -> 14: items under a sequence number instead of their random 64-bit id, which every key and
  // index entry repeated and nothing could compress; the id stays in the record and in a unique byId
  // index. The store is made anew (a key path cannot change); the records move oldest first, without
  // their categories (nothing read them). Everything else keyed by item id is unchanged.
  (db, tx) => moveItemsToSequenceKeys(db as never, tx as never),
  // 14 -> 15: search segments name their items by store key (a sequence number, which varints keep
  // to a byte or two) instead of by id (8 random bytes), and a search reads them by that key.
  (_db, tx) => moveSegmentsToStoreKeys(tx as never),
  // 15 -> 16: a new item's id is its store key, so its record keeps no id (the random 64-bit id cost
  // ~61 B per item on disk), and the dedupe finds items through a per-source identity map made here
  // from the stored ids. Stored items keep their ids: nothing that names them moves. And byPublished
  // and byUnread go: byState lists each item once, by read state and time, and a record keeps its time
  // once (byUnread's `n` repeated it).
  (db, tx) => migrateToSchema16(db as never, tx as never),
  // 16 -> 17: byLink goes (34 B per item on disk, its keys random hashes): each identity map holds its
  // items' link hashes, which the same-story look-up reads across sources (link-table.ts). Records
  // keep the `l` they have; new ones have none.
  (_db, tx) => addLinksToIdentities(tx as never),
  // 17 -> 18: stories. Items gain `st` (their story) and a folded report keeps its read state in `fq`
  // (out of byState); nothing is rewritten here: the worker groups the recent window once after the
  // update, in small kill-safe steps (story-regroup.ts).
  (db) => {
    db.createObjectStore('stories' as never, { keyPath: 'id' });
    db.createObjectStore('storyTerms' as never, { autoIncrement: true });
    db.createObjectStore('meta' as never, { keyPath: 'key' });
  },
];
