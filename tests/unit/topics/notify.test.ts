import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Topic } from '@/utils/model';
import { FIREFOX_LIMITS, inQuietHours, planNotifications, snoozeUntil, type NewMatch } from '@/utils/topics/notify';

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

  it('more than three in a poll become one summary per topic', () => {
    const ms = Array.from({ length: 7 }, (_, i) => match(`i${i}`, ['a']));
    const p = plan(ms, [topic('a', { name: 'Ukraine talks' })]);
    expect(p.notifications).toEqual([
      expect.objectContaining({ kind: 'summary', topicId: 'a', topicName: 'Ukraine talks', count: 7 }),
    ]);
    expect(p.handled).toHaveLength(7);
  });

  it('in a busy poll a topic with one match still gets its own notification', () => {
    const ms = [...Array.from({ length: 5 }, (_, i) => match(`i${i}`, ['a'])), match('solo', ['b'])];
    const p = plan(ms, [topic('a'), topic('b')]);
    expect(p.notifications.map((n) => n.kind)).toEqual(['summary', 'item']);
  });

  it('never more than the limit: the rest fold into one overall summary', () => {
    const topics = 'abcdef'.split('').map((id) => topic(id));
    const ms = topics.flatMap((t) => [match(`${t.id}1`, [t.id]), match(`${t.id}2`, [t.id])]);
    const p = plan(ms, topics);
    expect(p.notifications).toHaveLength(4);
    expect(p.notifications[3]).toMatchObject({ kind: 'overall', count: 6, topicCount: 3 });
    expect(p.handled).toHaveLength(12);
  });

  it('Firefox gets fewer', () => {
    const p = plan([match('i1', ['a']), match('i2', ['a'])], [topic('a')], { limits: FIREFOX_LIMITS });
    expect(p.notifications).toMatchObject([{ kind: 'summary', count: 2 }]);
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
    expect(p).toEqual({ notifications: [], handled: [] });
  });

  it('nothing for items older than the topic (and they stay unhandled)', () => {
    const p = plan([match('i1', ['a'], T0 - 7200_000)], [topic('a')]);
    expect(p).toEqual({ notifications: [], handled: [] });
    // but a second, older topic can still take it
    const q = plan([match('i1', ['a', 'b'], T0 - 7200_000)], [topic('a'), topic('b', { createdAt: 0 })]);
    expect(q.notifications[0]).toMatchObject({ topicId: 'b' });
  });

  it('quiet hours suppress, and the matches count as handled', () => {
    const quiet = { ...settings, quietStart: '11:00', quietEnd: '13:00' };
    const p = plan([match('i1', ['a'])], [topic('a')], { settings: quiet });
    expect(p).toEqual({ notifications: [], handled: ['i1'], suppressed: 'quiet' });
  });

  it('snooze suppresses until its time', () => {
    const snoozed = { ...settings, snoozeUntil: T0 + 1 };
    expect(plan([match('i1', ['a'])], [topic('a')], { settings: snoozed }).suppressed).toBe('snoozed');
    expect(plan([match('i1', ['a'])], [topic('a')], { settings: { ...snoozed, snoozeUntil: T0 } }).notifications).toHaveLength(1);
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
