// The source list follows the user through storage.sync (utils/sync/source-list.ts holds the format).
// Written when the user changes sources (the worker writes them: sources.ts), never at start-up, so a
// device that was offline does not overwrite a newer list. Read when another device writes it.
// The first time a device takes a synced list it merges (adds, removes nothing); after that,
// removals follow too.
import { getDb } from '@/utils/db/open';
import { listSources, removeSource, updateSource } from '@/utils/db/sources';
import { addSourcesAtomically } from '@/utils/db/sources';
import { planSync, readSourceList, SYNC_BUDGET, syncedOf, writeSourceList } from '@/utils/sync/source-list';
import { SOURCE_LIST_KEY } from '@/utils/storage-keys';
import { sourceListStampItem, sourceListStatusItem, syncDeviceItem } from '@/utils/storage/items';

async function deviceId(): Promise<string> {
  const got = await syncDeviceItem.get(browser.storage.local);
  if (got) return got;
  const id = crypto.randomUUID();
  await syncDeviceItem.set(browser.storage.local, id);
  return id;
}

export async function pushSourceList(): Promise<void> {
  // A feed server's sources follow the user through the server itself, not this list.
  const list = (await listSources(await getDb())).filter((s) => !s.server && !s.topicId);
  const meta = await writeSourceList(browser.storage.sync, list.map(syncedOf), await deviceId(), Date.now());
  await sourceListStampItem.set(browser.storage.local, meta.at);
  await sourceListStatusItem.set(browser.storage.local, { bytes: meta.bytes, budget: SYNC_BUDGET, tooLarge: !!meta.tooLarge, count: list.length, at: meta.at });
}

/** Takes a list another device wrote; true when something here changed. */
export async function pullSourceList(): Promise<boolean> {
  const got = await readSourceList(browser.storage.sync);
  if (!got) return false;
  const stamp = await sourceListStampItem.get(browser.storage.local);
  if (got.meta.device === (await deviceId()) || got.meta.at <= stamp) return false;
  const db = await getDb();
  const plan = planSync((await listSources(db)).filter((s) => !s.server && !s.topicId), got.list);
  const firstTime = stamp === 0;
  if (plan.add.length) await addSourcesAtomically(db, plan.add);
  for (const u of plan.update) await updateSource(db, u.id, u.patch).catch(() => {});
  if (!firstTime) for (const id of plan.remove) await removeSource(db, id);
  await sourceListStampItem.set(browser.storage.local, got.meta.at);
  // A first merge may hold sources the synced list lacks: write the union back for the others.
  if (firstTime && plan.remove.length) await pushSourceList();
  return plan.add.length + plan.update.length + (firstTime ? 0 : plan.remove.length) > 0;
}

export const isSourceListKey = (key: string) => key === SOURCE_LIST_KEY;
