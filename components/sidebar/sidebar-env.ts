// What the sidebar needs from the browser, as one small interface: the real one wraps
// webextension APIs (entrypoints/sidepanel/browser-env.ts), tests pass fakes.
import type { PageEnv } from '../shared/page-env';

/** Parts of the options page the sidebar links to (the page reads them from its address's #hash). */
export type OptionsSection = 'sources-failing' | 'import-export' | 'keeping';

export interface SidebarEnv extends PageEnv {
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
