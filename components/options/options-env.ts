// What the options page needs from the browser, as one small interface: the real one wraps
// webextension APIs (entrypoints/options/browser-env.ts), component tests pass fakes.
import type { PageEnv } from '../shared/page-env';

export interface OptionsEnv extends PageEnv {
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
