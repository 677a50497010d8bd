import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveTopic } from '@/utils/topics/store';
import { saveSettings } from '@/utils/settings';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';
import { screenfulOfRows } from '@/components/sidebar/first-rows';
import { readItem } from '@/utils/db/items/item-reads';
import { toRecord } from '@/utils/db/items/item-record';

const S1 = source({ id: 's1', name: 'World Desk' });
const S2 = source({ id: 's2', name: 'Tech Wire', siteUrl: undefined, url: 'https://tech.example/rss' });

function rows(container: HTMLElement) {
  return [...container.querySelectorAll('.list > li')] as HTMLElement[];
}
function titles(container: HTMLElement) {
  return rows(container).map((r) => r.querySelector('.title-btn')!.textContent!.trim());
}

describe('article list', () => {
  it('shows source, title, time, summary and thumbnail, newest first', async () => {
    const { container } = await renderSidebar(
      [
        item({ title: 'Older story', published: NOW - 90 * MIN }),
        item({ title: 'Fresh story', published: NOW - 5 * MIN, summaryHtml: '<p>The <b>summary</b> line</p>', imageUrl: 'https://img.example/a.jpg', sourceId: 's2' }),
      ],
      [S1, S2],
    );
    expect(titles(container)).toEqual(['Fresh story', 'Older story']);
    const first = rows(container)[0];
    expect(first.querySelector('.source')!.textContent).toBe('Tech Wire');
    expect(first.querySelector('.summary')!.textContent).toBe('The summary line');
    expect(first.querySelector('time')!.textContent).toBe('5 min. ago');
    expect(first.querySelector('time')!.getAttribute('title')).toMatch(/2026/);
    const thumb = first.querySelector('img.thumb')!;
    expect(thumb.getAttribute('loading')).toBe('lazy');
    expect(thumb.getAttribute('referrerpolicy')).toBe('no-referrer');
    const icon = rows(container)[1].querySelector('img.favicon')!;
    expect(icon.getAttribute('src')).toBe('https://s1.example/favicon.ico');
    expect(icon.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('shows the letter while the favicon loads, never a blank square, and lets the icon cover it once in', async () => {
    const { container } = await renderSidebar([item({ title: 'x' })], [S1]);
    const avatar = container.querySelector<HTMLElement>('.avatar')!;
    expect(avatar.textContent).toBe('W');
    expect(avatar.classList.contains('icon-in')).toBe(false);
    fireEvent.load(avatar.querySelector('img.favicon')!);
    expect(avatar.classList.contains('icon-in')).toBe(true);
  });

  it('falls back to a letter when the favicon fails', async () => {
    const { container } = await renderSidebar([item({ title: 'x' })], [S1]);
    fireEvent.error(container.querySelector('img.favicon')!);
    expect(container.querySelector('.avatar')!.textContent).toBe('W');
  });

  it('renders titles as text, never as HTML', async () => {
    const { container } = await renderSidebar([item({ title: '<img src=x onerror="alert(1)">Hi' })], [S1]);
    expect(titles(container)[0]).toBe('<img src=x onerror="alert(1)">Hi');
    expect(container.querySelector('.list img[onerror]')).toBeNull();
  });

  it('opens an item in place with sanitized content, marks it read and tells the background', async () => {
    const h = await renderSidebar(
      [item({ id: 'a', title: 'Story', url: 'https://news.example/a/story', contentHtml: '<p>Body <a href="/more">more</a></p><script>alert(1)</script><img src="x.jpg" onerror="alert(2)">' })],
      [S1],
    );
    fireEvent.click(screen.getByRole('button', { name: 'Story' }));
    // The sanitizer loads on first use; the content appears once it has.
    await waitFor(() => expect(h.container.querySelector('.body .content')).not.toBeNull());
    const body = h.container.querySelector('.body')!;
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('[onerror]')).toBeNull();
    const link = body.querySelector('.content a')!;
    expect(link.getAttribute('href')).toBe('https://news.example/more');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(body.querySelector('img')!.getAttribute('src')).toBe('https://news.example/a/x.jpg');
    const original = within(body as HTMLElement).getByRole('link', { name: /original/ });
    expect(original.getAttribute('href')).toBe('https://news.example/a/story');
    expect(original.getAttribute('target')).toBe('_blank');
    await waitFor(async () => expect((await readItem(h.db, 'a'))!.read).toBe(1));
    expect(h.sent).toContainEqual({ type: 'itemsChanged' });
    expect(screen.getByRole('button', { name: 'Story' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('marks read and unread, stars, and marks all read', async () => {
    const h = await renderSidebar([item({ id: 'a', title: 'A' }), item({ id: 'b', title: 'B' })], [S1]);
    const rowA = rows(h.container)[0];
    fireEvent.click(within(rowA).getByRole('button', { name: 'Mark read: A' }));
    await waitFor(async () => expect((await readItem(h.db, 'a'))!.read).toBe(1));
    expect(within(rowA).getByRole('button', { name: 'Mark unread: A' })).toBeTruthy();
    fireEvent.click(within(rowA).getByRole('button', { name: 'Star: A' }));
    await waitFor(async () => expect((await readItem(h.db, 'a'))!.starred).toBe(1));
    expect(within(rowA).getByRole('button', { name: 'Remove star: A' }).getAttribute('aria-pressed')).toBe('true');
    const chip = (name: RegExp) => within(screen.getByRole('navigation', { name: 'Filters' })).getByRole('button', { name });
    // The counts follow each write (a count asked for during another runs once more after it).
    await waitFor(() => expect([chip(/Unread/).textContent, chip(/Starred/).textContent]).toEqual(['Unread1', 'Starred1']));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.read).toBe(1));
    await waitFor(() => expect(chip(/Unread/).textContent).toBe('Unread0'));
    expect(h.sent.filter((m) => m.type === 'itemsChanged').length).toBeGreaterThanOrEqual(3);
  });

  it('reads one page at first and the next on demand', async () => {
    const many = Array.from({ length: 120 }, (_, i) => item({ title: `Story ${i}`, published: NOW - i * MIN }));
    const { container } = await renderSidebar(many, [S1]);
    // A short first page, then full pages.
    expect(rows(container)).toHaveLength(12);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows(container)).toHaveLength(62));
    expect(titles(container)[12]).toBe('Story 12');
    expect(titles(container)[61]).toBe('Story 61');
  });
});

describe('breaking ticker', () => {
  it('shows breaking updates of the window newest first with times, unread ones marked', async () => {
    const h = await renderSidebar(
      [
        item({ id: 'b1', title: 'Officials confirm evacuation', breaking: 1, published: NOW - 2 * MIN }),
        item({ id: 'b2', title: 'Dam under pressure', breaking: 1, published: NOW - 20 * MIN, read: 1 }),
        item({ id: 'b3', title: 'Too old', breaking: 1, published: NOW - 200 * MIN }),
        item({ id: 'n', title: 'Ordinary', published: NOW }),
      ],
      [S1],
    );
    const ticker = screen.getByRole('region', { name: /Breaking/ });
    const ticks = [...ticker.querySelectorAll('.tick')] as HTMLElement[];
    expect(ticks.map((t) => t.querySelector('.tick-btn')!.textContent)).toEqual(['Officials confirm evacuation', 'Dam under pressure']);
    const described = (b: Element) => document.getElementById(b.getAttribute('aria-describedby')!)!.textContent;
    expect(ticks.map((t) => described(t.querySelector('.tick-btn')!))).toEqual(['Unread', 'Read']);
    expect(ticks[0].className).toContain('unread');
    expect(ticks[1].className).toContain('read');
    expect(ticks[0].querySelector('time')!.textContent).toMatch(/^\d{1,2}:\d{2}\s?[AP]M$/);
    fireEvent.click(ticks[0].querySelector('.tick-btn')!);
    await waitFor(async () => expect((await readItem(h.db, 'b1'))!.read).toBe(1));
    expect(ticks[0].querySelector('.body')).not.toBeNull();
  });

  it('follows the configured window', async () => {
    await saveSettings(fakeBrowser.storage.sync, { breakingWindowMin: 300 });
    await renderSidebar([item({ title: 'Three hours ago', breaking: 1, published: NOW - 180 * MIN })], [S1]);
    expect(screen.getByRole('region', { name: /Breaking/ }).textContent).toContain('Three hours ago');
  });

  it('is hidden when nothing is breaking', async () => {
    await renderSidebar([item({ title: 'calm' })], [S1]);
    expect(screen.queryByRole('region', { name: /Breaking/ })).toBeNull();
  });
});

describe('filters', () => {
  it('filters by unread, starred, topic and source, with counts', async () => {
    await saveTopic(fakeBrowser.storage.sync, { id: 't1', name: 'Floods', query: 'flood', sourceIds: [], notify: false, breaking: false, createdAt: 0 });
    const { container } = await renderSidebar(
      [
        item({ title: 'read one', read: 1 }),
        item({ title: 'starred one', starred: 1, read: 1 }),
        item({ title: 'flood one', topics: ['t1'] }),
        item({ title: 'tech one', sourceId: 's2' }),
      ],
      [S1, S2],
    );
    const nav = screen.getByRole('navigation', { name: 'Filters' });
    const chip = (name: RegExp) => within(nav).getByRole('button', { name });
    expect(chip(/All/).textContent).toBe('All4');
    expect(chip(/Unread/).textContent).toBe('Unread2');
    expect(chip(/Starred/).textContent).toBe('Starred1');
    expect(chip(/Floods/).textContent).toBe('Floods1');
    fireEvent.click(chip(/Unread/));
    await waitFor(() => expect(titles(container)).toEqual(['flood one', 'tech one']));
    expect(chip(/Unread/).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(chip(/Starred/));
    await waitFor(() => expect(titles(container)).toEqual(['starred one']));
    fireEvent.click(chip(/Floods/));
    await waitFor(() => expect(titles(container)).toEqual(['flood one']));
    // The sources (no folders here) behind one button, each with its unread count.
    fireEvent.click(within(nav).getByRole('button', { name: 'Sources' }));
    const list = container.querySelector('.folder-list') as HTMLElement;
    expect([...list.querySelectorAll('.fl-btn')].map((b) => b.textContent)).toEqual(['Tech Wire1', 'World Desk1']);
    fireEvent.click(within(list).getByRole('button', { name: 'Tech Wire1' }));
    await waitFor(() => expect(titles(container)).toEqual(['tech one']));
  });

  it('shows the topics an article matched as chips and marks their words', async () => {
    await saveTopic(fakeBrowser.storage.sync, { id: 't1', name: 'Floods', query: 'flood* -drill', sourceIds: [], notify: false, breaking: false, createdAt: 0 });
    const { container } = await renderSidebar([
      item({ title: 'Flooding closes the river road', summaryHtml: '<p>More floods expected tonight</p>', topics: ['t1'] }),
      item({ title: 'Quiet day at the harbour' }),
    ], [S1]);
    const rows = container.querySelectorAll('.list > li');
    await waitFor(() => expect(within(rows[0] as HTMLElement).getByRole('button', { name: 'Floods' })).toBeTruthy());
    expect([...rows[0].querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Flooding', 'floods']);
    expect(rows[1].querySelector('.topic-chips, mark')).toBeNull();
    fireEvent.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Floods' }));
    await waitFor(() => expect(titles(container)).toEqual(['Flooding closes the river road']));
    expect(screen.getByRole('button', { name: /Floods1/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when a filter is empty', async () => {
    await renderSidebar([item({ title: 'r', read: 1 })], [S1]);
    fireEvent.click(screen.getByRole('button', { name: /Unread/ }));
    await screen.findByText('You’re all caught up');
  });
});

describe('search', () => {
  it('answers as the user types, over titles and summaries', async () => {
    const { container } = await renderSidebar(
      [
        item({ title: 'Floods in Zürich', published: NOW - 10 * MIN }),
        item({ title: 'Election night', summaryHtml: 'Flooding closes polls', published: NOW - 5 * MIN }),
        item({ title: 'Markets', published: NOW }),
      ],
      [S1],
    );
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    fireEvent.input(box, { target: { value: 'flo' } });
    await waitFor(() => expect(titles(container)).toEqual(['Election night', 'Floods in Zürich']));
    expect(screen.getByRole('heading', { name: /2 results for “flo”/ })).toBeTruthy();
    fireEvent.input(box, { target: { value: 'zurich flo' } });
    await waitFor(() => expect(titles(container)).toEqual(['Floods in Zürich']));
    fireEvent.input(box, { target: { value: 'qqq' } });
    await screen.findByText('Nothing matches “qqq”');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(titles(container)).toHaveLength(3));
  });

  it('paints the first screenful of fresh results at once and the rest just after; a changed list stays whole', async () => {
    const many = Array.from({ length: 45 }, (_, i) => item({ title: `Harbour report ${i}`, published: NOW - i * MIN }));
    const { container, store } = await renderSidebar(many, [S1]);
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    // What the heading says, and whether it is busy, at every change.
    const head = container.querySelector('#list-h')!;
    const said: string[] = [];
    const watch = new MutationObserver(() => said.push(`${head.textContent}${head.getAttribute('aria-busy') === 'true' ? ' (busy)' : ''} [${rows(container).length}]`));
    watch.observe(head, { childList: true, subtree: true, characterData: true, attributes: true });
    fireEvent.input(box, { target: { value: 'harbour' } });
    // The first screenful is shown as soon as it is known, the heading busy until the count follows
    // (announced once, with the count); the other rows come a screenful at a time.
    await screen.findByRole('heading', { name: /45 results for “harbour”/ }, { timeout: 5000 });
    watch.disconnect();
    const screenful = screenfulOfRows(false);
    expect(said.filter((x) => !x.startsWith('Loading'))).toEqual([`Results for “harbour” (busy) [${screenful}]`, `45 results for “harbour” [${screenful}]`]);
    expect(head.hasAttribute('aria-busy')).toBe(false);
    expect(rows(container)).toHaveLength(screenful);
    // End (on a row) reaches the last result although its row was not rendered yet.
    const top = screen.getByRole('button', { name: 'Harbour report 0' });
    top.focus();
    fireEvent.keyDown(top, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Harbour report 44'));
    expect(screenfulOfRows(false)).toBeLessThan(40);
    await waitFor(() => expect(rows(container)).toHaveLength(45));
    expect(titles(container)[44]).toBe('Harbour report 44');
    // Marking one read changes the list, not its rows: all stay.
    await store.toggleRead(store.visible.value[0]!.id);
    expect(rows(container)).toHaveLength(45);
    expect(rows(container)[0]!.classList.contains('read')).toBe(true);
  });
});

describe('keyboard', () => {
  it('j/k move, o opens, m toggles read, s stars, / searches, Esc goes back', async () => {
    const h = await renderSidebar([item({ id: 'a', title: 'A' }), item({ id: 'b', title: 'B' }), item({ id: 'c', title: 'C' })], [S1]);
    const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });
    key('j');
    expect(document.activeElement?.textContent).toBe('A');
    key('j');
    key('j');
    key('k');
    expect(document.activeElement?.textContent).toBe('B');
    expect(h.store.focusId.value).toBe('b');
    key('m', document.activeElement!);
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.read).toBe(1));
    key('m', document.activeElement!);
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.read).toBe(0));
    key('s', document.activeElement!);
    await waitFor(async () => expect((await readItem(h.db, 'b'))!.starred).toBe(1));
    key('o', document.activeElement!);
    await waitFor(() => expect(h.container.querySelector('.row.open .body')).not.toBeNull());
    key('Escape', document.activeElement!);
    await waitFor(() => expect(h.container.querySelector('.row.open')).toBeNull());
    expect(document.activeElement?.textContent).toBe('B');
    key('/');
    const box = screen.getByRole('searchbox');
    expect(document.activeElement).toBe(box);
    key('j', box); // typing in the search box is not a shortcut
    expect(h.store.focusId.value).toBe('b');
    fireEvent.input(box, { target: { value: 'C' } });
    await waitFor(() => expect(titles(h.container)).toEqual(['C']));
    key('Escape', box);
    await waitFor(() => expect(titles(h.container)).toHaveLength(3));
  });

  it('shows a visible focus target on the focused row', async () => {
    const { container } = await renderSidebar([item({ title: 'A' })], [S1]);
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(container.querySelector('.row.focused')).not.toBeNull());
  });
});

describe('new items while open', () => {
  it('inserts at the top when the user is at the top with nothing open', async () => {
    const h = await renderSidebar([item({ title: 'Old' })], [S1]);
    await h.db.put('items', toRecord(item({ title: 'Brand new', published: NOW + MIN })));
    h.emit({ type: 'newItems', count: 1, sourceIds: ['s1'] });
    await waitFor(() => expect(titles(h.container)).toEqual(['Brand new', 'Old']));
  });

  it('waits behind an "N new" pill while the user reads, and shows them on click', async () => {
    const h = await renderSidebar([item({ title: 'Old' })], [S1]);
    fireEvent.click(screen.getByRole('button', { name: 'Old' }));
    await h.db.put('items', toRecord(item({ title: 'New 1', published: NOW + MIN })));
    await h.db.put('items', toRecord(item({ title: 'New 2', published: NOW + 2 * MIN })));
    h.emit({ type: 'newItems', count: 2, sourceIds: ['s1'] });
    const pill = await screen.findByRole('button', { name: /2 new/ });
    expect(titles(h.container)).toEqual(['Old']);
    fireEvent.click(pill);
    await waitFor(() => expect(titles(h.container)).toEqual(['New 2', 'New 1', 'Old']));
    expect(screen.queryByRole('button', { name: /new$/ })).toBeNull();
  });

  it('refresh asks the background to poll', async () => {
    const h = await renderSidebar([], [S1]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Refresh' })[0]);
    expect(h.sent).toContainEqual({ type: 'refresh' });
  });

  it('reloads topics when they change in the options page', async () => {
    const h = await renderSidebar([item({ title: 'flood', topics: ['t9'] })], [S1]);
    expect(screen.queryByRole('button', { name: /Rivers/ })).toBeNull();
    await saveTopic(fakeBrowser.storage.sync, { id: 't9', name: 'Rivers', query: 'flood', sourceIds: [], notify: false, breaking: false, createdAt: 0 });
    h.storageChanged(['topicIds', 'topic:t9']);
    const nav = screen.getByRole('navigation', { name: 'Filters' });
    await within(nav).findByRole('button', { name: /Rivers/ });
    // The article now shows the topic it matches.
    await screen.findByRole('button', { name: 'Rivers' });
  });
});

describe('states', () => {
  it('first run: no sources, the welcome links to the import in the settings', async () => {
    const h = await renderSidebar([], []);
    screen.getByText('Welcome to Newsbar');
    fireEvent.click(screen.getByRole('button', { name: 'import it in the settings' }));
    expect(h.optionsSections).toEqual(['import-export']);
  });

  it('waiting for the first poll', async () => {
    await renderSidebar([], [source({ id: 's1', name: 'World', health: 'new' })]);
    screen.getByText('Fetching your news…');
  });

  it('failing sources show their error in words and a way to fix them', async () => {
    const h = await renderSidebar([item({ title: 'x' })], [S1, source({ id: 's3', name: 'Broken Feed', health: 'error', problem: { code: 'http', status: 404 } })]);
    screen.getByText('1 source has a problem');
    screen.getByText(/the server answered 404/);
    fireEvent.click(screen.getByRole('button', { name: 'Check sources in settings' }));
    expect(h.optionsOpened).toBe(1);
    // Straight to the source manager, the failing ones first.
    expect(h.optionsSections).toEqual(['sources-failing']);
  });

  it('offline says so', async () => {
    const h = await renderSidebar([item({ title: 'x' })], [S1]);
    expect(screen.queryByText(/offline/)).toBeNull();
    h.setOnline(false);
    await screen.findByText(/You’re offline/);
  });
});
