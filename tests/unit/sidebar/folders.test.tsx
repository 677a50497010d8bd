// The sidebar filters by folder (the sources grouped under their folders, each with its unread count);
// "Mark all read" in a folder marks only that folder's articles.
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';
import { readItem } from '@/utils/db/item-record';

// Writes and renders can take seconds on a loaded machine: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 });

const W1 = source({ id: 'w1', name: 'World Desk', folder: 'World' });
const W2 = source({ id: 'w2', name: 'Europe Wire', folder: 'World' });
const T1 = source({ id: 't1', name: 'Tech Wire', folder: 'Tech' });
const L1 = source({ id: 'l1', name: 'Local Paper' });
const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent!.trim());

describe('folders in the sidebar', { timeout: 20_000 }, () => {
  it('lists folders with unread counts, their sources under them, and filters by a whole folder', async () => {
    const h = await renderSidebar(
      [
        item({ id: 'a', title: 'World one', sourceId: 'w1', published: NOW - MIN }),
        item({ id: 'b', title: 'Europe one', sourceId: 'w2', published: NOW - 2 * MIN }),
        item({ id: 'c', title: 'Europe read', sourceId: 'w2', read: 1, published: NOW - 3 * MIN }),
        item({ id: 'd', title: 'Tech one', sourceId: 't1', published: NOW - 4 * MIN }),
        item({ id: 'e', title: 'Local one', sourceId: 'l1', published: NOW - 5 * MIN }),
      ],
      [W1, W2, T1, L1],
    );
    const nav = screen.getByRole('navigation', { name: 'Filters' });
    const select = within(nav).getByRole('combobox', { name: 'Show a folder or a source' }) as HTMLSelectElement;
    await waitFor(() => expect(select.querySelector('option[value="f:World"]')!.textContent).toBe('World: whole folder (2)'));
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Tech', ['Tech: whole folder (1)', 'Tech Wire (1)']],
      ['World', ['World: whole folder (2)', 'Europe Wire (1)', 'World Desk (1)']],
      ['Not in a folder', ['Local Paper (1)']],
    ]);
    fireEvent.change(select, { target: { value: 'f:World' } });
    await waitFor(() => expect(titles(h.container)).toEqual(['World one', 'Europe one', 'Europe read']));
    expect(h.container.querySelector('#list-h')!.textContent).toBe('World');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.read).toBe(1));
    expect((await readItem(h.db, 'a'))!.read).toBe(1);
    expect((await readItem(h.db, 'd'))!.read).toBe(0);
    expect((await readItem(h.db, 'e'))!.read).toBe(0);
    await waitFor(() => expect(select.querySelector('option[value="f:World"]')!.textContent).toBe('World: whole folder (0)'));
    fireEvent.change(select, { target: { value: 's:t1' } });
    await waitFor(() => expect(titles(h.container)).toEqual(['Tech one']));
  });

  it('pages through a folder whose articles are spread among many others', async () => {
    const many = Array.from({ length: 90 }, (_, i) => item({ title: `Story ${i}`, sourceId: i % 3 === 0 ? 'w1' : 'l1', published: NOW - i * MIN }));
    const h = await renderSidebar(many, [W1, L1]);
    const select = screen.getByRole('combobox', { name: 'Show a folder or a source' });
    fireEvent.change(select, { target: { value: 'f:World' } });
    // Only the folder's articles, a first page of them.
    await waitFor(() => expect(titles(h.container).filter((t) => Number(t.split(' ')[1]) % 3 !== 0)).toEqual([]));
    expect(titles(h.container)).toHaveLength(12);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles(h.container)).toHaveLength(30));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
