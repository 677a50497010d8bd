// The user's actions the database refused for lack of space, kept in storage.local (apart from the
// database's quota: a few hundred bytes each) until they can be written, oldest first. Each is its own
// key, so the sidebar adding one and the worker writing others never overwrite each other's list.
// An action says what the user wants (read, starred: not "toggle"), so writing it twice is harmless.
import type { Item } from '../model';
import type { StorageAreaLike } from '../settings';
import type { NewsDb } from './schema';
import type { Filter } from './queries';
import { isKeptActionKey, keptActionKey } from '../storage-keys';
import { markAllRead, markRead, setStar } from './read-state';
import { isRefusalSoon } from './quota';

export type UserAction =
  | { kind: 'read'; ids: string[]; read: boolean }
  | { kind: 'star'; id: string; starred: boolean }
  /** "Mark all read": the filter up to a time (null: no limit); `ids` are the rows the sidebar showed read. */
  | { kind: 'markAll'; filter: Filter; until: number | null; ids: string[] }
  /** Topics edited (saved in storage.sync) whose re-match of the stored items was refused. */
  | { kind: 'rematch'; topicIds?: string[] };

export interface KeptAction {
  key: string;
  action: UserAction;
}

let seq = 0;

/** Keeps an action until it can be written; its key sorts by when it was kept. */
export async function keepAction(local: StorageAreaLike, action: UserAction, now: number): Promise<string> {
  const key = keptActionKey(`${now.toString(36).padStart(9, '0')}-${(seq++ % 1296).toString(36).padStart(2, '0')}-${Math.random().toString(36).slice(2, 6)}`);
  await local.set({ [key]: action });
  return key;
}

/** The kept actions, oldest first. */
export async function keptActions(local: StorageAreaLike): Promise<KeptAction[]> {
  const all = await local.get(null);
  return Object.keys(all).filter(isKeptActionKey).sort().map((key) => ({ key, action: all[key] as UserAction }));
}

/** Writes one action to the database (a re-match is the worker's: `rematch` does it). */
export async function writeAction(db: NewsDb, a: UserAction, rematch: (topicIds?: string[]) => Promise<void>): Promise<void> {
  if (a.kind === 'read') await markRead(db, a.ids, a.read);
  else if (a.kind === 'star') await setStar(db, a.id, a.starred);
  else if (a.kind === 'markAll') await markAllRead(db, a.filter, a.until ?? Infinity);
  else await rematch(a.topicIds);
}

export interface FlushResult {
  written: number;
  left: number;
  /** The database refused one: the rest wait (in order) for the next try. */
  refused: boolean;
}

/**
 * Writes the kept actions in the order they were made, each dropped once written; stops at the first
 * the database refuses. Another failure (a bug) drops that action rather than block the rest for good.
 */
export async function flushKept(local: StorageAreaLike, db: NewsDb, rematch: (topicIds?: string[]) => Promise<void>): Promise<FlushResult> {
  const kept = await keptActions(local);
  let written = 0;
  for (const [i, k] of kept.entries()) {
    try {
      await writeAction(db, k.action, rematch);
      written++;
    } catch (e) {
      if (await isRefusalSoon(e, db)) return { written, left: kept.length - i, refused: true };
      console.error('Newsbar: a kept action could not be written', e);
    }
    await local.remove?.(k.key);
  }
  return { written, left: 0, refused: false };
}

/** What the kept actions change on rows, in order (a later action on a row wins). */
export function keptOverlay(kept: readonly KeptAction[]): Map<string, Partial<Item>> {
  const out = new Map<string, Partial<Item>>();
  const set = (id: string, p: Partial<Item>) => out.set(id, { ...out.get(id), ...p });
  for (const { action: a } of kept) {
    if (a.kind === 'read') for (const id of a.ids) set(id, { read: a.read ? 1 : 0 });
    else if (a.kind === 'star') set(a.id, { starred: a.starred ? 1 : 0 });
    else if (a.kind === 'markAll') for (const id of a.ids) set(id, { read: 1 });
  }
  return out;
}
