// Mute rules in the sidebar: muted articles are not listed; "Show muted (N)" shows them dimmed with
// the rule that hides them; "Mute stories like this…" on an opened row prefills a rule from its title,
// counts what it would hide, saves it and asks the worker to apply it, and the row goes.
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';
import { loadMuteRules, saveMuteRule } from '@/utils/mutes/store';
import { rematchMutes } from '@/utils/mutes/rematch';
import { listSources } from '@/utils/db/sources';

configure({ asyncUtilTimeout: 5000 });

const S1 = source({ id: 's1', name: 'World Desk' });
const titles = (c: HTMLElement) => [...c.querySelectorAll('.list .title-btn')].map((b) => b.textContent!.trim());

describe('mute rules in the sidebar', { timeout: 20_000 }, () => {
  it('hides muted articles; "Show muted" shows them dimmed with the rule', async () => {
    await saveMuteRule(fakeBrowser.storage.sync, { id: 'm-1', query: 'horoscope', sourceIds: [], folders: [], createdAt: 0 });
    const h = await renderSidebar([
      item({ id: 'a', title: 'Budget passes', published: NOW - MIN }),
      item({ id: 'b', title: 'Your horoscope for Monday', published: NOW - 2 * MIN, muted: ['m-1'] }),
    ], [S1]);
    await waitFor(() => expect(titles(h.container)).toEqual(['Budget passes']));
    const toggle = await screen.findByRole('button', { name: 'Show muted (1)' });
    fireEvent.click(toggle);
    await waitFor(() => expect(titles(h.container)).toEqual(['Budget passes', 'Your horoscope for Monday']));
    const row = h.container.querySelector('.row[data-id="b"]')!;
    expect(row.classList.contains('muted-row')).toBe(true);
    expect(row.textContent).toContain('Muted by horoscope');
    fireEvent.click(screen.getByRole('button', { name: 'Hide muted' }));
    await waitFor(() => expect(titles(h.container)).toEqual(['Budget passes']));
  });

  it('"Mute stories like this…" prefills a phrase, previews, saves, and the rows go once the worker applied it', async () => {
    const h = await renderSidebar([
      item({ id: 'a', title: 'Crypto exchange collapses overnight', published: NOW - MIN }),
      item({ id: 'b', title: 'Another crypto exchange collapses', published: NOW - 2 * MIN }),
      item({ id: 'c', title: 'Budget passes', published: NOW - 3 * MIN }),
    ], [S1]);
    await waitFor(() => expect(titles(h.container)).toHaveLength(3));
    fireEvent.click(h.container.querySelector('.row[data-id="a"] .title-btn')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Mute stories like this…' }));
    const query = screen.getByLabelText('Hide articles that match') as HTMLInputElement;
    expect(query.value).toBe('"crypto exchange collapses"');
    expect(screen.getByLabelText('Only from World Desk')).toBeTruthy();
    expect(await screen.findByText('Would hide 2 stored articles')).toBeTruthy();
    fireEvent.input(query, { target: { value: 'title:overnight' } });
    expect(await screen.findByText('Would hide 1 stored article')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Only from World Desk'));
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    await waitFor(() => expect(h.sent).toContainEqual({ type: 'mutesChanged' }));
    const rules = await loadMuteRules(fakeBrowser.storage.sync);
    expect(rules).toMatchObject([{ query: 'title:overnight', sourceIds: ['s1'], folders: [] }]);
    // What the worker does on 'mutesChanged', then its word to open pages.
    await rematchMutes(h.db, rules, await listSources(h.db), { pause: async () => {} });
    h.emit({ type: 'itemsChanged' });
    await waitFor(() => expect(titles(h.container)).toEqual(['Another crypto exchange collapses', 'Budget passes']));
    expect(await screen.findByRole('button', { name: 'Show muted (1)' })).toBeTruthy();
  });
});
