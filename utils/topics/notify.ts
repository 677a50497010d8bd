// Planning topic-alert notifications (pure: the background sends what this returns).
//
// Rules, in order:
// - only topics with notify on; an item is notified at most once, ever (ids persisted by the caller),
//   under the first notifying topic it matched (topic-list order);
// - nothing for items published before the topic was created (no back-fill storms on a new topic);
// - during quiet hours or a snooze nothing pops up. Those matches are *suppressed, not queued*: they
//   are still returned as handled so they never pop later (a burst of stale alerts at 7:00 is worse
//   than none); the alert badge and the sidebar's topic filter still show them;
// - a poll with more matches than `maxItems` gives one summary per topic ("7 new in Ukraine talks")
//   instead of one per item, and never more than `maxTotal` notifications: the remaining topics are
//   folded into one last "N new alerts" summary. Firefox drops rapid notifications: it gets fewer.
import type { Settings, Topic } from '../model';

export interface NewMatch {
  itemId: string;
  /** Topic ids the item matched, in any order. */
  topicIds: string[];
  headline: string;
  sourceName: string;
  published: number;
}

export type PlannedNotification =
  | { kind: 'item'; id: string; topicId: string; topicName: string; itemId: string; headline: string; sourceName: string }
  | { kind: 'summary'; id: string; topicId: string; topicName: string; itemIds: string[]; count: number }
  | { kind: 'overall'; id: string; itemIds: string[]; count: number; topicCount: number };

export interface NotifyPlan {
  notifications: PlannedNotification[];
  /** Every item id this poll dealt with (sent or suppressed): record them as notified. */
  handled: string[];
  /** Why nothing was shown, when matches were suppressed. */
  suppressed?: 'quiet' | 'snoozed';
}

export interface NotifyLimits {
  /** Up to this many matches in a poll are notified one by one. */
  maxItems: number;
  /** Never more notifications than this per poll. */
  maxTotal: number;
}

export const CHROME_LIMITS: NotifyLimits = { maxItems: 3, maxTotal: 4 };
export const FIREFOX_LIMITS: NotifyLimits = { maxItems: 1, maxTotal: 2 };

/** Notification ids carry what a click needs: the item to open, or the topic of a summary. */
export const ITEM_PREFIX = 'nb-item:';
export const SUMMARY_PREFIX = 'nb-topic:';
export const OVERALL_ID = 'nb-alerts';

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

/** The snoozeUntil value for "1 hour" or "until tomorrow" (8:00 local time the next day). */
export function snoozeUntil(kind: '1h' | 'tomorrow', now: number): number {
  if (kind === '1h') return now + 60 * 60_000;
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}

export function planNotifications(input: {
  matches: readonly NewMatch[];
  topics: readonly Topic[];
  settings: Pick<Settings, 'quietStart' | 'quietEnd' | 'snoozeUntil'>;
  notified: ReadonlySet<string>;
  now: number;
  limits?: NotifyLimits;
}): NotifyPlan {
  const { matches, topics, settings, notified, now } = input;
  const limits = input.limits ?? CHROME_LIMITS;
  const order = topics.filter((t) => t.notify);
  // Topic -> its items this poll, in topic-list order; each item under its first eligible topic.
  const groups = new Map<string, NewMatch[]>();
  const seen = new Set<string>();
  for (const m of matches) {
    if (notified.has(m.itemId) || seen.has(m.itemId)) continue;
    const topic = order.find((t) => m.topicIds.includes(t.id) && m.published >= t.createdAt);
    if (!topic) continue;
    seen.add(m.itemId);
    const g = groups.get(topic.id) ?? [];
    g.push(m);
    groups.set(topic.id, g);
  }
  const handled = [...seen];
  if (handled.length === 0) return { notifications: [], handled };
  if (settings.snoozeUntil > now) return { notifications: [], handled, suppressed: 'snoozed' };
  if (inQuietHours(settings, now)) return { notifications: [], handled, suppressed: 'quiet' };

  const byId = new Map(order.map((t) => [t.id, t]));
  const itemNote = (t: Topic, m: NewMatch): PlannedNotification => ({
    kind: 'item', id: ITEM_PREFIX + m.itemId, topicId: t.id, topicName: t.name, itemId: m.itemId, headline: m.headline, sourceName: m.sourceName,
  });
  const planned: PlannedNotification[] = [];
  const few = handled.length <= limits.maxItems;
  for (const [topicId, items] of groups) {
    const t = byId.get(topicId)!;
    // Newest first, so the one the user sees on top is the latest.
    items.sort((a, b) => b.published - a.published);
    if (few || items.length === 1) for (const m of items) planned.push(itemNote(t, m));
    else planned.push({ kind: 'summary', id: SUMMARY_PREFIX + t.id, topicId: t.id, topicName: t.name, itemIds: items.map((m) => m.itemId), count: items.length });
  }
  if (planned.length <= limits.maxTotal) return { notifications: planned, handled };
  const keep = planned.slice(0, Math.max(0, limits.maxTotal - 1));
  const rest = planned.slice(keep.length);
  const restIds = rest.flatMap((p) => (p.kind === 'item' ? [p.itemId] : p.kind === 'summary' ? p.itemIds : p.itemIds));
  const restTopics = new Set(rest.map((p) => (p.kind === 'overall' ? '' : p.topicId)));
  keep.push({ kind: 'overall', id: OVERALL_ID, itemIds: restIds, count: restIds.length, topicCount: restTopics.size });
  return { notifications: keep, handled };
}
