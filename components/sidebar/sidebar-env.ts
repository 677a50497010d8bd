// What the sidebar needs from the browser, as one small interface: the real one wraps
// webextension APIs (entrypoints/sidepanel/browser-env.ts), tests pass fakes.
import type { NewsDb } from '@/utils/db/schema';
import type { Message } from '@/utils/messages';
import type { StorageAreaLike } from '@/utils/settings';

/** Parts of the options page the sidebar links to (the page reads them from its address's #hash). */
export type OptionsSection = 'sources-failing' | 'import-export' | 'keeping';

export interface SidebarEnv {
  db(): Promise<NewsDb>;
  /** browser.storage.sync: settings and topics. */
  sync: StorageAreaLike;
  /** browser.storage.local: whether the database has room, and the user's actions kept while it had none. */
  local: StorageAreaLike;
  /** Sends to the background; resolves even when nobody listens. */
  send(m: Message): Promise<void>;
  /** Sends to the background and resolves with its answer (undefined when nobody listens). */
  ask(m: Message): Promise<unknown>;
  /** Messages from the background; returns an unsubscribe function. */
  onMessage(cb: (m: unknown) => void): () => void;
  /** Keys changed in browser.storage (any area). */
  onStorageChanged(cb: (keys: string[], area: string) => void): () => void;
  /** Opens the options page; 'sources-failing' opens its source manager with the failing sources first. */
  openOptions(section?: OptionsSection): void;
  /** Asks for access to these sites (inside a click); true when granted. */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** The page's fetch, for adding a source from the welcome. */
  fetch: typeof globalThis.fetch;
  now(): number;
  online(): boolean;
  onOnlineChanged(cb: (online: boolean) => void): () => void;
  /** The UI language, for dates ("en", "de"). */
  locale: string;
  /** The topic a clicked alert summary asked to show (once), if any. */
  requestedTopic?(): Promise<string | undefined>;
  /** Resolves once the page has painted (absent in tests): lets the first articles paint before the rest loads. */
  afterPaint?(): Promise<void>;
}
