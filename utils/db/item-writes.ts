// The one way items are written: the derived topic keys are set and the counters follow, inside the
// caller's transaction (which must include the 'counters' store).
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Item } from '../model';
import type { NewsDB } from './schema';
import { CounterBatch } from './counters';
import { topicKeysOf } from './topic-keys';

/** The items store of any read-write transaction (which must also hold 'counters'). */
type ItemStore = IDBPObjectStore<NewsDB, StoreNames<NewsDB>[], 'items', 'readwrite'>;

export class ItemWriter {
  readonly counts = new CounterBatch();

  constructor(private readonly store: ItemStore) {}

  /** Writes `after` (which replaces `before`, if it existed). */
  put(before: Item | undefined, after: Item): Promise<unknown> {
    const next = { ...after, topicKeys: topicKeysOf(after) };
    this.counts.change(before, next);
    return this.store.put(next);
  }

  delete(before: Item): Promise<unknown> {
    this.counts.change(before, undefined);
    return this.store.delete(before.id);
  }
}
