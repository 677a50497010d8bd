// What the options page needs from the browser, as one small interface: the real one wraps
// webextension APIs (entrypoints/options/browser-env.ts), component tests pass fakes.
import type { NewsDb } from '@/utils/db/schema';
import type { Message } from '@/utils/messages';
import type { StorageAreaLike } from '@/utils/settings';

export interface OptionsEnv {
  db(): Promise<NewsDb>;
  /** browser.storage.sync: settings and topics (they follow the user). */
  sync: StorageAreaLike;
  /** browser.storage.local: API keys (never synced). */
  local: StorageAreaLike;
  /** Sends to the background; resolves even when nobody listens. */
  send(m: Message): Promise<void>;
  /** Sends to the background and resolves with its answer (undefined when nobody listens). */
  ask(m: Message): Promise<unknown>;
  /** Messages from the background; returns an unsubscribe function. */
  onMessage(cb: (m: unknown) => void): () => void;
  /** Keys changed in browser.storage (any area). */
  onStorageChanged(cb: (keys: string[], area: string) => void): () => void;
  /** Must be the first thing a click handler awaits: browsers only ask inside a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** Whether Newsbar may read these origins already (absent in tests: it may). */
  hasOrigins?(origins: string[]): Promise<boolean>;
  /** The browser's fetch, for utils/net/fetch-source.ts (the one fetcher of a source address). */
  fetch: typeof fetch;
  download(filename: string, text: string, mime: string): void;
  now(): number;
  locale: string;
  /** The origin topics' searches are asked at instead of the engines' (end-to-end and demo builds only). */
  searchBase?(): Promise<string | undefined>;
  /** navigator.storage.estimate(): how much the browser says Newsbar uses (absent in tests). */
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}
