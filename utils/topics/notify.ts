// Planning topic-alert notifications (pure: the background sends what this returns).
//
// Rules, in order:
// - only topics with notify on; a story is notified at most once, ever: not the same item again, not
//   the same canonical link (from any source, under any guid), not the same normalized title within a
//   day (story keys, persisted by the caller with the item ids); each story under the first notifying
//   topic it matched (topic-list order);
// - nothing for items published before the topic was created (no back-fill storms on a new topic);
// - during quiet hours or a snooze nothing pops up: the matches are *held* and, once alerts are on
//   again, one digest says what arrived meanwhile (not a burst of stale alerts);
// - up to `alertItemsMax` matches in a poll (the user's setting) are notified one by one; more become
//   ONE summary for the poll across topics, naming the topics and the first headlines. Firefox drops
//   rapid notifications: it gets at most two one by one.
import type { Settings, Topic } from '../model';
import { SETTINGS_SPEC } from '../settings-spec';
import { foldTitle, hashString } from '../normalize/ids';

export interface NewMatch {
  itemId: string;
  /** Topic ids the item matched, in any order. */
  topicIds: string[];
  headline: string;
  sourceName: string;
  published: number;
  /** The story's keys (storyKeys()): a match sharing any with one notified before is not notified. */
  stories?: string[];
  /** How many sources carry the item's story (grouped stories: utils/db/stories/story-writes.ts), when more than one. */
  sources?: number;
}

interface Group {
  topicId: string;
  topicNames: string[];
  itemIds: string[];
  count: number;
  /** The first few headlines, newest first. */
  headlines: string[];
}

export type PlannedNotification =
  | { kind: 'item'; id: string; topicId: string; topicName: string; itemId: string; headline: string; sourceName: string; sources?: number }
  /** More matches than notified one by one, in one poll: `topicId` is the topic with the most. */
  | ({ kind: 'summary'; id: string } & Group)
  /** What arrived during quiet hours or a snooze, once alerts are on again. */
  | ({ kind: 'digest'; id: string } & Group);

export interface NotifyPlan {
  notifications: PlannedNotification[];
  /** Every item id this poll dealt with (sent or held): record them as notified. */
  handled: string[];
  /** The story keys of those items: record them too. */
  stories: string[];
  /** Why nothing was shown, when matches were held for the digest. */
  suppressed?: 'quiet' | 'snoozed';
  /** The held matches, each with the topic it went under (for the digest). */
  held?: Array<{ match: NewMatch; topicId: string }>;
}

/** Default for the user's "notify one by one up to" setting. */
export const DEFAULT_ALERT_ITEMS_MAX = SETTINGS_SPEC.alertItemsMax.default;
/** Firefox drops rapid notifications: never more than this many one by one there. */
export const FIREFOX_ITEMS_MAX = 2;
/** How many headlines a summary or digest names. */
const HEADLINES = 3;

/** Notification ids carry what a click needs: the item to open, or the topic of a summary. */
export const ITEM_PREFIX = 'nb-item:';
export const SUMMARY_PREFIX = 'nb-topic:';
export const DIGEST_PREFIX = 'nb-digest:';

/** The topic a summary or digest notification id opens (`nb-topic:<topic>:<time>`). */
export function topicOfNotification(id: string): string | undefined {
  const prefix = id.startsWith(SUMMARY_PREFIX) ? SUMMARY_PREFIX : id.startsWith(DIGEST_PREFIX) ? DIGEST_PREFIX : undefined;
  if (!prefix) return undefined;
  const rest = id.slice(prefix.length);
  const cut = rest.lastIndexOf(':');
  return (cut > 0 ? rest.slice(0, cut) : rest) || undefined;
}

const DAY = 86_400_000;
const LINK = 'link:';
const TITLE = 'title:';
const STORY = 'story:';

/**
 * A story's keys: its canonical link, and its normalized title. They are recorded beside the item ids
 * in the notified store; a title key counts for a day only (short titles like "Live updates" recur).
 */
export function storyKeys(it: { url: string; title: string; story?: string }): string[] {
  const keys: string[] = [];
  // A grouped story (several outlets, several headlines) is notified once, whichever report comes.
  if (it.story !== undefined) keys.push(STORY + it.story);
  if (it.url) keys.push(LINK + it.url);
  const folded = foldTitle(it.title);
  // A title of one or two words is too common to say "the same story".
  if (folded.split(' ').length >= 3) keys.push(TITLE + hashString(folded));
  return keys;
}

/** Is a recorded story key (notified at `at`) still in force at `now`? */
export function storyKeyLive(key: string, at: number, now: number): boolean {
  return !key.startsWith(TITLE) || now - at < DAY;
}

function minutesOf(hhmm: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Is `now` inside the local-time quiet hours? Equal start and end = no quiet hours; may span midnight. */
export function inQuietHours(settings: Pick<Settings, 'quietStart' | 'quietEnd'>, now: number): boolean {
  const s = minutesOf(settings.quietStart);
  const e = minutesOf(settings.quietEnd);
  if (s === undefined || e === undefined || s === e) return false;
  const d = new Date(now);
  const m = d.getHours() * 60 + d.getMinutes();
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** Why alerts are silent at `now`, if they are. */
export function alertsSilenced(settings: Pick<Settings, 'quietStart' | 'quietEnd' | 'snoozeUntil'>, now: number): 'quiet' | 'snoozed' | undefined {
  if (settings.snoozeUntil > now) return 'snoozed';
  if (inQuietHours(settings, now)) return 'quiet';
  return undefined;
}

/** The snoozeUntil value for "1 hour" or "until tomorrow" (8:00 local time the next day). */
export function snoozeUntil(kind: '1h' | 'tomorrow', now: number): number {
  if (kind === '1h') return now + 60 * 60_000;
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}

/** One group (summary or digest) from matches, each under its topic; `topicId` = the topic with the most. */
function groupOf(entries: Array<{ match: NewMatch; topicId: string }>, names: Map<string, string>): Group {
  const sorted = [...entries].sort((a, b) => b.match.published - a.match.published);
  const perTopic = new Map<string, number>();
  for (const e of entries) perTopic.set(e.topicId, (perTopic.get(e.topicId) ?? 0) + 1);
  const topicIds = [...perTopic.keys()].sort((a, b) => perTopic.get(b)! - perTopic.get(a)!);
  return {
    topicId: topicIds[0],
    topicNames: topicIds.map((id) => names.get(id) ?? id),
    itemIds: sorted.map((e) => e.match.itemId),
    count: sorted.length,
    headlines: sorted.slice(0, HEADLINES).map((e) => e.match.headline),
  };
}

export function planNotifications(input: {
  matches: readonly NewMatch[];
  topics: readonly Topic[];
  settings: Pick<Settings, 'quietStart' | 'quietEnd' | 'snoozeUntil'> & { alertItemsMax?: number };
  /** Item ids and live story keys notified before. */
  notified: ReadonlySet<string>;
  now: number;
  /** The browser's own cap on notifications one by one (Firefox). */
  platformMax?: number;
}): NotifyPlan {
  const { matches, topics, settings, notified, now } = input;
  const order = topics.filter((t) => t.notify);
  const names = new Map(order.map((t) => [t.id, t.name]));
  // Each new story under its first eligible topic, in the order the poll gave them.
  const entries: Array<{ match: NewMatch; topicId: string }> = [];
  const seen = new Set<string>();
  const stories: string[] = [];
  for (const m of matches) {
    const keys = m.stories ?? [];
    if (notified.has(m.itemId) || seen.has(m.itemId) || keys.some((k) => notified.has(k) || seen.has(k))) continue;
    const topic = order.find((t) => m.topicIds.includes(t.id) && m.published >= t.createdAt);
    if (!topic) continue;
    seen.add(m.itemId);
    for (const k of keys) {
      seen.add(k);
      stories.push(k);
    }
    entries.push({ match: m, topicId: topic.id });
  }
  const handled = entries.map((e) => e.match.itemId);
  if (handled.length === 0) return { notifications: [], handled, stories };
  const silenced = alertsSilenced(settings, now);
  if (silenced) return { notifications: [], handled, stories, suppressed: silenced, held: entries };

  const max = Math.max(0, Math.min(settings.alertItemsMax ?? DEFAULT_ALERT_ITEMS_MAX, input.platformMax ?? Infinity));
  if (entries.length <= max) {
    // Newest first, so the one the user sees on top is the latest.
    const notifications = [...entries]
      .sort((a, b) => b.match.published - a.match.published)
      .map(({ match: m, topicId }): PlannedNotification => ({
        kind: 'item', id: ITEM_PREFIX + m.itemId, topicId, topicName: names.get(topicId)!, itemId: m.itemId, headline: m.headline, sourceName: m.sourceName, sources: m.sources,
      }));
    return { notifications, handled, stories };
  }
  const g = groupOf(entries, names);
  return { notifications: [{ kind: 'summary', id: `${SUMMARY_PREFIX}${g.topicId}:${now}`, ...g }], handled, stories };
}

/** What arrived while alerts were silent, kept until they are on again (storage.local). */
export interface PendingDigest {
  count: number;
  /** Newest first, at most DIGEST_KEEP. */
  entries: Array<{ itemId: string; topicId: string; headline: string; published: number }>;
}

const DIGEST_KEEP = 50;

export function holdForDigest(d: PendingDigest | undefined, held: NonNullable<NotifyPlan['held']>): PendingDigest {
  const add = held.map(({ match: m, topicId }) => ({ itemId: m.itemId, topicId, headline: m.headline, published: m.published }));
  const entries = [...add, ...(d?.entries ?? [])].sort((a, b) => b.published - a.published).slice(0, DIGEST_KEEP);
  return { count: (d?.count ?? 0) + add.length, entries };
}

/** The one digest notification, once alerts are on again (undefined while still silent or nothing held). */
export function planDigest(
  d: PendingDigest | undefined,
  topics: readonly Topic[],
  settings: Pick<Settings, 'quietStart' | 'quietEnd' | 'snoozeUntil'>,
  now: number,
): PlannedNotification | undefined {
  if (!d || d.count === 0 || alertsSilenced(settings, now)) return undefined;
  const names = new Map(topics.map((t) => [t.id, t.name]));
  const g = groupOf(d.entries.map((e) => ({ match: { itemId: e.itemId, topicIds: [e.topicId], headline: e.headline, sourceName: '', published: e.published }, topicId: e.topicId })), names);
  return { kind: 'digest', id: `${DIGEST_PREFIX}${g.topicId}:${now}`, ...g, count: d.count };
}
