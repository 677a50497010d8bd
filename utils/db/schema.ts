// The one IndexedDB schema of Newsbar, as types: its stores, their records and indexes (idb's
// DBSchema). Opening the database is open.ts; the numbered migrations that build it are migrations/.
// Only types are imported here, so no import circle runs through the schema.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Source } from '../model';
import type { Postings } from '../search/segment';
import type { Counter } from './counters';
import type { TagRecord } from './tags';
import type { IdentityRecord } from './items/identities';
import type { ItemKey } from './items/item-ids';
import type { ItemRecord } from './items/item-record';
import type { ReaderCopy } from '../reader/cache';
import type { MetaRecord, StoryRecord, StoryTermsRecord } from './stories/story-records';

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
      /** An item by the id its record keeps (unique; item-ids.ts itemKey): items stored before schema 16, whose id is not their key. */
      byId: ItemKey;
      /** Per-source listing and retention (['s', 'p']; `s` as item-ids.ts sourceKeyOf gives it). */
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
  /** Per source (its key as item-ids.ts sourceKeyOf gives it): its items' identity hashes and store keys (identities.ts). */
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

/**
 * The stores of `names` this database has: the migration tests read and write through today's code
 * on databases opened at older versions, which lack the newer stores (schema 18's stories).
 */
export function storesOf<T extends string>(db: { objectStoreNames: DOMStringList }, names: readonly T[]): T[] {
  return names.filter((name) => db.objectStoreNames.contains(name));
}

/** The open Newsbar database (its schema is NewsSchema). */
export type NewsDb = IDBPDatabase<NewsSchema>;
