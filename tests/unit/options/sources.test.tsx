import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AddSourceForm } from '@/components/options/AddSourceForm';
import { ApiSourceForm } from '@/components/options/ApiSourceForm';
import { SourcesSection } from '@/components/options/SourcesSection';
import { UndoBar } from '@/components/options/UndoBar';
import { addSource, listSources } from '@/utils/db/sources';
import { fakeEnv, loadLaterModules, RSS } from './fake-env';

beforeAll(loadLaterModules, 60_000);

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Live</title><id>urn:live</id><updated>2026-01-01T00:00:00Z</updated>
<entry><id>urn:e1</id><title>Ferry delayed</title><updated>2026-01-01T00:00:00Z</updated></entry></feed>`;

const addButton = () => screen.getByRole('button', { name: 'Add' });

describe('AddSourceForm', () => {
  it('says next to the field what is wrong with the address', async () => {
    const { store } = fakeEnv();
    render(<AddSourceForm store={store} />);
    const input = screen.getByLabelText('Feed or website address');
    fireEvent.click(addButton());
    expect(await screen.findByText(/Enter the address/)).toBeTruthy();
    fireEvent.input(input, { target: { value: 'not a url' } });
    fireEvent.click(addButton());
    const err = await screen.findByText(/not a web address/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(err.id);
  });

  it('refuses a duplicate', async () => {
    const { store, db } = fakeEnv();
    await addSource(await db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    await store.load();
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'harbour.example/rss' } });
    fireEvent.click(addButton());
    expect(await screen.findByText(/already in your list/)).toBeTruthy();
  });

  it('adds a feed: asks for the host, detects the kind, takes the feed title, tells the background', async () => {
    const { store, env, sent, db } = fakeEnv({ 'https://harbour.example/rss': { text: RSS } });
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'https://harbour.example/rss' } });
    fireEvent.click(addButton());
    await waitFor(async () => expect(await listSources(await db)).toHaveLength(1));
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://harbour.example/*']);
    expect((await listSources(await db))[0]).toMatchObject({ name: 'Harbour News', kind: 'rss', url: 'https://harbour.example/rss' });
    // The worker writes it (the one writer of the sources), asked with the one message.
    expect(sent).toContainEqual({ type: 'changeSources', change: { op: 'add', source: { name: 'Harbour News', url: 'https://harbour.example/rss', kind: 'rss', aliases: [] } } });
  });

  it('offers the feeds a web page announces', async () => {
    const page = `<!doctype html><html><head><link rel="alternate" type="application/atom+xml" title="Harbour Live" href="/live.atom"></head></html>`;
    const { store, db } = fakeEnv({ 'https://harbour.example/': { text: page, contentType: 'text/html' }, 'https://harbour.example/live.atom': { text: ATOM } });
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'https://harbour.example/' } });
    fireEvent.click(addButton());
    const offer = await screen.findByRole('button', { name: 'Add Harbour Live' });
    fireEvent.click(offer);
    await waitFor(async () => expect((await listSources(await db))[0]).toMatchObject({ url: 'https://harbour.example/live.atom', kind: 'atom', name: 'Harbour Live' }));
  });

  it('keeps the found feeds open after adding one, and adds the rest with "Add all"', async () => {
    const page = `<!doctype html><html><head>
      <link rel="alternate" type="application/atom+xml" title="Harbour Live" href="/live.atom">
      <link rel="alternate" type="application/rss+xml" title="Harbour News" href="/rss">
      <link rel="alternate" type="application/rss+xml" title="Harbour Sport" href="/sport.rss"></head></html>`;
    const { store, env, db } = fakeEnv({
      'https://harbour.example/': { text: page, contentType: 'text/html' },
      'https://harbour.example/live.atom': { text: ATOM },
      'https://harbour.example/rss': { text: RSS },
      'https://harbour.example/sport.rss': { text: RSS.replace('Harbour News', 'Harbour Sport') },
    });
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'https://harbour.example/' } });
    fireEvent.click(addButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Add Harbour Live' }));
    await waitFor(async () => expect(await listSources(await db)).toHaveLength(1));
    // The list stays open: the one added says so, the others are still offered.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add Harbour Live' })).toBeNull());
    expect(screen.getByText('This page offers these feeds:')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add Harbour News' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add all (2)' }));
    await waitFor(async () => expect((await listSources(await db)).map((s) => s.name).sort()).toEqual(['Harbour Live', 'Harbour News', 'Harbour Sport']));
    expect(env.requestOrigins).toHaveBeenLastCalledWith(['https://harbour.example/*']);
    await waitFor(() => expect(screen.getAllByText('Already added')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /Add all/ })).toBeNull();
  });

  it('adds nothing without the permission, and says so', async () => {
    const { store, env, db } = fakeEnv({ 'https://harbour.example/rss': { text: RSS } }, { grant: false });
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'https://harbour.example/rss' } });
    fireEvent.click(addButton());
    expect(await screen.findByText(/needs your permission/)).toBeTruthy();
    expect(env.fetch).not.toHaveBeenCalled();
    expect(await listSources(await db)).toEqual([]);
  });

  it('says in words when the address gives no feed', async () => {
    const { store } = fakeEnv({ 'https://harbour.example/x': { status: 404 } });
    render(<AddSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value: 'https://harbour.example/x' } });
    fireEvent.click(addButton());
    expect(await screen.findByText('The server answered 404: nothing is at this address any more.')).toBeTruthy();
  });
});

describe('adding: one fetcher, full addresses, one feed once', () => {
  const submit = (value: string) => {
    fireEvent.input(screen.getByLabelText('Feed or website address'), { target: { value } });
    fireEvent.click(addButton());
  };

  it('reads a windows-1252 feed with the poller\'s fetcher: its name comes out right', async () => {
    const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Caf';
    const tail = ' “Zürich” News</title><item><guid>1</guid><title>x</title></item></channel></rss>';
    const bytes = new Uint8Array([...Buffer.from(head), 0xe9, ...Buffer.from(tail.replace('“Zürich”', 'ZZZ'))]);
    // “ 0x93, ü 0xfc, ” 0x94 in windows-1252
    const zz = bytes.indexOf(0x5a);
    bytes.set([0x93, 0x5a, 0xfc], zz);
    const full = new Uint8Array([...bytes.slice(0, zz + 3), ...Buffer.from('rich'), 0x94, ...bytes.slice(zz + 3)]);
    const { store, db } = fakeEnv({ 'https://cafe.example/rss': { bytes: full, contentType: 'application/rss+xml; charset=windows-1252' } });
    render(<AddSourceForm store={store} />);
    submit('https://cafe.example/rss');
    await waitFor(async () => expect((await listSources(await db))[0]?.name).toBe('Café “Zürich” News'));
  });

  it.each(['/feed.xml', './rss', 'feed.xml', '?format=rss'])('%j: says a full address is needed, fetches nothing', async (typed) => {
    const { store, env, db } = fakeEnv();
    render(<AddSourceForm store={store} />);
    submit(typed);
    expect(await screen.findByText(/A full address is needed/)).toBeTruthy();
    expect((screen.getByLabelText('Feed or website address') as HTMLInputElement).value).toBe(typed);
    expect(env.fetch).not.toHaveBeenCalled();
    expect(await listSources(await db)).toEqual([]);
  });

  it.each([
    'http://harbour.example/rss',
    'https://harbour.example/rss/',
    'https://HARBOUR.example/rss?utm_source=newsletter&utm_medium=email',
    'https://harbour.example/rss#top',
  ])('refuses %j: the same feed under another spelling', async (typed) => {
    const { store, env, db } = fakeEnv();
    await addSource(await db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    await store.load();
    render(<AddSourceForm store={store} />);
    submit(typed);
    expect(await screen.findByText('This feed is already in your list, as “Harbour”.')).toBeTruthy();
    expect(env.fetch).not.toHaveBeenCalled();
    expect(await listSources(await db)).toHaveLength(1);
  });

  it('refuses an address that redirects to a feed in the list, and one whose self link is in the list', async () => {
    const selfRss = RSS.replace('<channel>', '<channel><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://harbour.example/rss"/>');
    const { store, db } = fakeEnv({
      'https://short.example/h': { text: RSS, finalUrl: 'https://harbour.example/rss' },
      'https://mirror.example/harbour.xml': { text: selfRss },
    });
    await addSource(await db, { name: 'Harbour', url: 'http://harbour.example/rss' });
    await store.load();
    render(<AddSourceForm store={store} />);
    submit('https://short.example/h');
    expect(await screen.findByText(/already in your list/)).toBeTruthy();
    submit('https://mirror.example/harbour.xml');
    await waitFor(() => expect((screen.getByLabelText('Feed or website address') as HTMLInputElement).value).toBe('https://mirror.example/harbour.xml'));
    expect(await screen.findByText(/already in your list/)).toBeTruthy();
    expect(await listSources(await db)).toHaveLength(1);
  });

  it('remembers where a new feed redirected, so that address is refused later', async () => {
    const { store, db } = fakeEnv({ 'https://short.example/h': { text: RSS, finalUrl: 'https://harbour.example/rss' } });
    render(<AddSourceForm store={store} />);
    submit('https://short.example/h');
    await waitFor(async () => expect(await listSources(await db)).toHaveLength(1));
    expect((await listSources(await db))[0]).toMatchObject({ url: 'https://short.example/h', aliases: ['https://harbour.example/rss'] });
    await waitFor(() => expect((screen.getByLabelText('Feed or website address') as HTMLInputElement).value).toBe(''));
    submit('http://harbour.example/rss/');
    expect(await screen.findByText(/already in your list, as “Harbour News”/)).toBeTruthy();
  });
});

describe('API sources', () => {
  it('keeps the key in local storage only, and shows it masked', async () => {
    const { store, db } = fakeEnv();
    render(<SourcesSection store={store} />);
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'abcd1234efgh5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add API source' }));
    await waitFor(async () => expect(await listSources(await db)).toHaveLength(1));
    const [src] = await listSources(await db);
    expect(src.kind).toBe('newsapi');
    expect(await fakeBrowser.storage.local.get(`apiKey:${src.id}`)).toEqual({ [`apiKey:${src.id}`]: 'abcd1234efgh5678' });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('abcd1234');
    fireEvent.click(await screen.findByRole('button', { name: src.name }));
    expect(await screen.findByText(/key abcd…5678/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('abcd1234efgh5678');
  });

  it('a GNews source with the same query as a NewsAPI source is another source (a duplicate is the same kind\'s same request)', async () => {
    const { store, db } = fakeEnv();
    await addSource(await db, { name: 'NewsAPI', url: 'storm', kind: 'newsapi' });
    await store.load();
    render(<ApiSourceForm store={store} />);
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'gnews' } });
    fireEvent.input(screen.getByLabelText(/Search words or API address/), { target: { value: 'storm' } });
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'abcd1234efgh5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add API source' }));
    await waitFor(async () => expect((await listSources(await db)).map((s) => s.kind).sort()).toEqual(['gnews', 'newsapi']));
    expect(document.body.textContent).not.toMatch(/ProblemError|already in your list/);
  });

  it('words a refused duplicate from its code, never an exception\'s text', async () => {
    const { store, db } = fakeEnv();
    await store.load();
    await addSource(await db, { name: 'Storm wire', url: 'storm', kind: 'newsapi' }); // added elsewhere since the page loaded
    render(<ApiSourceForm store={store} />);
    fireEvent.input(screen.getByLabelText(/Search words or API address/), { target: { value: 'storm' } });
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'abcd1234efgh5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add API source' }));
    expect(await screen.findByText(/already in your list, as “Storm wire”/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/ProblemError|\{"code"/);
  });

  it('wants a key', async () => {
    const { store } = fakeEnv();
    render(<ApiSourceForm store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add API source' }));
    expect(await screen.findByText('Enter your API key.')).toBeTruthy();
  });
});

describe('source details', () => {
  it('shows state in words; Remove asks nothing and offers Undo; the source is deleted when the offer runs out', async () => {
    const { store, db, sent } = fakeEnv();
    const src = await addSource(await db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    await (await db).put('sources', { ...src, health: 'error', lastPollAt: 1, problem: { code: 'http', status: 404 } });
    await store.load();
    render(<><SourcesSection store={store} /><UndoBar store={store} /></>);
    fireEvent.click(screen.getByRole('button', { name: 'Harbour' }));
    expect(screen.getByText(/^Articles: 0$/)).toBeTruthy();
    expect(screen.getByText('Last check failed: the server answered 404: nothing is at this address any more')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Removed Harbour and its 0 articles.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Harbour' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Harbour' })).toBeTruthy();
    expect(await listSources(await db)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Harbour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByText('Removed Harbour and its 0 articles.');
    await store.commitRemoval(); // what the timer does after UNDO_MS
    await waitFor(async () => expect(await listSources(await db)).toEqual([]));
    await waitFor(() => expect(sent).toContainEqual({ type: 'changeSources', change: { op: 'remove', ids: [src.id], unsubscribe: true } }));
    expect(screen.queryByText(/Removed Harbour/)).toBeNull();
  });
});

describe('source list sync note', () => {
  it('says plainly when the list is too large to sync, and how much it takes when it syncs', async () => {
    const { store } = fakeEnv();
    await fakeBrowser.storage.local.set({ sourceListSync: { bytes: 70_000, budget: 65_536, tooLarge: true } });
    await store.load();
    const { unmount } = render(<SourcesSection store={store} />);
    expect(screen.getByText(/^Your source list is too large to sync \(69 KB; the browser's sync allows Newsbar 64 KB for it\)/)).toBeTruthy();
    unmount();
    await fakeBrowser.storage.local.set({ sourceListSync: { bytes: 12_000, budget: 65_536, tooLarge: false } });
    await store.load();
    render(<SourcesSection store={store} />);
    expect(screen.getByText(/\(12 KB of the 64 KB it may use\)\. API keys stay on this device\./)).toBeTruthy();
  });
});
