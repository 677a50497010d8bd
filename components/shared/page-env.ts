// What every extension page (the sidebar, the options page) needs from the browser alike: the
// database, both storage areas and the messages to and from the worker. Each page's env extends it
// (components/sidebar/sidebar-env.ts, components/options/options-env.ts).
import type { NewsDb } from '@/utils/db/schema';
import type { Message } from '@/utils/messages';
import type { StorageAreaLike } from '@/utils/settings';

export interface PageEnv {
  db(): Promise<NewsDb>;
  /** browser.storage.sync: settings, topics and mute rules (they follow the user). */
  sync: StorageAreaLike;
  /** browser.storage.local: this browser only (API keys, the database's room, kept actions, ...). */
  local: StorageAreaLike;
  /** Sends to the background; resolves even when nobody listens. */
  send(m: Message): Promise<void>;
  /** Sends to the background and resolves with its answer (undefined when nobody listens). */
  ask(m: Message): Promise<unknown>;
  /** Messages from the background; returns an unsubscribe function. */
  onMessage(cb: (m: unknown) => void): () => void;
  /** Keys changed in browser.storage (any area). */
  onStorageChanged(cb: (keys: string[], area: string) => void): () => void;
}
