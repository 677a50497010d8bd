import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Topic } from '@/utils/model';
import {
  FIREFOX_ITEMS_MAX, holdForDigest, inQuietHours, planDigest, planNotifications, snoozeUntil, storyKeyLive, storyKeys, topicOfNotification, type NewMatch,
} from '@/utils/topics/notify';

const T0 = new Date(2026, 0, 15, 12, 0).getTime(); // local noon
const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id, name: `Topic ${id}`, query: id, sourceIds: [], notify: true, breaking: false, createdAt: T0 - 3600_000, ...extra,
});
const match = (itemId: string, topicIds: string[], published = T0 - 60_000): NewMatch => ({
  itemId, topicIds, headline: `Headline ${itemId}`, sourceName: 'Wire', published,
});
const settings = { ...DEFAULT_SETTINGS };

function plan(matches: NewMatch[], topics: Topic[], over: Partial<Parameters<typeof planNotifications>[0]> = {}) {
  return planNotifications({ matches, topics, settings, notified: new Set(), now: T0, ...over });
}

describe('planNotifications', () => {
  it('one notification per item when there are few', () => {
    const p = plan([match('i1', ['a'], T0 - 9000), match('i2', ['a'], T0 - 5000)], [topic('a')]);
    expect(p.notifications).toMatchObject([
      { kind: 'item', itemId: 'i2', topicName: 'Topic a', headline: 'Headline i2', sourceName: 'Wire', id: 'nb-item:i2' },
      { kind: 'item', itemId: 'i1' },
    ]);
    expect(p.handled.sort()).toEqual(['i1', 'i2']);
  });

  it('orders items newest first', () => {
    const p = plan([match('old', ['a'], T0 - 50_000), match('new', ['a'], T0 - 10_000)], [topic('a')]);
    expect(p.notifications.map((n) => (n.kind === 'item' ? n.itemId : ''))).toEqual(['new', 'old']);
  });

  it('up to five one by one; more become ONE summary for the poll across topics, with the first headlines', () => {
    const five = Array.from({ length: 5 }, (_, i) => match(`i${i}`, ['a']));
    expect(plan(five, [topic('a')]).notifications.map((n) => n.kind)).toEqual(Array(5).fill('item'));
    const ms = [...Array.from({ length: 6 }, (_, i) => match(`a${i}`, ['a'], T0 - 60_000 - i)), match('b0', ['b'], T0 - 1000)];
    const p = plan(ms, [topic('a', { name: 'Ukraine talks' }), topic('b', { name: 'Markets' })]);
    expect(p.notifications).toHaveLength(1);
    expect(p.notifications[0]).toMatchObject({
      kind: 'summary', topicId: 'a', topicNames: ['Ukraine talks', 'Markets'], count: 7,
      headlines: ['Headline b0', 'Headline a0', 'Headline a1'],
    });
    expect(topicOfNotification(p.notifications[0].id)).toBe('a');
    expect(p.handled).toHaveLength(7);
  });

  it('the number notified one by one is the user\'s, and Firefox gets at most two', () => {
    const three = [match('i1', ['a']), match('i2', ['a']), match('i3', ['a'])];
    expect(plan(three, [topic('a')], { settings: { ...settings, alertItemsMax: 2 } }).notifications.map((n) => n.kind)).toEqual(['summary']);
    expect(plan(three, [topic('a')], { settings: { ...settings, alertItemsMax: 10 } }).notifications).toHaveLength(3);
    expect(plan(three, [topic('a')], { platformMax: FIREFOX_ITEMS_MAX }).notifications.map((n) => n.kind)).toEqual(['summary']);
  });

  it('a story notified once never again: same link under another guid or source, same title within a day', () => {
    const a = { ...match('s1:g-1', ['a']), stories: storyKeys({ url: 'https://news.example/a', title: 'Storm hits the coast tonight' }) };
    const p = plan([a], [topic('a')]);
    expect(p.stories).toEqual(a.stories);
    const notified = new Set([...p.handled, ...p.stories]);
    // the same link from a second feed, under a new guid
    const b = { ...match('s2:g-9', ['a']), stories: storyKeys({ url: 'https://news.example/a', title: 'Other words' }) };
    expect(plan([b], [topic('a')], { notified }).notifications).toEqual([]);
    // the same title (punctuation and case aside) on another link
    const c = { ...match('s2:g-10', ['a']), stories: storyKeys({ url: 'https://mirror.example/x', title: 'STORM hits the coast, tonight!' }) };
    expect(plan([c], [topic('a')], { notified }).notifications).toEqual([]);
    // within one poll, too
    expect(plan([a, b, c], [topic('a')]).notifications).toHaveLength(1);
    // a title key lasts a day; a link key for good
    const [link, title] = a.stories!;
    expect(storyKeyLive(title, T0, T0 + 86_400_000 - 1)).toBe(true);
    expect(storyKeyLive(title, T0, T0 + 86_400_000)).toBe(false);
    expect(storyKeyLive(link, T0, T0 + 30 * 86_400_000)).toBe(true);
    // one or two words are too common to be a story
    expect(storyKeys({ url: '', title: 'Live updates' })).toEqual([]);
  });

  it('never twice for the same item: across polls and within a poll', () => {
    const p = plan([match('i1', ['a', 'b']), match('i1', ['a']), match('i2', ['a'])], [topic('a'), topic('b')], { notified: new Set(['i2']) });
    expect(p.notifications).toHaveLength(1);
    expect(p.handled).toEqual(['i1']);
  });

  it('an item goes under its first notifying topic in list order', () => {
    const p = plan([match('i1', ['b', 'a'])], [topic('a', { notify: false }), topic('b'), topic('c')]);
    expect(p.notifications[0]).toMatchObject({ topicId: 'b' });
  });

  it('nothing for topics that do not notify', () => {
    const p = plan([match('i1', ['a'])], [topic('a', { notify: false })]);
    expect(p).toEqual({ notifications: [], handled: [], stories: [] });
  });

  it('nothing for items older than the topic (and they stay unhandled)', () => {
    const p = plan([match('i1', ['a'], T0 - 7200_000)], [topic('a')]);
    expect(p).toEqual({ notifications: [], handled: [], stories: [] });
    // but a second, older topic can still take it
    const q = plan([match('i1', ['a', 'b'], T0 - 7200_000)], [topic('a'), topic('b', { createdAt: 0 })]);
    expect(q.notifications[0]).toMatchObject({ topicId: 'b' });
  });

  it('quiet hours hold the matches (handled, not shown)', () => {
    const quiet = { ...settings, quietStart: '11:00', quietEnd: '13:00' };
    const p = plan([match('i1', ['a'])], [topic('a')], { settings: quiet });
    expect(p).toMatchObject({ notifications: [], handled: ['i1'], suppressed: 'quiet', held: [{ topicId: 'a' }] });
  });

  it('snooze holds until its time', () => {
    const snoozed = { ...settings, snoozeUntil: T0 + 1 };
    expect(plan([match('i1', ['a'])], [topic('a')], { settings: snoozed }).suppressed).toBe('snoozed');
    expect(plan([match('i1', ['a'])], [topic('a')], { settings: { ...snoozed, snoozeUntil: T0 } }).notifications).toHaveLength(1);
  });
});

describe('the digest after quiet hours or a snooze', () => {
  it('collects what was held and says it once alerts are on again', () => {
    const quiet = { ...settings, quietStart: '11:00', quietEnd: '13:00' };
    const topics = [topic('a', { name: 'Storms' }), topic('b', { name: 'Markets' })];
    const first = plan([match('i1', ['a'], T0 - 3000), match('i2', ['a'], T0 - 2000)], topics, { settings: quiet });
    const second = plan([match('i3', ['b'], T0 - 1000)], topics, { settings: quiet });
    const held = holdForDigest(holdForDigest(undefined, first.held!), second.held!);
    expect(held.count).toBe(3);
    expect(planDigest(held, topics, quiet, T0)).toBeUndefined(); // still quiet
    const d = planDigest(held, topics, quiet, new Date(2026, 0, 15, 13, 1).getTime());
    expect(d).toMatchObject({ kind: 'digest', count: 3, topicId: 'a', topicNames: ['Storms', 'Markets'], headlines: ['Headline i3', 'Headline i2', 'Headline i1'] });
    expect(topicOfNotification(d!.id)).toBe('a');
    expect(planDigest(undefined, topics, settings, T0)).toBeUndefined();
  });
});

describe('quiet hours', () => {
  const at = (h: number, m = 0) => new Date(2026, 0, 15, h, m).getTime();
  it('within a day', () => {
    const s = { quietStart: '09:30', quietEnd: '17:00' };
    expect([at(9, 29), at(9, 30), at(16, 59), at(17, 0)].map((t) => inQuietHours(s, t))).toEqual([false, true, true, false]);
  });
  it('across midnight', () => {
    const s = { quietStart: '22:00', quietEnd: '07:00' };
    expect([at(21, 59), at(22, 0), at(0, 0), at(6, 59), at(7, 0), at(12)].map((t) => inQuietHours(s, t))).toEqual([false, true, true, true, false, false]);
  });
  it('equal or unreadable times mean none', () => {
    expect(inQuietHours({ quietStart: '00:00', quietEnd: '00:00' }, at(0, 0))).toBe(false);
    expect(inQuietHours({ quietStart: 'late', quietEnd: '07:00' }, at(3))).toBe(false);
  });
});

describe('snoozeUntil', () => {
  it('an hour, or tomorrow at 8:00', () => {
    expect(snoozeUntil('1h', T0)).toBe(T0 + 3600_000);
    expect(snoozeUntil('tomorrow', T0)).toBe(new Date(2026, 0, 16, 8, 0).getTime());
    expect(snoozeUntil('tomorrow', new Date(2026, 0, 31, 23, 30).getTime())).toBe(new Date(2026, 1, 1, 8, 0).getTime());
  });
});
