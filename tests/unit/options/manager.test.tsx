// The source manager at 500 sources: search, sort, status and folder filters, bulk actions, failing first.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { SourcesSection } from '@/components/options/SourcesSection';
import { UndoBar } from '@/components/options/UndoBar';
import { makeSource, listSources } from '@/utils/db/sources';
import { articlesPerDay, manageView, searchRows, sortedRows, statusOf } from '@/utils/sources/manager';
import type { Source } from '@/utils/model';
import { fakeEnv } from './fake-env';

const NOW = 1_700_000_000_000;
const DAY = 86_400_000;

/** 500 sources: every 7th failing, every 11th paused, every 13th never fetched; five folders and none. */
function fiveHundred(): Source[] {
  return Array.from({ length: 500 }, (_, i) => {
    const s = makeSource({ name: `Source ${String(i).padStart(3, '0')}`, url: `https://s${i}.example/feed`, folder: i % 6 ? `Folder ${i % 6}` : undefined }, NOW - 10 * DAY + i);
    const failing = i % 7 === 3;
    return {
      ...s,
      enabled: i % 11 !== 5,
      health: failing ? 'error' : 'ok',
      problem: failing ? { code: 'http', status: 500 } : undefined,
      lastPollAt: i % 13 === 4 ? undefined : NOW - i * 60_000,
      lastSuccessAt: i % 13 === 4 || failing ? undefined : NOW - i * 60_000,
    } satisfies Source;
  });
}

async function seeded(list = fiveHundred()) {
  const f = fakeEnv();
  const db = await f.db;
  const tx = db.transaction(['sources', 'counters'], 'readwrite');
  for (const s of list) {
    void tx.objectStore('sources').put(s);
    void tx.objectStore('counters').put({ key: `s:${s.id}`, total: (Number(s.id.length) % 5) * 10 + 30, unread: 0, starred: 0, unreadAlerts: 0 });
  }
  await tx.done;
  await f.store.load();
  return f;
}

// Plain selectors for the 100-row table: role queries over it are too slow under jsdom.
const bodyRows = () => [...document.querySelectorAll<HTMLTableRowElement>('.source-table tbody tr')];
const rowNames = () => bodyRows().map((r) => r.querySelector('th button')!.textContent);
const header = (name: string) => [...document.querySelectorAll<HTMLElement>('.source-table thead th')].find((h) => h.textContent?.includes(name))!;

describe('source manager (pure)', () => {
  it('says each source\'s status in one word, failing before paused', () => {
    const base = makeSource({ name: 'A', url: 'https://a.example/' }, NOW);
    expect(statusOf(base)).toBe('never');
    expect(statusOf({ ...base, lastSuccessAt: NOW })).toBe('ok');
    expect(statusOf({ ...base, lastSuccessAt: NOW, enabled: false })).toBe('paused');
    expect(statusOf({ ...base, enabled: false, health: 'error' })).toBe('failing');
  });

  it('counts articles a day over what retention can hold, and at least one day', () => {
    const s = makeSource({ name: 'A', url: 'https://a.example/' }, NOW - 100 * DAY);
    expect(articlesPerDay(s, 300, NOW, 30)).toBe(10);
    expect(articlesPerDay({ ...s, addedAt: NOW - 1000 }, 12, NOW, 30)).toBe(12);
  });

  it('searches name, address and folder; every word must match', () => {
    const list = fiveHundred();
    const v = manageView(list, {}, { search: 'source 04 folder 2', status: 'all', folder: '', sort: 'name', descending: false }, NOW, 30);
    expect(v.map((r) => r.source.name)).toEqual(['Source 044', 'Source 104', 'Source 404']);
  });
  it('narrows the sorted rows in their order, and hands back the same rows when every one matches', () => {
    const list = fiveHundred();
    const sorted = sortedRows(list, {}, { status: 'all', folder: '', sort: 'lastSuccess', descending: true }, NOW, 30);
    expect(searchRows(sorted, 'SOURCE')).toBe(sorted); // the table sees nothing changed
    const words = ['folder', '3'];
    const expected = sorted.filter((r) => words.every((w) => `${r.source.name} ${r.source.url} ${r.source.folder ?? ''}`.toLowerCase().includes(w)));
    expect(expected.length).toBeGreaterThan(10);
    expect(searchRows(sorted, ' Folder   3 ')).toEqual(expected);
  });
});

describe('source manager (component, 500 sources)', () => {
  vi.setConfig({ testTimeout: 30_000 }); // jsdom renders a 50-row table slowly on a shared machine
  it('renders a compact table of the first 50, and shows more on request', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} />);
    expect(bodyRows()).toHaveLength(50);
    expect([...document.querySelectorAll('.source-table thead th')].map((h) => h.textContent?.replace(/[▴▾]/, '').trim())).toEqual(
      ['', 'Name', 'Folder', 'Kind', 'Last success', 'Articles/day', 'Status'],
    );
    fireEvent.click(screen.getByText('Show 50 more (450 not shown)'));
    expect(bodyRows()).toHaveLength(100);
  });

  it('articles a day come from the kept counters, not from counting items', async () => {
    const { store } = await seeded();
    expect(Object.keys(store.itemCounts.value)).toHaveLength(500);
    expect(Object.values(store.itemCounts.value).every((n) => n >= 30)).toBe(true);
  });

  it('search narrows the list as you type', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} />);
    const box = screen.getByRole('searchbox', { name: 'Search sources' });
    fireEvent.input(box, { target: { value: 'source 49' } });
    expect(rowNames()).toEqual(['Source 049', 'Source 149', 'Source 249', 'Source 349', 'Source 449', ...Array.from({ length: 10 }, (_, i) => `Source 49${i}`)]);
    expect(screen.getByText('15 of 500 sources match')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'S49.EXAMPLE' } }); // the address too, any case
    expect(rowNames()).toEqual(['Source 049']);
    fireEvent.input(box, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No source matches. Change the search or the filters.')).toBeTruthy();
  });

  it('sorts by a column, and again the other way; the header says how', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} />);
    const nameHeader = header('Name');
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(nameHeader.querySelector('button')!);
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('Source 499');
    fireEvent.click(header('Last success').querySelector('button')!);
    expect(rowNames()[0]).toBe('Source 000'); // newest success first
  });

  it('filters by status: failing, paused, never fetched (with counts)', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} />);
    const show = screen.getByLabelText('Show') as HTMLSelectElement;
    const labels = [...show.options].map((o) => o.textContent);
    expect(labels).toEqual(['All (500)', 'Failing (71)', 'Paused (39)', 'Never fetched (30)']);
    fireEvent.change(show, { target: { value: 'failing' } });
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByText('71 of 500 sources match')).toBeTruthy();
    expect(bodyRows().every((r) => r.textContent?.includes('Failing'))).toBe(true);
    fireEvent.change(show, { target: { value: 'paused' } });
    expect(bodyRows().every((r) => r.textContent?.includes('Paused'))).toBe(true);
  });

  it('filters by folder', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} />);
    const folder = screen.getByLabelText('Folder') as HTMLSelectElement;
    expect([...folder.options].map((o) => o.textContent)).toEqual(
      ['All folders', 'Folder 1 (84)', 'Folder 2 (83)', 'Folder 3 (83)', 'Folder 4 (83)', 'Folder 5 (83)', 'No folder'],
    );
    fireEvent.change(folder, { target: { value: 'Folder 3' } });
    expect(screen.getByText('83 of 500 sources match')).toBeTruthy();
  });

  it('puts the failing ones first when the user comes from the sidebar', async () => {
    const { store } = await seeded();
    render(<SourcesSection store={store} start={{ failingFirst: true }} />);
    const first = bodyRows(); // the first 50 of 71 failing
    expect(first.every((r) => r.textContent?.includes('Failing'))).toBe(true);
  });

  it('bulk: pause, resume and move the selected sources in one go', async () => {
    const { store, db, sent } = await seeded();
    render(<SourcesSection store={store} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'folder 4 source 01' } });
    const picked = rowNames();
    expect(picked.length).toBeGreaterThan(2);
    expect(picked.length).toBeLessThan(20);
    fireEvent.click(screen.getByLabelText('Select all shown'));
    expect(screen.getByText(`${picked.length} selected`)).toBeTruthy();
    const of = async () => (await listSources(await db)).filter((s) => picked.includes(s.name));
    const others = async () => (await listSources(await db)).filter((s) => !picked.includes(s.name) && !s.enabled).length;
    const pausedBefore = await others();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(async () => expect((await of()).every((s) => !s.enabled)).toBe(true));
    expect(await others()).toBe(pausedBefore);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(async () => expect((await of()).every((s) => s.enabled)).toBe(true));
    fireEvent.input(screen.getByRole('combobox', { name: 'Move the selected sources to this folder' }), { target: { value: '  Morning   reads ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(async () => expect((await listSources(await db)).filter((s) => s.folder === 'Morning reads').map((s) => s.name).sort()).toEqual(picked));
    expect(sent).toContainEqual({ type: 'changeSources', change: { op: 'update', ids: expect.arrayContaining((await of()).map((s) => s.id)), patch: { folder: '  Morning   reads ' } } });
    await waitFor(() => expect(store.status.value).toBe(`Moved ${picked.length} sources to Morning reads`));
  });

  it('bulk remove offers Undo, and deletes only when the offer runs out', async () => {
    const { store, db } = await seeded();
    render(<><SourcesSection store={store} /><UndoBar store={store} /></>);
    fireEvent.click(screen.getByLabelText('Select Source 000'));
    fireEvent.click(screen.getByLabelText('Select Source 001'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Selected sources' })).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/^Removed 2 sources and their \d+ articles\.$/)).toBeTruthy();
    expect(rowNames()[0]).toBe('Source 002');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowNames()[0]).toBe('Source 000'));
    fireEvent.click(screen.getByLabelText('Select Source 000'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Selected sources' })).getByRole('button', { name: 'Remove' }));
    await screen.findByText(/^Removed Source 000/);
    expect(await listSources(await db)).toHaveLength(500);
    await store.commitRemoval();
    expect(await listSources(await db)).toHaveLength(499);
  });

  it('a source\'s details: interval, rename, refresh, folder, last error in plain words', async () => {
    const { store, db } = await seeded();
    render(<SourcesSection store={store} />);
    const name = screen.getByRole('button', { name: 'Source 003' });
    fireEvent.click(name);
    expect(name.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByRole('group', { name: 'Source 003' });
    expect(within(details).getByText('Last check failed: the server had a problem (500); Newsbar will try again later')).toBeTruthy();
    expect(within(details).getByRole('combobox', { name: 'How often to check Source 003' })).toBeTruthy();
    within(details).getByRole('button', { name: 'Refresh now' });
    fireEvent.click(within(details).getByRole('button', { name: 'Folder…' }));
    fireEvent.input(within(details).getByRole('combobox', { name: 'Folder' }), { target: { value: 'Fix later' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await listSources(await db)).find((s) => s.name === 'Source 003')?.folder).toBe('Fix later'));
  });
});
