// The sidebar for keyboard and screen reader users: the list and the ticker as one tab stop each
// (roving tabindex), the arrow keys inside, row controls that name their article, the polite status
// line per poll, the "n" key, the "?" panel and the skip link. (In real Chromium: tests/e2e/keyboard.test.ts.)
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import fs from 'node:fs';
import { SHORTCUTS } from '@/components/sidebar/keyboard';
import { item, MIN, NOW, source, storeItem } from './fixtures';
import { renderSidebar } from './render';
import { readItem } from '@/utils/db/items/item-reads';

const S1 = source({ id: 's1', name: 'World Desk' });
// Several renders and key presses each: slower than the default 5 s while the machine is busy.
vi.setConfig({ testTimeout: 20_000 });
const key = (k: string, target: Element = document.activeElement ?? document.body) => fireEvent.keyDown(target, { key: k });
const tabbableTitles = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('.list .title-btn')].filter((b) => b.tabIndex === 0).map((b) => b.textContent);
const description = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');

describe('the list for the keyboard', () => {
  it('is one tab stop; arrows, j/k, Home and End move it, and the row controls follow', async () => {
    const h = await renderSidebar([item({ id: 'a', title: 'A' }), item({ id: 'b', title: 'B' }), item({ id: 'c', title: 'C' })], [S1]);
    expect(tabbableTitles(h.container)).toEqual(['A']);
    screen.getByRole('button', { name: 'A' }).focus();
    key('ArrowDown');
    expect(document.activeElement?.textContent).toBe('B');
    await waitFor(() => expect(tabbableTitles(h.container)).toEqual(['B']));
    // Only the current row's controls are in the tab order.
    const rowB = h.container.querySelector<HTMLElement>('.row[data-id="b"]')!;
    const rowA = h.container.querySelector<HTMLElement>('.row[data-id="a"]')!;
    expect(within(rowB).getByRole('button', { name: 'Star: B' }).tabIndex).toBe(0);
    expect(within(rowA).getByRole('button', { name: 'Star: A' }).tabIndex).toBe(-1);
    key('End');
    expect(document.activeElement?.textContent).toBe('C');
    key('ArrowUp');
    expect(document.activeElement?.textContent).toBe('B');
    key('Home');
    expect(document.activeElement?.textContent).toBe('A');
    key('j');
    expect(document.activeElement?.textContent).toBe('B');
    // Arrow keys elsewhere (the search box, the page) keep their usual job.
    const box = screen.getByRole('searchbox');
    box.focus();
    key('ArrowDown', box);
    expect(document.activeElement).toBe(box);
  });

  it('a key press past the last loaded article waits for the next page and moves on, none is lost', async () => {
    const many = Array.from({ length: 30 }, (_, i) => item({ id: `n${i}`, title: `Story ${i}`, published: NOW - i * MIN }));
    const h = await renderSidebar(many, [S1]);
    const loaded = h.container.querySelectorAll('.list .title-btn').length;
    expect(loaded).toBeLessThan(30);
    // Straight to the last loaded row (as a fast key repeat gets there before the page comes), then on.
    screen.getByRole('button', { name: `Story ${loaded - 1}` }).focus();
    h.store.focusId.value = `n${loaded - 1}`;
    key('j');
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`Story ${loaded}`));
    key('ArrowDown');
    expect(document.activeElement?.textContent).toBe(`Story ${loaded + 1}`);
  });

  it('names what each row control acts on; titles say read or unread and breaking; the list has a real name', async () => {
    const h = await renderSidebar(
      [item({ id: 'a', title: 'Dam holds', breaking: 1, published: NOW - 500 * MIN }), item({ id: 'b', title: 'Calm day', read: 1 }), item({ id: 'c', title: '' })],
      [S1],
    );
    const title = screen.getByRole('button', { name: 'Dam holds' });
    expect(description(title)).toBe('Unread, breaking');
    expect(description(screen.getByRole('button', { name: 'Calm day' }))).toBe('Read');
    expect(screen.getByRole('button', { name: 'Star: Dam holds' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark unread: Calm day' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Star: (untitled)' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Articles: All' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Filters' })).getByRole('button', { name: /Unread/ }));
    await screen.findByRole('region', { name: 'Articles: Unread' });
    expect(h.container.querySelector('#articles')?.tagName).toBe('UL');
  });

  it('the skip link goes past the toolbar to the list', async () => {
    await renderSidebar([item({ id: 'a', title: 'First' }), item({ id: 'b', title: 'Second' })], [S1]);
    const skip = screen.getByRole('link', { name: 'Skip to the articles' });
    expect(skip.getAttribute('href')).toBe('#articles');
    fireEvent.click(skip);
    expect(document.activeElement?.textContent).toBe('First');
  });
});

describe('new items, announced', () => {
  it('one polite status line per poll says what arrived, read out again when the words repeat', async () => {
    const h = await renderSidebar([item({ title: 'Old' })], [S1]);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await storeItem(h.db, item({ title: 'New 1', published: NOW + MIN }));
    await storeItem(h.db, item({ title: 'Flash', breaking: 1, published: NOW + 2 * MIN }));
    h.emit({ type: 'newItems', count: 2, sourceIds: ['s1'] });
    await waitFor(() => expect(status.textContent).toBe('2 new, 1 breaking'));
    const first = status.firstElementChild;
    await storeItem(h.db, item({ title: 'New 3', published: NOW + 3 * MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(status.textContent).toBe('1 new'));
    await storeItem(h.db, item({ title: 'New 4', published: NOW + 4 * MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    // The same words again: a new node, so screen readers announce it again.
    await waitFor(() => expect(status.firstElementChild).not.toBe(first));
    const second = status.firstElementChild;
    await storeItem(h.db, item({ title: 'New 5', published: NOW + 5 * MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(status.firstElementChild).not.toBe(second));
    expect(status.textContent).toBe('1 new');
  });

  it('a breaking update left waiting behind the pill is not counted again by the next poll', async () => {
    const h = await renderSidebar([item({ title: 'Old' })], [S1]);
    fireEvent.click(screen.getByRole('button', { name: 'Old' })); // reading: new items wait
    await storeItem(h.db, item({ title: 'Flash', breaking: 1, published: NOW + MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 new, 1 breaking'));
    await storeItem(h.db, item({ title: 'Plain', published: NOW + 2 * MIN }));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 new'));
  });

  it('the pill sits in a polite live region; n shows the new items with focus on the first of them', async () => {
    const h = await renderSidebar([item({ title: 'Old' })], [S1]);
    const old = screen.getByRole('button', { name: 'Old' });
    fireEvent.click(old);
    old.focus();
    key('n'); // nothing waiting: nothing happens
    expect(document.activeElement?.textContent).toBe('Old');
    await storeItem(h.db, item({ title: 'New 1', published: NOW + MIN }));
    await storeItem(h.db, item({ title: 'New 2', published: NOW + 2 * MIN }));
    h.emit({ type: 'newItems', count: 2, sourceIds: ['s1'] });
    const pill = await screen.findByRole('button', { name: /2 new/ });
    expect(pill.closest('[aria-live="polite"]')).not.toBeNull();
    key('n');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('New 2'));
    expect(h.store.focusId.value).toBe(document.activeElement?.closest('li')?.getAttribute('data-id'));
    expect(screen.queryByRole('button', { name: /new$/ })).toBeNull();
  });
});

describe('the ticker for the keyboard', () => {
  it('is one tab stop; the same keys move in it, Enter opens, Esc closes, list keys leave the list alone', async () => {
    const h = await renderSidebar(
      [
        item({ id: 'b1', title: 'Flash one', breaking: 1, published: NOW - 2 * MIN }),
        item({ id: 'b2', title: 'Flash two', breaking: 1, published: NOW - 3 * MIN }),
        item({ id: 'b3', title: 'Flash three', breaking: 1, published: NOW - 4 * MIN }),
        item({ id: 'a', title: 'Article', published: NOW - 500 * MIN }),
      ],
      [S1],
    );
    const ticker = screen.getByRole('region', { name: /Breaking/ });
    const ticks = () => [...ticker.querySelectorAll<HTMLElement>('.tick-btn')];
    expect(ticks().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    ticks()[0].focus();
    key('ArrowDown');
    expect(document.activeElement).toBe(ticks()[1]);
    key('j');
    expect(document.activeElement).toBe(ticks()[2]);
    key('k');
    key('Home');
    expect(document.activeElement).toBe(ticks()[0]);
    await waitFor(() => expect(ticks().map((b) => b.tabIndex)).toEqual([0, -1, -1]));
    key('End');
    await waitFor(() => expect(ticks().map((b) => b.tabIndex)).toEqual([-1, -1, 0]));
    key('o');
    await waitFor(() => expect(ticker.querySelector('.body')).not.toBeNull());
    expect(ticks()[2].getAttribute('aria-expanded')).toBe('true');
    // s and m act on the list's article: never on one hidden behind the ticker.
    key('s');
    key('Escape');
    await waitFor(() => expect(ticker.querySelector('.body')).toBeNull());
    expect(document.activeElement).toBe(ticks()[2]);
    expect((await readItem(h.db, 'a'))!.starred).toBe(0);
    // The list did not move either.
    expect(h.store.focusId.value).toBeNull();
  });
});

describe('the shortcuts panel', () => {
  it('? opens it, Tab stays inside, Esc closes it and focus goes back', async () => {
    await renderSidebar([item({ title: 'A' })], [S1]);
    screen.getByRole('button', { name: 'A' }).focus();
    key('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(document.activeElement).toBe(dialog);
    expect(dialog.textContent).toContain('Next article');
    expect(dialog.textContent).toContain('j / ↓');
    key('Tab');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    key('j'); // the list's keys do not act behind the panel
    expect(screen.getByRole('dialog')).toBe(dialog);
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('A');
  });
});

describe('the README', () => {
  it('lists every shortcut the "?" panel shows', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    for (const [keys] of SHORTCUTS) {
      for (const k of keys.split(' / ')) expect(readme).toContain(`\`${k}\``);
    }
  });
});
