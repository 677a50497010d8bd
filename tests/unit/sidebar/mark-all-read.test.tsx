// "Mark all read" asks nothing, offers Undo, can take only what is older than a day or a week, and in
// the Unread view the rows just marked leave the list (no stale "Unread 0" above read rows).
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';
import { readItem } from '@/utils/db/items/item-reads';

// Writes and renders can take seconds on a loaded machine: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 });

const S1 = source({ id: 's1', name: 'World Desk' });
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent!.trim());
const chip = (name: RegExp) => within(screen.getByRole('navigation', { name: 'Filters' })).getByRole('button', { name });

describe('mark all read', { timeout: 20_000 }, () => {
  it('in the Unread view empties the list, offers Undo, and Undo brings the rows back', async () => {
    const h = await renderSidebar([item({ id: 'a', title: 'A' }), item({ id: 'b', title: 'B' }), item({ id: 'c', title: 'C', read: 1 })], [S1]);
    fireEvent.click(chip(/Unread/));
    await waitFor(() => expect(titles(h.container)).toEqual(['A', 'B']));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    // No question asked: done at once, the rows leave the Unread view, the empty state says why.
    await screen.findByText('You’re all caught up');
    expect(titles(h.container)).toEqual([]);
    await waitFor(() => expect(chip(/Unread/).textContent).toBe('Unread0'));
    expect((await readItem(h.db, 'a'))!.read).toBe(1);
    const bar = h.container.querySelector('.undo-bar') as HTMLElement;
    expect(bar.textContent).toContain('2 articles marked read');
    // Screen readers hear it through the one status line.
    expect(h.container.querySelector('[role=status][aria-live=polite]')!.textContent).toBe('2 articles marked read');
    fireEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles(h.container)).toEqual(['A', 'B']));
    expect((await readItem(h.db, 'a'))!.read).toBe(0);
    expect((await readItem(h.db, 'c'))!.read).toBe(1);
    await waitFor(() => expect(chip(/Unread/).textContent).toBe('Unread2'));
    expect(h.container.querySelector('.undo-bar')).toBeNull();
  });

  it('marks only what is older than a day, or a week', async () => {
    const h = await renderSidebar(
      [
        item({ id: 'new', title: 'An hour old', published: NOW - HOUR }),
        item({ id: 'day', title: 'Two days old', published: NOW - 2 * DAY }),
        item({ id: 'week', title: 'Ten days old', published: NOW - 10 * DAY }),
      ],
      [S1],
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark read: older than a week' }));
    await screen.findByText('1 article marked read', { selector: '.undo-bar span' });
    expect((await readItem(h.db, 'week'))!.read).toBe(1);
    expect((await readItem(h.db, 'day'))!.read).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Mark read: older than a day' }));
    await waitFor(async () => expect((await readItem(h.db, 'day'))!.read).toBe(1));
    expect((await readItem(h.db, 'new'))!.read).toBe(0);
    // The rows shown say it at once.
    const row = (t: string) => h.container.querySelector(`.list > li[data-id="${t}"]`)!;
    expect(row('day').className).toContain('read');
    expect(row('new').className).toContain('unread');
    await waitFor(() => expect(chip(/Unread/).textContent).toBe('Unread1'));
  });

  it('in search results marks the results, with Undo', async () => {
    const h = await renderSidebar([item({ id: 'f', title: 'Floods in the valley' }), item({ id: 'm', title: 'Markets calm' })], [S1]);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'floods' } });
    await waitFor(() => expect(titles(h.container)).toEqual(['Floods in the valley']));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await screen.findByText('1 article marked read', { selector: '.undo-bar span' });
    expect((await readItem(h.db, 'f'))!.read).toBe(1);
    expect((await readItem(h.db, 'm'))!.read).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await readItem(h.db, 'f'))!.read).toBe(0));
  });
});

describe('article row', () => {
  it('keeps star and read after the title and summary in reading order, outside the summary line', async () => {
    const { container } = await renderSidebar([item({ title: 'T', summaryHtml: '<p>A long summary that runs to the end of the line</p>' })], [S1]);
    const text = container.querySelector('.row-text')!;
    const order = [...text.children].map((c) => c.className.split(' ')[0]);
    expect(order).toEqual(['meta', 'title', 'summary', 'actions']);
    // The summary never holds the buttons (they used to be laid over its end).
    expect(container.querySelector('.summary button')).toBeNull();
  });
});
