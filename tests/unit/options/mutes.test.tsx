// The options page's mute rules: add with a live count of what would be hidden, a bad query said at the
// field with nothing saved, edit, remove; rules kept in synced storage.
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MutesSection } from '@/components/options/MutesSection';
import { loadMuteRules, saveMuteRule } from '@/utils/mutes/store';
import { fakeEnv, loadLaterModules, storeItem } from './fake-env';

beforeAll(loadLaterModules, 60_000);


describe('mute rules in the options page', () => {
  it('adds a rule with a live count of what it would hide, kept in synced storage', async () => {
    const { store, db } = fakeEnv();
    await storeItem(db, 'a', 'Your horoscope for Monday');
    await storeItem(db, 'b', 'Horoscope special');
    await storeItem(db, 'c', 'Budget passes');
    await store.load();
    render(<MutesSection store={store} />);
    expect(screen.getByText('No mute rules.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a mute rule' }));
    const query = screen.getByLabelText('Hide articles that match');
    fireEvent.input(query, { target: { value: 'horoscope' } });
    expect(await screen.findByText('Would hide 2 stored articles')).toBeTruthy();
    fireEvent.input(query, { target: { value: 'title:"your horoscope"' } });
    expect(await screen.findByText('Would hide 1 stored article')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    await waitFor(async () => expect(await loadMuteRules(fakeBrowser.storage.sync)).toHaveLength(1));
    const [rule] = await loadMuteRules(fakeBrowser.storage.sync);
    expect(rule).toMatchObject({ query: 'title:"your horoscope"', sourceIds: [], folders: [], createdAt: 1_700_000_000_000 });
    expect(rule!.id).toMatch(/^m-/);
    expect(await screen.findByText('title:"your horoscope"')).toBeTruthy();
  });

  it('says where a query is malformed and saves nothing', async () => {
    const { store } = fakeEnv();
    await store.load();
    render(<MutesSection store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a mute rule' }));
    const query = screen.getByLabelText('Hide articles that match');
    fireEvent.input(query, { target: { value: 'crypto "nft' } });
    const err = await screen.findByText('This quote is never closed (at character 8).');
    expect(query.getAttribute('aria-describedby')).toContain(err.id);
    expect(screen.getByText('Fix the query to see what it would hide.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(await loadMuteRules(fakeBrowser.storage.sync)).toEqual([]);
  });

  it('limits a rule to a folder, edits and removes it', async () => {
    const { store, db } = fakeEnv();
    const { addSource } = await import('@/utils/db/sources');
    await addSource(await db, { name: 'Wire', url: 'https://wire.example/rss', folder: 'Tech' });
    await saveMuteRule(fakeBrowser.storage.sync, { id: 'm-1', query: 'crypto', sourceIds: [], folders: [], createdAt: 0 });
    await store.load();
    render(<MutesSection store={store} />);
    expect(screen.getByText('Hides 0 articles')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByLabelText('Only in chosen sources and folders'));
    fireEvent.click(screen.getByLabelText('Folder Tech'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await loadMuteRules(fakeBrowser.storage.sync))[0]).toMatchObject({ id: 'm-1', folders: ['Tech'], sourceIds: [] }));
    expect(await screen.findByText('Only in Folder Tech')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await loadMuteRules(fakeBrowser.storage.sync)).toEqual([]));
    expect(await screen.findByText('No mute rules.')).toBeTruthy();
  });
});

