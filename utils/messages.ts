// Typed messages between the sidebar/options pages and the background.
import type { BadgeMode } from './model';
import type { Problem } from './problems';
import type { StorageState } from './storage-state';
import type { NewSource, SourcePatch, SourceRepeat } from './db/sources';
import type { Source } from './model';

export type Message =
  /** Poll now: one source, or every enabled source. */
  | { type: 'refresh'; sourceId?: string }
  /** Read/starred state changed in a page: recompute the badge. */
  | { type: 'itemsChanged' }
  /** From the background to open pages, after it wrote the sources (the pages re-read them). */
  | { type: 'sourcesChanged' }
  /** From a page: a change to the sources, written by the background alone (answers SourcesReply). */
  | { type: 'changeSources'; change: SourceChange }
  | { type: 'topicsChanged'; topicIds?: string[] }
  /** From a page: mute rules changed; the background re-applies them and answers once stored items follow. */
  | { type: 'mutesChanged' }
  /** From the background to open pages: new items were stored (once per poll, at its end). */
  | { type: 'newItems'; count: number; sourceIds: string[] }
  /** From the background while a poll runs: these sources' new items are stored (no announcement). */
  | { type: 'itemsStored'; sourceIds: string[] }
  /** From the background: a poll started/finished (for a spinner). */
  | { type: 'pollState'; polling: boolean }
  | { type: 'badgeMode'; mode: BadgeMode }
  /** From the background: a summary notification was clicked; show its topic. */
  | { type: 'showTopic'; topicId: string }
  /** From a page: follow a live page (answers FollowReply). */
  | { type: 'followLive'; url: string; title?: string }
  /** From a page: stop following a live page (its source and updates are removed). */
  | { type: 'stopFollowing'; sourceId: string }
  /** From a page: "Not the same story": take this report out of its story (answers true when it was in one). */
  | { type: 'notSameStory'; itemId: string }
  /**
   * From the background: whether the database has room (also in storage.local, which a full disk may
   * refuse too: then only this message tells the pages).
   */
  | { type: 'storageState'; state: StorageState }
  /** From a page: send 'storageState' (a page opened while storage.local could not be read). */
  | { type: 'storageStateWanted' }
  /** From the options page: connect to a feed server (answers ServerReply, entrypoints/background/server-sync.ts). */
  | { type: 'serverConnect'; address: string; user: string; password: string }
  /** From the options page: disconnect, keeping the server's sources as local ones or removing them. */
  | { type: 'serverDisconnect'; keep: boolean }
  /** From a page: sync with the feed server now (the sidebar opened; the options page's "Sync now"). */
  | { type: 'serverSync'; force?: boolean };

/**
 * What a page asks the background to write to the sources (utils/sources/write-sources.ts).
 * `add`: one source, with its API key for storage.local; `import`: many, duplicates skipped, all or
 * nothing (OPML, settings file, a starter pack), `toServer` also subscribing them on the feed server;
 * `remove`: the sources and their articles, `unsubscribe` on the feed server too (the user removed them).
 */
export type SourceChange =
  | { op: 'add'; source: NewSource; apiKey?: string }
  | { op: 'update'; ids: string[]; patch: SourcePatch }
  | { op: 'remove'; ids: string[]; unsubscribe: boolean }
  | { op: 'import'; sources: NewSource[]; toServer?: boolean };

/**
 * The background's answer to 'changeSources': the sources added or updated, the ones an import
 * skipped as already there, and how many sources were updated or articles removed.
 */
export type SourcesReply = { ok: true; sources: Source[]; skipped: SourceRepeat[]; count: number } | { ok: false; problem: Problem };

/** The background's answer to 'serverConnect'. */
export type ServerReply = { ok: true; user: string; host: string } | { ok: false; problem: Problem };

/** The background's answer to 'followLive'. */
export type FollowReply = { ok: true; sourceId: string; already?: boolean } | { ok: false; problem: Problem };

export function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
