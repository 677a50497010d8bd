// What the reader needs from the browser, as one interface: the real one is in
// entrypoints/sidepanel/reader-browser-env.ts; tests pass fakes.
import type { NewsDb } from '@/utils/db/schema';
import type { FetchedPage } from '@/utils/reader/fetch-page';

export interface ReaderPrefs {
  /** 0 small, 1 normal, 2 large. */
  fontStep: 0 | 1 | 2;
}

export interface ReaderEnv {
  db(): Promise<NewsDb>;
  fetchPage(url: string): Promise<FetchedPage>;
  /** Whether Newsbar may read pages of this origin ("https://news.example"). */
  canRead(origin: string): Promise<boolean>;
  /**
   * Asks the user for pages of `origin`, or of every site with `all`. Called straight from a click:
   * browsers only ask while handling the user's gesture.
   */
  askToRead(origin: string, all: boolean): Promise<boolean>;
  loadPrefs(): Promise<ReaderPrefs>;
  savePrefs(p: ReaderPrefs): Promise<void>;
  online(): boolean;
  now(): number;
  /** Opens a live page as a followed live source (absent until live following exists). */
  followLive?(url: string, title: string): Promise<void>;
}
