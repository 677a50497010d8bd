// The one IndexedDB schema of Newsbar: typed stores, indexes and numbered migrations.
// A migration only ever adds or transforms; it never drops a user's items, sources or read state.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Flag, Item, Source } from '../model';
import { htmlToText, wordsOf } from '../normalize/text';

export const DB_NAME = 'newsbar';

/** Item ids already notified, kept so an alert never fires twice (also across restarts). */
export interface NotifiedRecord {
  itemId: string;
  at: number;
}

export interface NewsDB extends DBSchema {
  items: {
    key: string;
    value: Item;
    indexes: {
      /** Newest-first paging over everything. */
      byPublished: number;
      /** Per-source listing and retention. */
      bySource: [string, number];
      /** Unread counting and the Unread filter. */
      byRead: [Flag, number];
      byStarred: [Flag, number];
      /** The breaking ticker (breaking = 1 within a time window) and its unread count. */
      byBreaking: [Flag, number];
      byReadBreaking: [Flag, Flag];
      /** Unread alert matches (topic-alerts badge mode). */
      byReadAlert: [Flag, Flag];
      /** Dedupe. */
      byGuid: [string, string];
      byUrl: [string, string];
      /** Topic filter (multiEntry over item.topics). */
      byTopic: string;
      /** Search (multiEntry over item.words). */
      byWord: string;
    };
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
}

type UpgradeTx = IDBPTransaction<NewsDB, StoreNames<NewsDB>[], 'versionchange'>;

/** migrations[n] upgrades a database from version n to n + 1. */
const migrations: Array<(db: IDBPDatabase<NewsDB>, tx: UpgradeTx) => void> = [
  // 0 -> 1: items and sources.
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('byPublished', 'published');
    items.createIndex('bySource', ['sourceId', 'published']);
    items.createIndex('byRead', ['read', 'published']);
    items.createIndex('byStarred', ['starred', 'published']);
    items.createIndex('byBreaking', ['breaking', 'published']);
    items.createIndex('byReadBreaking', ['read', 'breaking']);
    items.createIndex('byGuid', ['sourceId', 'guid']);
    items.createIndex('byUrl', ['sourceId', 'url']);
    db.createObjectStore('sources', { keyPath: 'id' });
  },
  // 1 -> 2: topic alerts and search. Existing items keep everything and gain search words and
  // empty topic fields (the background re-matches topics after an upgrade).
  (db, tx) => {
    const items = tx.objectStore('items');
    items.createIndex('byReadAlert', ['read', 'alert']);
    items.createIndex('byTopic', 'topics', { multiEntry: true });
    items.createIndex('byWord', 'words', { multiEntry: true });
    const notified = db.createObjectStore('notified', { keyPath: 'itemId' });
    notified.createIndex('byAt', 'at');
    void items.openCursor().then(async function backfill(cursor): Promise<void> {
      if (!cursor) return;
      const it = cursor.value;
      await cursor.update({
        ...it,
        topics: it.topics ?? [],
        alert: it.alert ?? 0,
        words: it.words ?? wordsOf(it.title, htmlToText(it.summaryHtml ?? '')),
      });
      return backfill(await cursor.continue());
    });
  },
];

export const DB_VERSION = migrations.length;

export function openNewsDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<NewsDB>> {
  return openDB<NewsDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) migrations[v](db, tx);
    },
    blocking() {
      // A newer version of Newsbar wants to upgrade: let it.
    },
  });
}

let shared: Promise<IDBPDatabase<NewsDB>> | undefined;

/** The extension's shared connection (one per JS context). */
export function getDb(): Promise<IDBPDatabase<NewsDB>> {
  shared ??= openNewsDb().then((db) => {
    db.addEventListener('versionchange', () => {
      db.close();
      shared = undefined;
    });
    return db;
  });
  return shared;
}

/** Tests replace indexedDB per test; forget the cached connection. */
export function resetDbForTests(): void {
  shared = undefined;
}

export type NewsDb = IDBPDatabase<NewsDB>;
