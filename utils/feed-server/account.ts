// The connected feed server as kept in storage.local: the account (address, user, the sync's state),
// which pages read and show, and apart from it the secret (API password and auth token), which only the
// worker reads. Neither is ever in storage.sync, the settings file or a log.
import type { Problem } from '../problems';
import { FEED_SERVER_KEY, FEED_SERVER_SECRET_KEY } from '../storage-keys';
import { isRecord, storageItem } from '../storage/items';

export interface ServerAccount {
  /** What the user typed, shown back in the form. */
  address: string;
  /** The API base found from it (utils/feed-server/greader.ts apiBases). */
  base: string;
  user: string;
  /** The server's host, for "Connected as <user> to <host>". */
  host: string;
  connectedAt: number;
  /** The last sync that finished. */
  lastSyncAt?: number;
  /** What went wrong on the last sync (cleared by the next that works). */
  problem?: Problem;
  /** Consecutive failed syncs, for the back-off; the next sync waits until `nextSyncAt`. */
  failures: number;
  nextSyncAt?: number;
  /** The newest item's storage time on the server (µs, a decimal string): the next sync asks for what came after. */
  newestUsec?: string;
  /** When the subscription list was last read. */
  subscriptionsAt?: number;
  /** When the item map last dropped the entries of items no longer stored (once a day). */
  prunedAt?: number;
}

export interface ServerSecret {
  password: string;
  auth: string;
}

/** The part of a storage area these need (browser.storage.local, or a fake in tests). */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const accountItem = storageItem<ServerAccount | undefined>(FEED_SERVER_KEY, (v) => (typeof isRecord(v)?.base === 'string' ? (v as ServerAccount) : undefined), undefined);
const secretItem = storageItem<ServerSecret | undefined>(FEED_SERVER_SECRET_KEY, (v) => (typeof isRecord(v)?.auth === 'string' ? (v as ServerSecret) : undefined), undefined);

export const loadAccount = (area: Pick<LocalArea, 'get'>): Promise<ServerAccount | undefined> => accountItem.get(area);
export const loadSecret = (area: Pick<LocalArea, 'get'>): Promise<ServerSecret | undefined> => secretItem.get(area);
export const saveAccount = (area: LocalArea, a: ServerAccount) => accountItem.set(area, a);
export const saveSecret = (area: LocalArea, s: ServerSecret) => secretItem.set(area, s);
export const forgetServer = (area: LocalArea) => area.remove([FEED_SERVER_KEY, FEED_SERVER_SECRET_KEY]);
