// A denser first screen: no row repeating a ticker update, no summary repeating the title, day
// headers, a compact mode, and search words marked in the results (as text, never as HTML).
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/preact';
import { repeatsTitle } from '@/utils/sidebar/display';
import { dayName, dayStarts } from '@/utils/sidebar/days';
import { mergeRanges, searchRanges } from '@/utils/sidebar/search-marks';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';

// Writes and renders can take seconds on a loaded machine: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 });

const S1 = source({ id: 's1', name: 'World Desk' });
const DAY = 24 * 60 * MIN;
const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent!.trim());

describe('summary that repeats the title', { timeout: 20_000 }, () => {
  it('is recognised: same words, the title cut short, or the title and a publisher', () => {
    expect(repeatsTitle('Floods: what we know', 'FLOODS — What we know.')).toBe(true);
    expect(repeatsTitle('Floods close the', 'Floods close the river road')).toBe(true);
    expect(repeatsTitle('Floods close the river road - BBC News', 'Floods close the river road')).toBe(true);
    expect(repeatsTitle('Floods close the river road as the water keeps rising in the valley', 'Floods close the river road')).toBe(false);
    expect(repeatsTitle('Officials say the bridge stays shut', 'Floods close the river road')).toBe(false);
    // Long ones: only a summary's start is folded first, which must not change the answer.
    expect(repeatsTitle(`Floods close the river road ${'as the water keeps rising '.repeat(12)}`, 'Floods close the river road')).toBe(false);
    expect(repeatsTitle(`${'— '.repeat(60)}Floods close the river road`, 'Floods close the river road')).toBe(true);
    expect(repeatsTitle(`${'— '.repeat(60)}Floods close the river road, with many more words after it`, 'Floods close the river road')).toBe(false);
  });

  it('is not shown under the title', async () => {
    const { container } = await renderSidebar([item({ title: 'Bridge opens at last', summaryHtml: '<p>Bridge opens at last</p>' }), item({ title: 'Other', summaryHtml: '<p>A real summary</p>' })], [S1]);
    const rows = container.querySelectorAll('.list > li');
    expect(rows[0].querySelector('.summary')).toBeNull();
    expect(rows[1].querySelector('.summary')!.textContent).toBe('A real summary');
  });
});

describe('day headers', { timeout: 20_000 }, () => {
  it('name today, yesterday, then the date', () => {
    expect(dayName(NOW - 10 * MIN, NOW, 'en')).toEqual({ kind: 'today' });
    const y = new Date(NOW);
    y.setDate(y.getDate() - 1);
    expect(dayName(y.getTime(), NOW, 'en')).toEqual({ kind: 'yesterday' });
    const older = dayName(NOW - 5 * DAY, NOW, 'en');
    expect(older.kind).toBe('date');
    expect((older as { text: string }).text).toMatch(/November 20/);
    expect(dayStarts([NOW, NOW - MIN, NOW - 2 * DAY, NOW - 2 * DAY - MIN])).toEqual(new Set([0, 2]));
  });

  it('stand above the first article of each day', async () => {
    const { container } = await renderSidebar(
      [item({ title: 'Now', published: NOW - MIN }), item({ title: 'Also now', published: NOW - 2 * MIN }), item({ title: 'Old', published: NOW - 5 * DAY })],
      [S1],
    );
    const heads = [...container.querySelectorAll('.list > li')].map((li) => li.querySelector('.day-head')?.textContent ?? null);
    expect(heads[0]).toBe('Today');
    expect(heads[1]).toBeNull();
    expect(heads[2]).toMatch(/November 20/);
  });
});

describe('breaking updates', { timeout: 20_000 }, () => {
  it('shown in the ticker are not repeated as rows under it (All and Unread), but are in Starred', async () => {
    const h = await renderSidebar(
      [item({ id: 'b', title: 'Dam breaks upstream', breaking: 1, starred: 1, published: NOW - 2 * MIN }), item({ id: 'n', title: 'Ordinary news', published: NOW - 3 * MIN })],
      [S1],
    );
    expect(screen.getByRole('region', { name: /Breaking/ }).textContent).toContain('Dam breaks upstream');
    expect(titles(h.container)).toEqual(['Ordinary news']);
    fireEvent.click(screen.getByRole('button', { name: /Starred/ }));
    await waitFor(() => expect(titles(h.container)).toEqual(['Dam breaks upstream']));
  });

  it('except an article that looks like a live page: its row is where "Follow live" is', async () => {
    const h = await renderSidebar(
      [item({ id: 'l', title: 'Live: storm on the coast', url: 'https://news.example/live/storm', breaking: 1, published: NOW - 2 * MIN }), item({ id: 'n', title: 'Ordinary news', published: NOW - 3 * MIN })],
      [S1],
    );
    expect(screen.getByRole('region', { name: /Breaking/ }).textContent).toContain('storm on the coast');
    expect(titles(h.container)).toHaveLength(2);
  });
});

describe('compact mode', { timeout: 20_000 }, () => {
  it('is a preference: one line per article, kept for the next opening', async () => {
    localStorage.clear();
    const h = await renderSidebar([item({ title: 'A story', summaryHtml: '<p>Its summary</p>' })], [S1]);
    const toggle = screen.getByRole('button', { name: 'Compact list' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(h.container.querySelector('.list.compact')).toBeNull();
    fireEvent.click(toggle);
    await waitFor(() => expect(h.container.querySelector('.list.compact')).not.toBeNull());
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('newsbar.sidebar.compact')).toBe('1');
    // The row keeps its title button, source and actions (what is hidden is hidden by style only).
    expect(h.container.querySelector('.list.compact .title-btn')!.textContent).toBe('A story');
    fireEvent.click(toggle);
    await waitFor(() => expect(h.container.querySelector('.list.compact')).toBeNull());
    localStorage.clear();
  });
});

describe('search highlights', { timeout: 20_000 }, () => {
  it('finds the words of a query, folded, the last one as a prefix', () => {
    const text = 'Zürich floods: the flood barrier holds';
    const marked = (q: string) => searchRanges(text, q).map((r) => text.slice(r.start, r.end));
    expect(marked('zurich flood')).toEqual(['Zürich', 'floods', 'flood']);
    expect(marked('flood ')).toEqual(['flood']);
    expect(marked('')).toEqual([]);
    expect(mergeRanges([{ start: 0, end: 6, topicIds: ['t'] }], [{ start: 3, end: 10, topicIds: [] }])).toEqual([{ start: 0, end: 10, topicIds: ['t'] }]);
  });

  it('marks the matched words in the results as text', async () => {
    const { container } = await renderSidebar([item({ title: 'Floods in <b>Zürich</b>', summaryHtml: '<p>Flooding closes roads</p>' }), item({ title: 'Markets' })], [S1]);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'flood' } });
    await waitFor(() => expect(titles(container)).toEqual(['Floods in <b>Zürich</b>']));
    const row = container.querySelector('.list > li')!;
    expect([...row.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Floods', 'Flooding']);
    // The title's markup-looking text stays text.
    expect(row.querySelector('.title-btn b')).toBeNull();
  });
});
