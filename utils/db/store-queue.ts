// Stores polls as they come in, several to a transaction: while one transaction runs, the sources
// parsed meanwhile wait and go together in the next. Fewer commits, the same guarantees (see storePolls).
import type { NewsDb } from './schema';
import { storePoll, storePolls, type PollWrite, type StoreResult } from './items';

interface Waiting {
  write: PollWrite;
  resolve: (r: StoreResult) => void;
  reject: (e: unknown) => void;
}

/**
 * At most this many sources in one transaction (a long transaction holds back the pages' reads: the
 * longest of a 200 x 50 ingest took about 260 ms at 16, 235 ms at 8, for 0.87x the ingest's time).
 */
const MAX_GROUP = 24;

export type StoreFn = (write: PollWrite) => Promise<StoreResult>;

/** A poll's store queue: also tells how many sources wait for a transaction. */
export type StoreQueue = StoreFn & { waiting(): number };

/**
 * `connection`: the database, or how to get the one to write through now (the poller opens a new one
 * when the browser closed the last under it, and the sources still waiting go through that).
 */
export function storeQueue(connection: NewsDb | (() => Promise<NewsDb>)): StoreQueue {
  const waiting: Waiting[] = [];
  let running = false;
  const dbNow = typeof connection === 'function' ? connection : () => Promise.resolve(connection);

  /** A group that failed is stored again one source each: one bad poll never costs the others theirs. */
  async function storeOneByOne(group: Waiting[]): Promise<void> {
    for (const w of group) {
      const p = w.write;
      await dbNow()
        .then((db) => storePoll(db, p.source, p.parsed, p.now, p.settings, p.sourcePatch, p.topics))
        .then(w.resolve, w.reject);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length) {
        const group = waiting.splice(0, MAX_GROUP);
        if (group.length === 1) {
          await storeOneByOne(group);
          continue;
        }
        try {
          const results = await storePolls(await dbNow(), group.map((w) => w.write));
          group.forEach((w, i) => w.resolve(results[i]!));
        } catch {
          await storeOneByOne(group);
        }
      }
    } finally {
      running = false;
    }
  }

  const store = (write: PollWrite) => new Promise<StoreResult>((resolve, reject) => {
    waiting.push({ write, resolve, reject });
    if (!running) void drain();
  });
  return Object.assign(store, { waiting: () => waiting.length });
}
