// The one IndexedDB schema of Newsbar: typed stores, indexes and numbered migrations.
// A migration only ever adds or transforms; it never drops a user's items, sources or read state.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Item, Source } from '../model';
import { problemFromLegacyText } from '../problems';
import type { Postings } from '../search/segment';
import { Tallier, type Counter } from './counters';
import { withIndexKeys } from './index-keys';
import { knownLost, noteClosedOnPurpose, noteLost } from './quota';
import { legacyTopicKeys, moveItemsToIdentityIds, type LegacyItem } from './migrate-item-ids';
import { tagRecordOf, type TagRecord } from './tags';
import { shortenItemIds } from './migrate-short-ids';
import { rewriteItemRecords } from './migrate-item-records';
import { moveItemsToSequenceKeys } from './migrate-sequence-keys';
import { moveSegmentsToStoreKeys } from './migrate-segment-keys';
import { migrateToSchema16 } from './migrate-schema-16';
import { addLinksToIdentities } from './migrate-links';
import type { IdentityRecord } from './identities';
import type { ItemKey, ItemRecord } from './item-record';
import type { ReaderCopy } from '../reader/cache';
import type { MetaRecord, StoryRecord, StoryTermsRecord } from './story-records';

export const DB_NAME = 'newsbar';

/** Item ids already notified, kept so an alert never fires twice (also across restarts). */
export interface NotifiedRecord {
  itemId: string;
  at: number;
}

/**
 * An item that matched a notifying topic and is not yet notified. Written in the same transaction
 * as the item, taken in the same transaction that records it as notified: a worker killed in
 * between leaves it here, and the next wake notifies it (once).
 */
export interface PendingAlert {
  itemId: string;
  at: number;
}

/** The database's stores and indexes, as idb types them (the open database is NewsDb). */
export interface NewsSchema extends OtherStores {
  /** Items as records (item-record.ts: the codec between Item and what is stored), under a sequence number. */
  items: {
    key: number;
    value: ItemRecord;
    indexes: {
      /** An item by the id its record keeps (unique; item-record.ts itemKey): items stored before schema 16, whose id is not their key. */
      byId: ItemKey;
      /** Per-source listing and retention (['s', 'p']; `s` as item-record.ts sourceKeyOf gives it). */
      bySource: [string | number, number];
      /** Every item by read state, then time (['q', 'p']): the Unread filter is [0, *], all items [0, *] and [1, *] merged (queries.ts). */
      byState: [number, number];
      /** The Starred filter: starred items only ('sa'). */
      byStarred: number;
      /** The breaking ticker and its unread count: breaking items only ('ba'). */
      byBreaking: number;
    };
  };
}

/** The items store as schema 13 kept it: the same records, keyed by the id (keyPath 'id'). */
export interface Schema13 extends OtherStores {
  items: {
    key: ItemKey;
    value: ItemRecord;
    indexes: Omit<NewsSchema['items']['indexes'], 'byId' | 'byState'> & { byPublished: number; byUnread: number; byLink: number };
  };
}

/** The items store as schemas 1 to 12 kept it (the migrations before 13 see this). */
export interface Schema12 extends OtherStores {
  items: {
    key: string;
    value: LegacyItem;
    indexes: {
      byPublished: number;
      bySource: [string, number];
      byRead: [number, number];
      byStarred: number;
      byBreaking: number;
      byLink: string;
    };
  };
}

/** Every store but the items. */
export interface OtherStores extends DBSchema {
  /**
   * Topic tags (see tags.ts), one record per tagged item, by item id. Written in the same
   * transaction as the item they belong to.
   */
  tags: {
    key: string;
    value: TagRecord;
    indexes: {
      /** The topic filter, newest first (multiEntry over the record's [topicId, published] keys). */
      byTopicTime: [string, number];
    };
  };
  /**
   * Items whose text the search index has not seen yet, written in the same transaction as the items
   * (see search-index.ts). One entry per write transaction: key [time written, unique], value the
   * ids. (Entries from before 0.8 hold one item each: key [published, id], value 1.)
   */
  searchQueue: {
    key: [number, string];
    value: QueueEntry;
  };
  /** The search index's segments: how many items each holds and the time span they cover. */
  searchSegments: {
    key: number;
    value: SegmentMeta;
  };
  /** Each segment's items (store keys and times, newest first) and the words it has postings for. */
  searchDocs: {
    key: number;
    value: SegmentDocs;
  };
  /** [word, segment's newest time, segment] -> the numbers of the segment's items holding the word. */
  searchPostings: {
    key: [string, number, number];
    value: Postings;
  };
  /** Per source (its key as item-record.ts sourceKeyOf gives it): its items' identity hashes and store keys (identities.ts). */
  identities: {
    key: string | number;
    value: IdentityRecord;
  };
  /** Counts kept by every write (see counters.ts): 'all', 's:<source>', 't:<topic>'. */
  counters: {
    key: string;
    value: Counter;
  };
  sources: {
    key: string;
    value: Source;
  };
  notified: {
    key: string;
    value: NotifiedRecord;
    indexes: { byAt: number };
  };
  pendingAlerts: {
    key: string;
    value: PendingAlert;
  };
  /**
   * Stories of two or more reports (stories.ts), by story id: written in the transaction of the items
   * they group. A story of one has no record.
   */
  stories: {
    key: string;
    value: StoryRecord;
  };
  /**
   * The story words of the items in the grouping window (story-grouper.ts): one record per write that
   * placed items, so the worker rebuilds its grouper from these alone. Autoincrement keys.
   */
  storyTerms: {
    key: number;
    value: StoryTermsRecord;
  };
  /** Small records of Newsbar's own: the progress of the one-off story grouping (story-regroup.ts). */
  meta: {
    key: string;
    value: MetaRecord;
  };
  /** The reader's offline copies (utils/reader/cache.ts), by item id. */
  reader: {
    key: string;
    value: ReaderCopy;
    indexes: { byReadAt: number };
  };
}

/** A search queue entry: the ids one transaction queued, or (before 0.8) 1 for the item in its key. */
export type QueueEntry = string[] | 1;

export interface SegmentMeta {
  seg: number;
  /** Items in the segment (some may have been deleted since). */
  n: number;
  maxT: number;
  minT: number;
}

/** A segment's docs (utils/search/segment-docs.ts encodes and reads them). */
export interface SegmentDocs {
  seg: number;
  /** The items' store keys, newest first, as zigzag varint differences (0: the item was gone). */
  keys: Uint8Array<ArrayBuffer>;
  /** Their published times: a unit byte, then the first time and the gaps as varints (or the times themselves). */
  t: Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
  /** The words the segment has postings for, sorted, each after a '\n'. */
  words: string;
}

/** A segment's docs as schemas 10 to 14 kept them (the 14 -> 15 migration reads these). */
export interface LegacySegmentDocs {
  seg: number;
  /** The items' ids: their 8-byte keys one after the other (item-record.ts packIds), or (before 0.10.0) the id strings. */
  ids: Uint8Array<ArrayBuffer> | string[];
  /** Their published times (before 0.10.0 a plain array). */
  t: Float64Array<ArrayBuffer> | number[];
  words: string[];
}

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
const migrations: Array<(db: IDBPDatabase<Schema12>, tx: UpgradeTx) => void | Promise<void>> = [
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

export const DB_VERSION = migrations.length;

export function openNewsDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<NewsSchema>> {
  let db: IDBPDatabase<NewsSchema> | undefined;
  const opened = openDB<NewsSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      // Chained on IndexedDB requests only, so the upgrade transaction stays open throughout.
      for (let v = oldVersion; v < (newVersion ?? version); v++) await migrations[v](db as never, tx as never);
    },
    blocking() {
      // A newer version of Newsbar wants to upgrade: let it.
    },
    terminated() {
      // The browser closed the connection itself (Chromium does when the disk fills up mid-write):
      // writes that failed on it were refused (quota.ts), and getDb opens a new one.
      if (db) noteLost(db);
    },
  });
  return opened.then((d) => (db = d));
}

let shared: Promise<IDBPDatabase<NewsSchema>> | undefined;
let sharedDb: IDBPDatabase<NewsSchema> | undefined;

/**
 * The extension's shared connection (one per JS context). One the browser closed (a disk that filled
 * up mid-write) is forgotten: the next caller opens a new one instead of failing on it for good.
 */
export function getDb(): Promise<IDBPDatabase<NewsSchema>> {
  if (sharedDb && knownLost(sharedDb)) {
    shared = undefined;
    sharedDb = undefined;
  }
  shared ??= openNewsDb().then((db) => {
    db.addEventListener('versionchange', () => {
      noteClosedOnPurpose(db);
      db.close();
      if (sharedDb === db) {
        shared = undefined;
        sharedDb = undefined;
      }
    });
    sharedDb = db;
    return db;
  });
  const opened = shared;
  // A failed open is not kept: the next caller tries again.
  opened.catch(() => {
    if (shared === opened) shared = undefined;
  });
  return opened;
}

/** Tests replace indexedDB per test; forget the cached connection. */
export function resetDbForTests(): void {
  shared = undefined;
  sharedDb = undefined;
}

/**
 * The stores of `names` this database has: the migration tests read and write through today's code
 * on databases opened at older versions, which lack the newer stores (schema 18's stories).
 */
export function storesOf<T extends string>(db: { objectStoreNames: DOMStringList }, names: readonly T[]): T[] {
  return names.filter((name) => db.objectStoreNames.contains(name));
}

/** The open Newsbar database (its schema is NewsSchema). */
export type NewsDb = IDBPDatabase<NewsSchema>;
