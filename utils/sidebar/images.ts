// Which remote images a row or an article may load. "Load remote images" off: none (no thumbnail, no
// favicon, no picture in the text) until the user asks with "Show images" on that article; the HTML
// itself is held back by the sanitizer (utils/sanitize.ts, remoteImages: false).
import type { Item, Source } from '../model';
import { safeImageUrl } from '../safe-url';
import { faviconUrl } from './display';

/** What the article list and the reader need to know and do about one article's remote images. */
export interface RemoteImages {
  /** Whether this article's remote images may load (the setting is on, or the user asked for them). */
  allowed(itemId: string): boolean;
  /** The user asked: load this article's images. */
  show(itemId: string): void;
}

/** The thumbnail address to load for a row: none while its images wait for the user. */
export function thumbnailSrc(item: Pick<Item, 'imageUrl' | 'url'>, load: boolean): string | undefined {
  return load ? safeImageUrl(item.imageUrl, item.url) : undefined;
}

/** Whether the row has a thumbnail that waits for the user ("Show images" in its place). */
export function thumbnailHeld(item: Pick<Item, 'imageUrl' | 'url'>, load: boolean): boolean {
  return !load && safeImageUrl(item.imageUrl, item.url) !== undefined;
}

/** The source's favicon to load for a row: none while the row's images wait (a letter stands in). */
export function faviconSrc(source: Pick<Source, 'siteUrl' | 'url'> | undefined, load: boolean): string | undefined {
  return load ? faviconUrl(source) : undefined;
}
