import { describe, expect, it } from 'vitest';
import { badgeFor, badgeText, BADGE_COLOR, BREAKING_COLOR } from '@/utils/badge';
import { badgeCounts } from '@/utils/db/badge-counts';
import { openNewsDb } from '@/utils/db/open';
import { writeItems } from '@/utils/db/items/item-writes';
import type { Item } from '@/utils/model';

describe('badge', () => {
  it('caps the count at 99+ and hides zero', () => {
    expect([0, 1, 99, 100, 5000].map(badgeText)).toEqual(['', '1', '99', '99+', '99+']);
  });

  it('turns to the breaking colour while unread breaking items exist, in every counting mode', () => {
    const calm = { unread: 5, unreadBreaking: 0, unreadAlerts: 2 };
    const hot = { unread: 5, unreadBreaking: 1, unreadAlerts: 2 };
    expect(badgeFor('unread', calm)).toEqual({ text: '5', color: BADGE_COLOR });
    expect(badgeFor('unread', hot)).toEqual({ text: '5', color: BREAKING_COLOR });
    expect(badgeFor('breaking', hot)).toEqual({ text: '1', color: BREAKING_COLOR });
    expect(badgeFor('breaking', calm).text).toBe('');
    expect(badgeFor('alerts', hot)).toEqual({ text: '2', color: BREAKING_COLOR });
    expect(badgeFor('off', hot).text).toBe('');
  });

  it('counts from the kept counters and the breaking window: unread, unread breaking, unread alerts', async () => {
    const db = await openNewsDb('badge-counts');
    const now = Date.UTC(2026, 10, 25, 12);
    const base: Omit<Item, 'id'> = { sourceId: 's', title: 't', url: '', summaryHtml: '', contentHtml: '', published: now, firstSeen: now, updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0 };
    await writeItems(db, async (writer) => {
      const put = (it: Item) => writer.put(undefined, it);
      await put({ ...base, id: '1' });
      await put({ ...base, id: '2', read: 1 });
      await put({ ...base, id: '3', breaking: 1, published: now - 30 * 60_000 });
      await put({ ...base, id: '4', breaking: 1, published: now - 5 * 3600_000 }); // outside a 2 h window
      await put({ ...base, id: '5', breaking: 1, read: 1 });
      await put({ ...base, id: '6', alert: 1, topics: ['t1'] });
      await put({ ...base, id: '7', alert: 1, topics: ['t1'], read: 1 });
    });
    expect(await badgeCounts(db, now, 120)).toEqual({ unread: 4, unreadBreaking: 1, unreadAlerts: 1 });
    db.close();
  });
});

describe('the toolbar tooltip', () => {
  it('says how many are new and how many of them breaking', async () => {
    await import('@/utils/i18n-english');
    const { badgeTitle } = await import('@/utils/badge-title');
    expect(badgeTitle({ unread: 0, unreadBreaking: 0, unreadAlerts: 0 })).toBe('Newsbar – nothing new');
    expect(badgeTitle({ unread: 12, unreadBreaking: 0, unreadAlerts: 2 })).toBe('Newsbar – 12 new');
    expect(badgeTitle({ unread: 12, unreadBreaking: 3, unreadAlerts: 0 })).toBe('Newsbar – 12 new, 3 breaking');
  });
});
