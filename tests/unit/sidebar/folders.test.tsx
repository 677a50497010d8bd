// The sidebar's folder list: closed at first behind one button (remembered), each folder with its unread
// count, its sources (and folders inside it) on demand, each with its count; a folder or a source shows
// its articles, and "Mark all read" in a folder marks only that folder's. A story that spans a folder
// and a source outside it: the folder lists its own sources' reports, as many as its count says.
import { beforeEach, describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { item, MIN, NOW, source } from './fixtures';
import { GROUPING_ON, otherReports, quakeReports } from '../../fixtures/stories/quake';
import { renderSidebar } from './render';
import { readItem } from '@/utils/db/items/item-reads';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { FOLDERS_OPEN_KEY } from '@/utils/storage-keys';

// Writes and renders can take seconds on a loaded machine: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 });

const W1 = source({ id: 'w1', name: 'World Desk', folder: 'World' });
const W2 = source({ id: 'w2', name: 'Europe Wire', folder: 'World' });
const T1 = source({ id: 't1', name: 'Tech Wire', folder: 'Tech' });
const L1 = source({ id: 'l1', name: 'Local Paper' });
const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent!.trim());

/** The folder list as a person reads it: each folder or source "name (unread)", indented by depth. */
function folderList(c: HTMLElement): string[] {
  const list = c.querySelector('.folder-list');
  if (!list) return [];
  return [...list.querySelectorAll('.fl-btn')].map((b) => {
    let depth = 0;
    for (let el = b.parentElement; el && el !== list; el = el.parentElement) if (el.classList.contains('fl-list')) depth++;
    return `${'  '.repeat(depth)}${b.querySelector('.fl-name')!.textContent} (${b.querySelector('.count')?.textContent ?? '?'})`;
  });
}

const openFolders = () => fireEvent.click(screen.getByRole('button', { name: /^Folders/ }));
const toggleOf = (folder: string) => screen.getByRole('button', { name: `Sources in ${folder}` });
const folderBtn = (name: string) => within(document.querySelector('.folder-list') as HTMLElement).getByRole('button', { name: new RegExp(`^${name}\\d+$`) });

beforeEach(() => localStorage.clear());

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
    // Closed at first: one button, and the articles right below it.
    const toggle = within(screen.getByRole('navigation', { name: 'Filters' })).getByRole('button', { name: 'Folders' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(folderList(h.container)).toEqual([]);
    openFolders();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
    await waitFor(() => expect(folderList(h.container)).toEqual(['Tech (1)', 'World (2)', 'Not in a folder (1)']));
    // Sources on demand.
    fireEvent.click(toggleOf('World'));
    fireEvent.click(toggleOf('Tech'));
    fireEvent.click(screen.getByRole('button', { name: /^Not in a folder/ }));
    expect(folderList(h.container)).toEqual([
      'Tech (1)', '  Tech Wire (1)',
      'World (2)', '  Europe Wire (1)', '  World Desk (1)',
      'Not in a folder (1)', '  Local Paper (1)',
    ]);
    expect(toggleOf('World').getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggleOf('World').getAttribute('aria-controls')!)!.textContent).toContain('World Desk');
    fireEvent.click(folderBtn('World'));
    await waitFor(() => expect(titles(h.container)).toEqual(['World one', 'Europe one', 'Europe read']));
    expect(h.container.querySelector('#list-h')!.textContent).toBe('World');
    expect(folderBtn('World').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Folders: World' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.read).toBe(1));
    expect((await readItem(h.db, 'a'))!.read).toBe(1);
    expect((await readItem(h.db, 'd'))!.read).toBe(0);
    expect((await readItem(h.db, 'e'))!.read).toBe(0);
    await waitFor(() => expect(folderList(h.container).slice(2, 5)).toEqual(['World (0)', '  Europe Wire (0)', '  World Desk (0)']));
    fireEvent.click(within(h.container.querySelector('.folder-list') as HTMLElement).getByRole('button', { name: 'Tech Wire1' }));
    await waitFor(() => expect(titles(h.container)).toEqual(['Tech one']));
    fireEvent.click(screen.getByRole('button', { name: 'Local Paper1' }));
    await waitFor(() => expect(titles(h.container)).toEqual(['Local one']));
    expect(screen.getByRole('button', { name: 'Folders: Local Paper' })).toBeTruthy();
  });

  it('pages through a folder whose articles are spread among many others', async () => {
    const many = Array.from({ length: 90 }, (_, i) => item({ title: `Story ${i}`, sourceId: i % 3 === 0 ? 'w1' : 'l1', published: NOW - i * MIN }));
    const h = await renderSidebar(many, [W1, L1]);
    openFolders();
    fireEvent.click(await waitFor(() => folderBtn('World')));
    // Only the folder's articles, a first page of them.
    await waitFor(() => expect(titles(h.container).filter((t) => Number(t.split(' ')[1]) % 3 !== 0)).toEqual([]));
    await waitFor(() => expect(titles(h.container)).toHaveLength(12));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles(h.container)).toHaveLength(30));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('nests "Outer / Inner" folders: the outer one counts and lists the inner one\'s sources too', async () => {
    const E1 = source({ id: 'e1', name: 'Paris Desk', folder: 'World / Europe' });
    const h = await renderSidebar(
      [
        item({ title: 'World one', sourceId: 'w1', published: NOW - MIN }),
        item({ title: 'Paris one', sourceId: 'e1', published: NOW - 2 * MIN }),
        item({ title: 'Paris two', sourceId: 'e1', published: NOW - 3 * MIN }),
        item({ title: 'Tech one', sourceId: 't1', published: NOW - 4 * MIN }),
      ],
      [W1, E1, T1],
    );
    openFolders();
    await waitFor(() => expect(folderList(h.container)).toEqual(['Tech (1)', 'World (3)']));
    fireEvent.click(toggleOf('World'));
    expect(folderList(h.container)).toEqual(['Tech (1)', 'World (3)', '  Europe (2)', '  World Desk (1)']);
    fireEvent.click(toggleOf('Europe'));
    expect(folderList(h.container)).toEqual(['Tech (1)', 'World (3)', '  Europe (2)', '    Paris Desk (2)', '  World Desk (1)']);
    fireEvent.click(folderBtn('World'));
    await waitFor(() => expect(titles(h.container)).toEqual(['World one', 'Paris one', 'Paris two']));
    fireEvent.click(folderBtn('Europe'));
    await waitFor(() => expect(titles(h.container)).toEqual(['Paris one', 'Paris two']));
    expect(h.container.querySelector('#list-h')!.textContent).toBe('World / Europe');
    // Closing a folder hides its sources, not the filter.
    fireEvent.click(toggleOf('World'));
    expect(folderList(h.container)).toEqual(['Tech (1)', 'World (3)']);
    expect(titles(h.container)).toEqual(['Paris one', 'Paris two']);
  });

  it('stays open or closed as left, in a new sidebar', async () => {
    const first = await renderSidebar([item({ title: 'World one', sourceId: 'w1' })], [W1]);
    openFolders();
    await waitFor(() => expect(folderList(first.container)).toEqual(['World (1)']));
    expect(localStorage.getItem(FOLDERS_OPEN_KEY)).toBe('1');
    first.container.remove();
    // A new sidebar on the same database.
    const again = await renderSidebar([], []);
    await waitFor(() => expect(folderList(again.container)).toEqual(['World (1)']));
    expect(screen.getAllByRole('button', { name: 'Folders' }).at(-1)!.getAttribute('aria-expanded')).toBe('true');
  });

  it('without folders, lists the sources behind "Sources"', async () => {
    const h = await renderSidebar([item({ title: 'Local one', sourceId: 'l1' }), item({ title: 'Other one', sourceId: 's9' })], [L1, source({ id: 's9', name: 'Another Paper' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Sources' }));
    await waitFor(() => expect(folderList(h.container)).toEqual(['Another Paper (1)', 'Local Paper (1)']));
    fireEvent.click(screen.getByRole('button', { name: 'Local Paper1' }));
    await waitFor(() => expect(titles(h.container)).toEqual(['Local one']));
  });
});

describe('a story that spans a folder and a source outside it', { timeout: 20_000 }, () => {
  const QUAKE = quakeReports(NOW);
  const [BUDGET, CUP] = otherReports(NOW);
  const ON = GROUPING_ON;

  it('lists the folder\'s own reports of it, as many as the folder\'s count, and marks them all read', async () => {
    resetDbForTests();
    const db = await getDb();
    // The wire (no folder) reports first: the story's row is its report. Paper and TV are in "World".
    const wire = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' }, NOW);
    const paper = await addSource(db, { name: 'Paper', url: 'https://paper.example/rss', folder: 'World' }, NOW);
    const tv = await addSource(db, { name: 'TV', url: 'https://tv.example/rss', folder: 'World' }, NOW);
    await storePoll(db, wire, [QUAKE[0]!, BUDGET], NOW, ON, {});
    const b = await storePoll(db, paper, [QUAKE[1]!, CUP], NOW + MIN, ON, {});
    const c = await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, ON, {});
    expect(b.joinedIds).toHaveLength(1);
    expect(c.joinedIds).toHaveLength(1);

    const h = await renderSidebar([], [], { db });
    // All: the story is one row (the wire's report), "+2 sources".
    await waitFor(() => expect(titles(h.container)).toEqual([CUP.title, BUDGET.title, QUAKE[0]!.title]));
    openFolders();
    await waitFor(() => expect(folderList(h.container)).toEqual(['World (3)', 'Not in a folder (2)']));
    fireEvent.click(toggleOf('World'));
    expect(folderList(h.container)).toEqual(['World (3)', '  Paper (2)', '  TV (1)', 'Not in a folder (2)']);
    // The folder: its sources' own reports, each a row, three as its count says.
    fireEvent.click(folderBtn('World'));
    await waitFor(() => expect(titles(h.container)).toEqual([QUAKE[2]!.title, CUP.title, QUAKE[1]!.title]));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(folderList(h.container)).toEqual(['World (0)', '  Paper (0)', '  TV (0)', 'Not in a folder (1)']));
    // One read state per story: the wire's row of it is read too; the wire's other article is not.
    const all = await db.getAll('items');
    expect(all.length).toBe(5);
    fireEvent.click(screen.getByRole('button', { name: /^Unread/ }));
    await waitFor(() => expect(titles(h.container)).toEqual([BUDGET.title]));
  });
});
