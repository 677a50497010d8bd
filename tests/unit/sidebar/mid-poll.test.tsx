// While a poll runs, the sidebar shows each source's stored articles as they come ('itemsStored'),
// where that moves nothing (at the top, nothing open); it announces nothing until the poll's own
// 'newItems' at its end, which still says it once.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { item, MIN, NOW, source, storeItem } from './fixtures';
import { renderSidebar } from './render';

const S1 = source({ id: 's1', name: 'World Desk' });
vi.setConfig({ testTimeout: 20_000 });
const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent);

describe('articles shown mid-poll', () => {
  it('appear at the top as sources are stored, with one announcement at the end of the poll', async () => {
    const h = await renderSidebar([item({ id: 'old', title: 'Old' })], [S1]);
    const status = screen.getByRole('status');
    await storeItem(h.db, item({ id: 'n1', title: 'First in', published: NOW + MIN }));
    h.emit({ type: 'itemsStored', sourceIds: ['s1'] });
    await waitFor(() => expect(titles(h.container)).toEqual(['First in', 'Old']));
    expect(status.textContent).toBe('');
    await storeItem(h.db, item({ id: 'n2', title: 'Second in', published: NOW + 2 * MIN }));
    h.emit({ type: 'itemsStored', sourceIds: ['s1'] });
    await waitFor(() => expect(titles(h.container)).toEqual(['Second in', 'First in', 'Old']));
    expect(status.textContent).toBe('');
    h.emit({ type: 'newItems', count: 2, sourceIds: ['s1'] });
    await waitFor(() => expect(status.textContent).toBe('2 new'));
    expect(titles(h.container)).toEqual(['Second in', 'First in', 'Old']);
  });

  it('leave the list alone while an article is open; the end of the poll offers them behind the pill', async () => {
    const h = await renderSidebar([item({ id: 'old', title: 'Old' })], [S1]);
    fireEvent.click(screen.getByRole('button', { name: 'Old' }));
    await storeItem(h.db, item({ id: 'n1', title: 'First in', published: NOW + MIN }));
    h.emit({ type: 'itemsStored', sourceIds: ['s1'] });
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 new'));
    expect(titles(h.container)).toEqual(['Old']);
    expect(screen.getByRole('button', { name: /1 new/ })).toBeTruthy();
  });
});

describe('a list that shows nothing yet', () => {
  // The welcome is long: the user scrolled to its "paste an address" field, so the page was not at its
  // top when the first feed's articles came in (Firefox sidebar: "Fetching your news…" beside "All 8").
  it('shows the first articles, never an "N new" pill over an empty list', async () => {
    const h = await renderSidebar([], []);
    h.store.atTop.value = false;
    await h.db.put('sources', S1);
    h.emit({ type: 'sourcesChanged' });
    await storeItem(h.db, item({ id: 'n1', title: 'First in', published: NOW + MIN }));
    h.emit({ type: 'itemsStored', sourceIds: ['s1'] });
    await waitFor(() => expect(titles(h.container)).toEqual(['First in']));
    await storeItem(h.db, item({ id: 'n2', title: 'Second in', published: NOW + 2 * MIN }));
    h.emit({ type: 'newItems', count: 2, sourceIds: ['s1'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 new'));
    expect(screen.queryByRole('button', { name: /new/ })).toBeNull();
    expect(h.container.textContent).not.toContain('Fetching your news');
  });

  it('takes a poll\'s end too when no mid-poll message came', async () => {
    const h = await renderSidebar([], [S1]);
    h.store.atTop.value = false;
    await storeItem(h.db, item({ id: 'n1', title: 'First in', published: NOW + MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(titles(h.container)).toEqual(['First in']));
    expect(screen.queryByRole('button', { name: /1 new/ })).toBeNull();
  });
});
