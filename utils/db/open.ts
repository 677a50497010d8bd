// Opening the one database: the version is the number of migrations (migrations/steps.ts), and the
// extension's pages and worker share one connection each.
import { openDB, type IDBPDatabase } from 'idb';
import type { NewsSchema } from './schema';
import { knownLost, noteClosedOnPurpose, noteLost } from './quota';
import { migrations } from './migrations/steps';

export const DB_NAME = 'newsbar';

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
