// Schema 12: every item id becomes its short form (shortItemId of the id it had: utils/normalize/ids.ts),
// and so does every record that names an item: the notified and pending alerts, the reader's copies,
// topic tags, the search queue and the search segments' item lists. The short id is a function of the
// old one alone, so records whose item is gone (notified items kept for 90 days) move as well.
import type { IDBPTransaction, StoreNames } from 'idb';
import { isLegacyItemId, shortItemId } from '../../normalize/ids';
import type { LegacySegmentDocs, Schema12 } from './legacy-schemas';

type UpgradeTx = IDBPTransaction<Schema12, StoreNames<Schema12>[], 'versionchange'>;

/** Story keys share the notified store with item ids (utils/topics/notify.ts storyKeys): not ids. */
const STORY_KEY = /^(link|title):/;

/** Any store keyed by a field that holds an item id: its records move to the short id. */
async function moveKeyed(tx: UpgradeTx, name: 'notified' | 'pendingAlerts' | 'reader', skip?: RegExp): Promise<void> {
  const store = tx.objectStore(name);
  // A moved record's new key has no `:`, so the cursor skips it if it reaches it again.
  let cursor = await store.openCursor();
  while (cursor) {
    const rec = cursor.value;
    if (isLegacyItemId(rec.itemId) && !skip?.test(rec.itemId)) {
      void cursor.delete();
      void store.put({ ...rec, itemId: shortItemId(rec.itemId) } as never);
    }
    cursor = await cursor.continue();
  }
}

export async function shortenItemIds(tx: UpgradeTx): Promise<void> {
  // Requests are issued without waiting for each: the upgrade transaction runs them in order.
  const items = tx.objectStore('items');
  let cursor = await items.openCursor();
  while (cursor) {
    const it = cursor.value;
    if (isLegacyItemId(it.id)) {
      void cursor.delete();
      void items.put({ ...it, id: shortItemId(it.id) });
    }
    cursor = await cursor.continue();
  }
  await moveKeyed(tx, 'notified', STORY_KEY);
  await moveKeyed(tx, 'pendingAlerts');
  await moveKeyed(tx, 'reader');

  // Topic tags: one record per tagged item, keyed by its id.
  const tags = tx.objectStore('tags');
  let tag = await tags.openCursor();
  while (tag) {
    if (isLegacyItemId(tag.value.id)) {
      void tag.delete();
      void tags.put({ ...tag.value, id: shortItemId(tag.value.id) });
    }
    tag = await tag.continue();
  }

  const queue = tx.objectStore('searchQueue');
  let q = await queue.openCursor();
  while (q) {
    const [published, id] = q.key;
    if (isLegacyItemId(id)) {
      void q.delete();
      void queue.put(1, [published, shortItemId(id)]);
    }
    q = await q.continue();
  }
  // Postings name a segment's items by their place in its list: only the list changes.
  const docs = tx.objectStore('searchDocs');
  let d = await docs.openCursor();
  while (d) {
    const value = d.value as unknown as LegacySegmentDocs;
    const ids = value.ids as string[]; // (packed only since schema 13)
    if (ids.some(isLegacyItemId)) void d.update({ ...value, ids: ids.map((id) => (isLegacyItemId(id) ? shortItemId(id) : id)) } as never);
    d = await d.continue();
  }
}
