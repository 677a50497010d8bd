import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TopicsSection } from '@/components/options/TopicsSection';
import { ImportExportSection } from '@/components/options/ImportExportSection';
import { SettingsSection } from '@/components/options/SettingsSection';
import { loadTopics } from '@/utils/topics/store';
import { loadSettings } from '@/utils/settings';
import { addSource, listSources } from '@/utils/db/sources';
import { fakeEnv, loadLaterModules, storeItem } from './fake-env';

beforeAll(loadLaterModules, 60_000);


describe('synced storage full', () => {
  it.each([
    ['QUOTA_BYTES quota exceeded', /synced storage for settings and topics is full/],
    ['QUOTA_BYTES_PER_ITEM quota exceeded', /too large to sync/],
    ['MAX_ITEMS quota exceeded', /too many topics to sync/],
    ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', /wait a minute/i],
  ])('%s: said next to the query, with what to do, and the typed topic kept', async (message, words) => {
    const { store, env } = fakeEnv();
    await store.load();
    const real = env.sync;
    env.sync = { get: (k) => real.get(k), set: async () => { throw new Error(message); }, remove: (k) => real.remove!(k) };
    render(<TopicsSection store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Storms' } });
    fireEvent.input(screen.getByLabelText('Look for'), { target: { value: 'storm OR gale' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add topic' })[0]);
    const err = await screen.findByText(words);
    expect(err.textContent).toMatch(/Nothing was saved/i);
    const query = screen.getByLabelText('Look for') as HTMLInputElement;
    expect(query.getAttribute('aria-describedby')).toContain(err.id);
    expect(query.value).toBe('storm OR gale');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Storms');
    expect(await loadTopics(real)).toEqual([]);
  });
});

describe('topic editor', () => {
  it('shows where a query is malformed, as you type', async () => {
    const { store } = fakeEnv();
    await store.load();
    render(<TopicsSection store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    const query = screen.getByLabelText('Look for');
    fireEvent.input(query, { target: { value: 'storm "coast' } });
    const err = await screen.findByText('This quote is never closed (at character 7).');
    expect(query.getAttribute('aria-describedby')).toContain(err.id);
    expect(screen.getByText('Fix the query to see what it matches.')).toBeTruthy();
  });

  it('refuses an empty topic with messages next to both fields', async () => {
    const { store } = fakeEnv();
    await store.load();
    render(<TopicsSection store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Add topic' })[0]);
    expect(await screen.findByText('Give the topic a name.')).toBeTruthy();
    expect(screen.getByText('Type what to look for.')).toBeTruthy();
    expect(await loadTopics(fakeBrowser.storage.sync)).toEqual([]);
  });

  it('previews matches live and saves to sync storage', async () => {
    const { store, db, sent } = fakeEnv();
    await storeItem(db, 'a', 'Storm hits the coast');
    await storeItem(db, 'b', 'Calm seas');
    await store.load();
    render(<TopicsSection store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Storms' } });
    fireEvent.input(screen.getByLabelText('Look for'), { target: { value: 'storm' } });
    expect(await screen.findByText('Stored articles that match: 1')).toBeTruthy();
    expect(screen.getByText('Storm').tagName).toBe('MARK');
    fireEvent.click(screen.getAllByRole('button', { name: 'Add topic' })[0]);
    await waitFor(async () => expect(await loadTopics(fakeBrowser.storage.sync)).toHaveLength(1));
    const [topic] = await loadTopics(fakeBrowser.storage.sync);
    expect(topic).toMatchObject({ name: 'Storms', query: 'storm', notify: true, breaking: false, sourceIds: [], createdAt: 1_700_000_000_000 });
    await waitFor(() => expect(sent).toContainEqual({ type: 'topicsChanged', topicIds: [topic.id] }));
  });
});

describe('settings', () => {
  it('saves the badge mode and snoozes', async () => {
    const { store, sent } = fakeEnv();
    await store.load();
    render(<SettingsSection store={store} />);
    fireEvent.click(screen.getByLabelText('Topic alerts'));
    await waitFor(async () => expect((await loadSettings(fakeBrowser.storage.sync)).badgeMode).toBe('alerts'));
    expect(sent).toContainEqual({ type: 'badgeMode', mode: 'alerts' });
    fireEvent.click(screen.getByRole('button', { name: 'For 1 hour' }));
    await waitFor(async () => expect((await loadSettings(fakeBrowser.storage.sync)).snoozeUntil).toBe(1_700_000_000_000 + 3600_000));
  });

  it('says when a number is out of range, and keeps the old value', async () => {
    const { store } = fakeEnv();
    await store.load();
    render(<SettingsSection store={store} />);
    const days = screen.getByLabelText('Keep articles for');
    fireEvent.input(days, { target: { value: '0' } });
    fireEvent.change(days);
    expect(await screen.findByText('Enter a whole number from 1 to 365.')).toBeTruthy();
    expect((await loadSettings(fakeBrowser.storage.sync)).retentionDays).toBe(30);
  });
});

describe('OPML import', () => {
  it('bad OPML: a clear error, nothing imported', async () => {
    const { store, db } = fakeEnv();
    await store.load();
    const { container } = render(<ImportExportSection store={store} />);
    const input = container.querySelector('input[type=file][accept^=".opml"]') as HTMLInputElement;
    const file = new File(['<html>not opml</html>'], 'feeds.opml', { type: 'text/xml' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not an OPML subscription list. Nothing was imported/);
    expect(await listSources(await db)).toEqual([]);
  });

  it('mixed OPML: the good entries imported, the bad ones listed with the reason, the known ones named as skipped', async () => {
    const { store, db, sent } = fakeEnv();
    await addSource(await db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    await store.load();
    const { container } = render(<ImportExportSection store={store} />);
    const input = container.querySelector('input[type=file][accept^=".opml"]') as HTMLInputElement;
    const opml = `<opml version="2.0"><body>
      <outline text="A" xmlUrl="https://a.example/rss"/>
      <outline text="Harbour again" xmlUrl="http://harbour.example/rss/?utm_source=opml"/>
      <outline text="Relative" xmlUrl="/feed.xml"/>
      <outline text="Broken" xmlUrl="javascript:alert(1)"/>
      <outline text="A twice" xmlUrl="https://a.example/rss#x"/>
    </body></opml>`;
    Object.defineProperty(input, 'files', { value: [new File([opml], 'feeds.opml')], configurable: true });
    fireEvent.change(input);
    expect(await screen.findByText('This file lists 1 new feed; 2 are already in your list and 2 cannot be imported.')).toBeTruthy();
    expect(screen.getByText('Not imported (2), with the reason:')).toBeTruthy();
    expect(document.body.textContent).toContain('Relative (/feed.xml): a full address is needed');
    expect(document.body.textContent).toContain('Broken (javascript:alert(1)): this is not a web address');
    expect(screen.getByText('Harbour again, as “Harbour”')).toBeTruthy();
    expect(screen.getByText('A twice, as “A”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(async () => expect((await listSources(await db)).map((s) => s.name).sort()).toEqual(['A', 'Harbour']));
    expect(await screen.findByText('Imported 1 feeds; 2 already in your list were skipped; 2 could not be imported.')).toBeTruthy();
    // The report stays: the user can see what was left out after the import too.
    expect(document.body.textContent).toContain('Relative (/feed.xml): a full address is needed');
    expect(sent).toContainEqual({ type: 'changeSources', change: { op: 'import', sources: expect.arrayContaining([expect.objectContaining({ name: 'A', url: 'https://a.example/rss' })]) } });
  });

  it('good OPML: summary first, then one import with one permission prompt', async () => {
    const { store, env, db } = fakeEnv();
    await store.load();
    const { container } = render(<ImportExportSection store={store} />);
    const input = container.querySelector('input[type=file][accept^=".opml"]') as HTMLInputElement;
    const opml = `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/><outline text="B" xmlUrl="https://b.example/atom"/></body></opml>`;
    Object.defineProperty(input, 'files', { value: [new File([opml], 'feeds.opml')], configurable: true });
    fireEvent.change(input);
    expect(await screen.findByText('This file lists 2 new feeds; 0 are already in your list and 0 cannot be imported.')).toBeTruthy();
    expect(await listSources(await db)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(async () => expect(await listSources(await db)).toHaveLength(2));
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://a.example/*', 'https://b.example/*']);
  });
});
