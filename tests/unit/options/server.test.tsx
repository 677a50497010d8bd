// The options page's "Feed server" section: the labelled form, the host asked for at connect, a
// refused password said in words (nothing saved), the connected state, and Disconnect's question.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ServerSection } from '@/components/options/ServerSection';
import { createServerModel } from '@/components/options/models/server';
import { FEED_SERVER_KEY } from '@/utils/storage-keys';
import type { Message } from '@/utils/messages';
import { readOpml } from '@/utils/opml';
import { metaOf, readQueue } from '@/utils/feed-server/records';
import { fakeEnv } from './fake-env';

function setup(answer: (m: Message) => unknown, grant = true) {
  const asked: Message[] = [];
  const env = {
    local: fakeBrowser.storage.local,
    ask: vi.fn(async (m: Message) => (asked.push(m), answer(m))),
    requestOrigins: vi.fn(async () => grant),
    onStorageChanged: () => () => {},
  };
  const model = createServerModel(env);
  render(<ServerSection model={model} now={() => Date.now()} locale="en" onChanged={() => {}} />);
  return { env, asked, model };
}

function fill(address: string, password: string) {
  fireEvent.input(screen.getByLabelText('Server address'), { target: { value: address } });
  fireEvent.input(screen.getByLabelText('User name'), { target: { value: 'alice' } });
  fireEvent.input(screen.getByLabelText('API password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
}

describe('Feed server section', () => {
  it('a refused password is said in words and changes nothing', async () => {
    const { env, asked } = setup(() => ({ ok: false, problem: { code: 'serverRefused' } }));
    fill('http://127.0.0.1:8390/api/greader.php', 'wrong');
    expect(await screen.findByText(/refused the user name or API password/)).toBeTruthy();
    expect(env.requestOrigins).toHaveBeenCalledWith(['http://127.0.0.1/*']);
    expect(asked[0]).toMatchObject({ type: 'serverConnect', user: 'alice', password: 'wrong' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(screen.queryByTestId('server-connected')).toBeNull();
  });

  it('refuses plain http off this computer before asking anything', async () => {
    const { env, asked } = setup(() => undefined);
    fill('http://news.example/api/greader.php', 'x');
    expect(await screen.findByText(/must start with https/)).toBeTruthy();
    expect(env.requestOrigins).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
  });

  it('without the host permission nothing is sent', async () => {
    const { asked } = setup(() => undefined, false);
    fill('https://rss.example', 'secret');
    expect(await screen.findByText(/needs your permission to talk to this server/)).toBeTruthy();
    expect(asked).toEqual([]);
  });

  it('connected: who, where, when it last synced; Disconnect asks keep or remove', async () => {
    const account = { address: 'https://rss.example', base: 'https://rss.example/api/greader.php', user: 'alice', host: 'rss.example', connectedAt: Date.now(), lastSyncAt: Date.now() - 120_000, failures: 0 };
    const { asked } = setup(async (m) => {
      if (m.type === 'serverConnect') {
        await fakeBrowser.storage.local.set({ [FEED_SERVER_KEY]: account });
        return { ok: true, user: 'alice', host: 'rss.example' };
      }
      if (m.type === 'serverDisconnect') await fakeBrowser.storage.local.remove(FEED_SERVER_KEY);
      return true;
    });
    fill('rss.example', 'secret');
    expect(await screen.findByText('Connected as alice to rss.example')).toBeTruthy();
    expect(screen.getByTestId('server-last-sync').textContent).toMatch(/^Last synced 2 min/);
    expect(screen.queryByLabelText('API password')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep them as local sources' }));
    await waitFor(() => expect(screen.getByLabelText('Server address')).toBeTruthy());
    expect(asked.at(-1)).toEqual({ type: 'serverDisconnect', keep: true });
  });

  it('an OPML import while connected adds the feeds to the server only when the user says so', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/></outline><outline type="rss" text="Blog" xmlUrl="https://blog.example/feed"/></body></opml>`;
    const queuedSubs = async (db: Awaited<ReturnType<typeof fakeEnv>['db']>) => (await readQueue(metaOf(db.transaction('meta')))).flatMap((r) => r.subs ?? []);
    const { store, db } = fakeEnv();
    await fakeBrowser.storage.local.set({ [FEED_SERVER_KEY]: { address: 'https://rss.example', base: 'https://rss.example/api/greader.php', user: 'alice', host: 'rss.example', connectedAt: 0, failures: 0 } });
    await store.server.reload();
    await store.importOpmlFile(readOpml(opml), false);
    expect(await queuedSubs(await db)).toEqual([]);
    await store.removeSources((await store.sources.value).map((s) => s.id));
    await store.commitRemoval();
    await store.importOpmlFile(readOpml(opml), true);
    const subs = await queuedSubs(await db);
    expect(subs.map((x) => x.op === 'subscribe' && [x.title, x.url, x.label])).toEqual([['Wire', 'https://wire.example/rss', 'News'], ['Blog', 'https://blog.example/feed', undefined]]);
  });

  it('refused while connected (a new API password on the server): asks for the new one without disconnecting', async () => {
    const account = { address: 'https://rss.example', base: 'https://rss.example/api/greader.php', user: 'alice', host: 'rss.example', connectedAt: 1, failures: 2, problem: { code: 'serverRefused' }, newestUsec: '42' };
    await fakeBrowser.storage.local.set({ [FEED_SERVER_KEY]: account });
    const { asked } = setup(async (m) => {
      if (m.type !== 'serverConnect') return undefined;
      await fakeBrowser.storage.local.set({ [FEED_SERVER_KEY]: { ...account, problem: undefined, failures: 0 } });
      return { ok: true, user: 'alice', host: 'rss.example' };
    });
    expect(await screen.findByText('The server refused the user name or API password.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('API password'), { target: { value: 'new-pass' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.queryByTestId('server-problem')).toBeNull());
    expect(asked[0]).toEqual({ type: 'serverConnect', address: 'https://rss.example', user: 'alice', password: 'new-pass' });
    expect(screen.getByText('Connected as alice to rss.example')).toBeTruthy();
  });
});
