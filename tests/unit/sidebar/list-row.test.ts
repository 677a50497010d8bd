// When a row of the list is drawn again: only when what it shows changed, not for every new closure.
import { describe, expect, it } from 'vitest';
import { sameRow, type RowProps } from '@/components/sidebar/ArticleRow';
import { item, NOW, source } from './fixtures';

const base = (): RowProps => ({
  item: item({ id: 'a', title: 'Harbour closed' }),
  source: source({ id: 's1', name: 'World Desk' }),
  topics: [],
  alsoFrom: ['Tech Wire'],
  open: false,
  focused: false,
  now: NOW,
  locale: 'en',
  images: true,
  onOpen: () => {},
  onToggleRead: () => {},
  onStar: () => {},
  onFocus: () => {},
  onTopic: () => {},
  onShowImages: () => {},
});

describe('sameRow', () => {
  it('ignores new handlers and equal lists made anew', () => {
    const a = base();
    const b = { ...a, onOpen: () => {}, onStar: () => {}, alsoFrom: ['Tech Wire'], topics: [] };
    expect(sameRow(a, b)).toBe(true);
  });

  it('sees every change the row shows', () => {
    const a = base();
    const topic = { id: 't', name: 'Ports', include: ['port'], exclude: [], notify: true } as unknown as RowProps['topics'][number];
    const changes: Array<Partial<RowProps>> = [
      { item: { ...a.item, read: 1 } },
      { focused: true },
      { open: true },
      { tabbable: false },
      { day: 'Today' },
      { query: 'harb' },
      { now: NOW + 60_000 },
      { images: false },
      { followBusy: true },
      { onFollowLive: () => {} },
      { alsoFrom: ['Tech Wire', 'Harbour Post'] },
      { topics: [topic] },
      { source: source({ id: 's1', name: 'World Desk (renamed)' }) },
    ];
    for (const c of changes) expect(sameRow(a, { ...a, ...c }), JSON.stringify(Object.keys(c))).toBe(false);
  });
});
