// The sync with a feed server, over real HTTP to a Google Reader API server on 127.0.0.1 that answers
// as FreshRSS does, into the real store (fake-indexeddb): sources and folders, items, read and starred
// both ways, the stored queue, conflicts, the idle sync's requests, and a server down, slow or talking
// nonsense (a clear problem, nothing lost, the queue kept, back-off).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource, listSources, removeSource, updateSource, updateSources } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { queueSubscribe } from '@/utils/feed-server/source-ops';
import { allItems } from '@/utils/db/items/item-reads';
import { markAllRead, markRead, setStar } from '@/utils/db/read-state';
import { dueSources } from '@/utils/poller/poll';
import { pruneMaps, syncServer, type SyncDeps } from '@/utils/feed-server/sync';
import { releaseServerSources } from '@/utils/feed-server/disconnect';
import { readAllMaps } from '@/utils/feed-server/records';
import { writeItems } from '@/utils/db/items/item-writes';
import { connect } from '@/utils/feed-server/greader';
import { loadAccount, saveAccount, saveSecret, type LocalArea } from '@/utils/feed-server/account';
import { metaOf, readQueue } from '@/utils/feed-server/records';
import { problemOf } from '@/utils/problems';
import { FEED_SERVER_KEY, FEED_SERVER_SECRET_KEY } from '@/utils/storage-keys';
import { item, startGreaderServer } from '../../fixtures/feed-server/greader-server';

type Server = Awaited<ReturnType<typeof startGreaderServer>>;
let srv: Server;
let db: NewsDb;
let store: Record<string, unknown>;
let now: number;

const area: LocalArea = {
  get: async (k) => (k in store ? { [k]: structuredClone(store[k]) } : {}),
  set: async (items) => void Object.assign(store, structuredClone(items)),
  remove: async (keys) => void [keys].flat().forEach((k) => delete store[k]),
};

const deps = (): SyncDeps => ({ db, fetch: (i, init) => fetch(i, init), now: () => now, random: () => 0.5, area, settings: { retentionDays: 30, maxItemsPerSource: 500 }, timeoutMs: 1000 });

async function connectTo(s: Server) {
  const session = await connect(s.root, 'alice', 'alice-api-pass', { fetch: (i, init) => fetch(i, init) });
  await saveSecret(area, { password: 'alice-api-pass', auth: session.auth });
  await saveAccount(area, { address: s.root, base: session.base, user: 'alice', host: new URL(session.base).host, connectedAt: now, failures: 0 });
}

const byTitle = async () => new Map((await allItems(db)).map((it) => [it.title, it]));
const queued = async () => {
  const tx = db.transaction('meta');
  return (await readQueue(metaOf(tx))).flatMap((r) => r.ops);
};

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  store = {};
  now = Date.now();
  srv = await startGreaderServer({
    subs: [
      { id: 'feed/1', title: 'Wire', url: 'http://127.0.0.1:1/wire.xml', label: 'News' },
      { id: 'feed/2', title: 'Blog', url: 'http://127.0.0.1:1/blog.xml' },
    ],
  });
  srv.state.items.push(item('feed/1', 1), item('feed/1', 2, { read: true }), item('feed/2', 1, { starred: true }));
  await connectTo(srv);
});

afterEach(async () => {
  await srv.close();
});

describe('sync with a feed server', () => {
  it('finds the API from the site root, and the wrong password is refused in words', async () => {
    expect((await loadAccount(area))?.base).toBe(`${srv.root}/api/greader.php`);
    const e = await connect(srv.api, 'alice', 'wrong', { fetch: (i, init) => fetch(i, init) }).catch((x: unknown) => x);
    expect(problemOf(e).code).toBe('serverRefused');
  });

  it('makes the subscriptions sources from the server, labels folders, and stores items with their states', async () => {
    const r = await syncServer(deps(), { subscriptions: true });
    expect(r.connected).toBe(true);
    const sources = await listSources(db);
    expect(sources.map((s) => [s.name, s.server, s.folder])).toEqual(expect.arrayContaining([['Wire', 'feed/1', 'News'], ['Blog', 'feed/2', undefined]]));
    // Never fetched by the poller: the server fetches them.
    expect(dueSources(sources, now + 1e9, { force: true })).toEqual([]);
    const items = await byTitle();
    expect(items.size).toBe(3);
    expect(items.get('Post 1 of feed/1')).toMatchObject({ read: 0, starred: 0 });
    expect(items.get('Post 2 of feed/1')).toMatchObject({ read: 1 });
    expect(items.get('Post 2 of feed/1')?.sourceId).toBe(sources.find((s) => s.server === 'feed/1')?.id);
    expect(items.get('Post 1 of feed/2')).toMatchObject({ read: 0, starred: 1 });
    expect(r.newIds).toHaveLength(3);
    expect((await loadAccount(area))?.lastSyncAt).toBe(now);
  });

  it('an idle sync makes at most 3 requests and changes nothing', async () => {
    await syncServer(deps(), { subscriptions: true });
    const before = srv.state.requests.length;
    now += 60_000;
    const r = await syncServer(deps());
    expect(r.requests).toBeLessThanOrEqual(3);
    expect(srv.state.requests.length - before).toBe(r.requests);
    expect(r.newIds).toEqual([]);
    expect(r.flagsTaken).toBe(0);
  });

  it("the poll alarm's sync waits for its interval; the sidebar's and Refresh's do not", async () => {
    await syncServer(deps(), { subscriptions: true });
    const from = srv.state.requests.length;
    now += 60_000;
    expect((await syncServer(deps(), { due: true })).requests).toBe(0);
    expect(srv.state.requests.length).toBe(from);
    now += 5 * 60_000;
    expect((await syncServer(deps(), { due: true })).requests).toBe(3);
    expect((await syncServer(deps())).requests).toBe(3);
    // Hours later the alarm's idle sync is still 3 requests; the sidebar's reads the list again.
    now += 3 * 3_600_000;
    const from2 = srv.state.requests.length;
    expect((await syncServer(deps(), { due: true })).requests).toBe(3);
    expect(srv.paths(from2)).not.toContain('subscription/list');
    expect((await syncServer(deps())).requests).toBe(4);
  });

  it('reads only what is newer than the last sync, page after page', async () => {
    await syncServer(deps(), { subscriptions: true });
    for (let n = 10; n < 15; n++) srv.state.items.push(item('feed/2', n));
    const from = srv.state.requests.length;
    now += 60_000;
    const r = await syncServer({ ...deps() });
    expect(r.newIds).toHaveLength(5);
    const contents = srv.state.requests.slice(from).filter((q) => q.path.includes('stream/contents'));
    expect(contents[0]?.query.get('ot')).toMatch(/^\d+$/);
    expect((await allItems(db)).length).toBe(8);
  });

  it('sends local reads and stars to the server with its token, in one batch per change', async () => {
    await syncServer(deps(), { subscriptions: true });
    const items = await byTitle();
    await markRead(db, [items.get('Post 1 of feed/1')!.id], true);
    await setStar(db, items.get('Post 2 of feed/1')!.id, true);
    await markRead(db, [items.get('Post 2 of feed/1')!.id], false);
    expect(await queued()).toHaveLength(3);
    const from = srv.state.requests.length;
    now += 60_000;
    const r = await syncServer(deps());
    expect(r.sent).toBe(3);
    const edits = srv.state.requests.slice(from).filter((q) => q.path.endsWith('edit-tag'));
    expect(edits).toHaveLength(3);
    expect(edits.every((q) => q.form.get('T') === srv.state.token)).toBe(true);
    const server = new Map(srv.state.items.map((it) => [it.title, it]));
    expect(server.get('Post 1 of feed/1')).toMatchObject({ read: true });
    expect(server.get('Post 2 of feed/1')).toMatchObject({ read: false, starred: true });
    expect(await queued()).toEqual([]);
    // The server's state now agrees: nothing comes back changed.
    expect((await byTitle()).get('Post 2 of feed/1')).toMatchObject({ read: 0, starred: 1 });
  });

  it('takes changes made on the server or another device', async () => {
    await syncServer(deps(), { subscriptions: true });
    const server = new Map(srv.state.items.map((it) => [it.title, it]));
    server.get('Post 1 of feed/1')!.read = true;
    server.get('Post 1 of feed/2')!.starred = false;
    server.get('Post 2 of feed/1')!.read = false;
    now += 60_000;
    const r = await syncServer(deps());
    expect(r.flagsTaken).toBe(3);
    const items = await byTitle();
    expect(items.get('Post 1 of feed/1')).toMatchObject({ read: 1 });
    expect(items.get('Post 1 of feed/2')).toMatchObject({ starred: 0 });
    expect(items.get('Post 2 of feed/1')).toMatchObject({ read: 0 });
  });

  it('never overwrites a local change not yet sent with older server state', async () => {
    await syncServer(deps(), { subscriptions: true });
    const items = await byTitle();
    const id = items.get('Post 1 of feed/1')!.id;
    // The server is down: the local read waits in the queue through a failed sync.
    await markRead(db, [id], true);
    srv.state.mode = 'down';
    await expect(syncServer(deps(), { force: true })).rejects.toThrow();
    expect((await byTitle()).get('Post 1 of feed/1')).toMatchObject({ read: 1 });
    expect(await queued()).toHaveLength(1);
    srv.state.mode = undefined;
    now += 60_000;
    await syncServer(deps(), { force: true });
    expect(srv.state.items.find((it) => it.title === 'Post 1 of feed/1')).toMatchObject({ read: true });
    expect((await byTitle()).get('Post 1 of feed/1')).toMatchObject({ read: 1 });
  });

  it('a server down, slow or talking nonsense: a clear problem on the account and the sources, back-off, nothing lost', async () => {
    await syncServer(deps(), { subscriptions: true });
    const items = await byTitle();
    await setStar(db, items.get('Post 1 of feed/1')!.id, true);
    for (const mode of ['down', 'slow', 'nonsense'] as const) {
      srv.state.mode = mode;
      const e = await syncServer(deps(), { force: true }).catch((x: unknown) => x);
      const code = problemOf(e).code;
      expect(code).toBe({ down: 'http', slow: 'timeout', nonsense: 'notFeedServer' }[mode]);
      const account = await loadAccount(area);
      expect(account?.problem?.code).toBe(code);
      expect(account?.nextSyncAt).toBeGreaterThan(now);
      expect((await listSources(db)).filter((s) => s.server).every((s) => s.problem?.code === code)).toBe(true);
      expect((await allItems(db)).length).toBe(3);
      expect(await queued()).toHaveLength(1);
    }
    // While backing off, the alarm's sync asks nothing of the server.
    srv.state.mode = undefined;
    const from = srv.state.requests.length;
    expect((await syncServer(deps())).requests).toBe(0);
    expect(srv.state.requests.length).toBe(from);
    // Asked for (Refresh) it runs, sends the queue and clears the problem.
    await syncServer(deps(), { force: true });
    expect(srv.state.items.find((it) => it.title === 'Post 1 of feed/1')?.starred).toBe(true);
    expect((await loadAccount(area))?.problem).toBeUndefined();
    expect((await listSources(db)).every((s) => !s.problem)).toBe(true);
  });

  it('mark all read uses the server call for a server source', async () => {
    await syncServer(deps(), { subscriptions: true });
    const wire = (await listSources(db)).find((s) => s.server === 'feed/1')!;
    srv.state.items.find((it) => it.title === 'Post 2 of feed/1')!.read = false;
    await syncServer(deps(), { force: true });
    await markAllRead(db, { kind: 'source', id: wire.id });
    const from = srv.state.requests.length;
    now += 60_000;
    await syncServer(deps(), { force: true });
    const paths = srv.paths(from);
    expect(paths).toContain('mark-all-as-read');
    expect(paths).not.toContain('edit-tag');
    expect(srv.state.items.filter((it) => it.feedId === 'feed/1').every((it) => it.read)).toBe(true);
    expect(srv.state.items.find((it) => it.feedId === 'feed/2')?.read).toBe(false);
  });

  it("the sidebar's Mark all read (up to the newest shown) is the reading list's call; what stays unread here stays unread there", async () => {
    srv.state.items.push(item('feed/2', 30));
    await syncServer(deps(), { subscriptions: true });
    const items = await byTitle();
    // The newest item came after the list the user looked at (waiting behind the "new" pill).
    const until = items.get('Post 1 of feed/2')!.published;
    expect(items.get('Post 30 of feed/2')!.published).toBeGreaterThan(until);
    await markAllRead(db, { kind: 'all' }, until);
    expect((await byTitle()).get('Post 30 of feed/2')).toMatchObject({ read: 0 });
    const from = srv.state.requests.length;
    now += 60_000;
    await syncServer(deps(), { force: true });
    const sent = srv.state.requests.slice(from).filter((q) => q.method === 'POST');
    expect(sent.map((q) => q.path.replace('/reader/api/0/', ''))).toEqual(['mark-all-as-read', 'edit-tag']);
    expect(sent[0]!.form.get('s')).toBe('user/-/state/com.google/reading-list');
    expect(sent[1]!.form.get('r')).toBe('user/-/state/com.google/read');
    const server = new Map(srv.state.items.map((it) => [it.title, it.read]));
    expect(server).toEqual(new Map([['Post 1 of feed/1', true], ['Post 2 of feed/1', true], ['Post 1 of feed/2', true], ['Post 30 of feed/2', false]]));
    expect((await byTitle()).get('Post 30 of feed/2')).toMatchObject({ read: 0 });
    expect((await byTitle()).get('Post 1 of feed/1')).toMatchObject({ read: 1 });
  });

  it('a subscription removed on the server goes; a renamed or moved one follows', async () => {
    await syncServer(deps(), { subscriptions: true });
    srv.state.subs = [{ id: 'feed/1', title: 'Wire (renamed)', url: 'http://127.0.0.1:1/wire.xml', label: 'World' }];
    now += 60_000;
    await syncServer(deps(), { subscriptions: true });
    const sources = await listSources(db);
    expect(sources.map((s) => [s.name, s.folder])).toEqual([['Wire (renamed)', 'World']]);
    expect((await allItems(db)).every((it) => it.sourceId === sources[0]!.id)).toBe(true);
  });

  it('keeps the password and token in storage.local only, under their own key', async () => {
    expect(Object.keys(store).sort()).toEqual([FEED_SERVER_KEY, FEED_SERVER_SECRET_KEY].sort());
    expect(JSON.stringify(store[FEED_SERVER_KEY])).not.toContain('alice-api-pass');
    expect(JSON.stringify(store[FEED_SERVER_KEY])).not.toContain(srv.state.auth);
  });

  it('renaming, moving and removing a server source here does the same on the server', async () => {
    await syncServer(deps(), { subscriptions: true });
    const [wire, blog] = ['feed/1', 'feed/2'];
    const sources = await listSources(db);
    const local = (server: string) => sources.find((s) => s.server === server)!;
    await updateSource(db, local(wire!).id, { name: 'The Wire' });
    await updateSources(db, [local(blog!).id], { folder: 'Reading' });
    const from = srv.state.requests.length;
    now += 60_000;
    await syncServer(deps());
    expect(srv.state.subs.map((x) => [x.id, x.title, x.label])).toEqual([['feed/1', 'The Wire', 'News'], ['feed/2', 'Blog', 'Reading']]);
    expect(srv.paths(from).filter((p) => p === 'subscription/edit')).toHaveLength(2);
    // The sync read the list back: the names stay as the user gave them.
    expect((await listSources(db)).map((s) => s.name).sort()).toEqual(['Blog', 'The Wire']);
    await removeSource(db, local(blog!).id, { unsubscribe: true });
    now += 60_000;
    await syncServer(deps());
    expect(srv.state.subs.map((x) => x.id)).toEqual(['feed/1']);
    expect((await listSources(db)).map((s) => s.name)).toEqual(['The Wire']);
  });

  it('a sync removing a source the server dropped does not unsubscribe anything', async () => {
    await syncServer(deps(), { subscriptions: true });
    srv.state.subs = srv.state.subs.filter((x) => x.id === 'feed/1');
    now += 60_000;
    const from = srv.state.requests.length;
    await syncServer(deps(), { subscriptions: true });
    expect(srv.paths(from)).not.toContain('subscription/edit');
    expect(await queued()).toEqual([]);
  });

  it('a feed added here while connected is subscribed on the server, and its own items are not stored twice', async () => {
    await syncServer(deps(), { subscriptions: true });
    const feedUrl = 'http://127.0.0.1:1/harbour.xml';
    const src = await addSource(db, { name: 'Harbour', url: feedUrl, folder: 'Local' }, now);
    // Polled here before the sync: the feed's own item, with its guid.
    await storePoll(db, src, [{ guid: 'h-1', title: 'Harbour opens', url: 'http://127.0.0.1:1/harbour/1', summaryHtml: '', contentHtml: '', categories: [], breaking: false, published: now - 60_000 }], now, { retentionDays: 30, maxItemsPerSource: 500 });
    await markRead(db, [(await byTitle()).get('Harbour opens')!.id], true);
    expect(await queueSubscribe(db, [src], now)).toBe(1);
    now += 60_000;
    await syncServer(deps());
    const sub = srv.state.subs.find((x) => x.url === feedUrl);
    expect(sub).toMatchObject({ title: 'Harbour', label: 'Local' });
    expect((await listSources(db)).find((s) => s.id === src.id)?.server).toBe(sub!.id);
    // The server reads the feed: the same item, without its guid.
    srv.state.items.push({ ...item(sub!.id, 1), title: 'Harbour opens', url: 'http://127.0.0.1:1/harbour/1' });
    now += 60_000;
    await syncServer(deps(), { force: true });
    const harbour = (await allItems(db)).filter((it) => it.sourceId === src.id);
    expect(harbour).toHaveLength(1);
    // Read here before it was the server's: the server's fresh unread copy does not undo it; it is sent.
    expect(harbour[0]).toMatchObject({ read: 1 });
    now += 60_000;
    await syncServer(deps(), { force: true });
    expect(srv.state.items.find((it) => it.title === 'Harbour opens')?.read).toBe(true);
  });

  it('the item map forgets items no longer stored here', async () => {
    await syncServer(deps(), { subscriptions: true });
    const gone = (await byTitle()).get('Post 1 of feed/2')!;
    await writeItems(db, async (writer) => void (await writer.delete(gone)));
    expect(await pruneMaps(db)).toBe(1);
    const maps = await readAllMaps(metaOf(db.transaction('meta')));
    expect(maps.flatMap((m) => Object.values(m.ids).map((e) => e[0]))).not.toContain(gone.id);
    expect(maps.flatMap((m) => Object.keys(m.ids))).toHaveLength(2);
  });

  it("Disconnect keeping the sources: the feed's own items are matched to the server's copies, nothing twice, states kept", async () => {
    await syncServer(deps(), { subscriptions: true });
    expect(await releaseServerSources(db, true, now)).toBe(2);
    const wire = (await listSources(db)).find((s) => s.name === 'Wire')!;
    expect(wire.server).toBeUndefined();
    expect(dueSources(await listSources(db), now, {}).map((s) => s.name).sort()).toEqual(['Blog', 'Wire']);
    // The feed itself, polled here: the same items with their guids.
    const own = srv.state.items.filter((it) => it.feedId === 'feed/1').map((it, i) => ({ guid: `wire-${i}`, title: it.title, url: it.url, summaryHtml: it.html, contentHtml: '', categories: [], breaking: false, published: it.published * 1000 }));
    const r = await storePoll(db, wire, own, now, { retentionDays: 30, maxItemsPerSource: 500 });
    expect(r.newIds).toEqual([]);
    expect((await allItems(db)).filter((it) => it.sourceId === wire.id)).toHaveLength(2);
    expect((await byTitle()).get('Post 2 of feed/1')).toMatchObject({ read: 1 });
    expect((await listSources(db)).find((s) => s.id === wire.id)?.relinkByUrl).toBeUndefined();
    // The next poll finds them by their guids.
    const again = await storePoll(db, (await listSources(db)).find((s) => s.id === wire.id)!, own, now + 1, { retentionDays: 30, maxItemsPerSource: 500 });
    expect(again.newIds).toEqual([]);
    expect(await queued()).toEqual([]);
  });

  it('Disconnect removing them: the sources and their items go, nothing is sent to the server', async () => {
    await syncServer(deps(), { subscriptions: true });
    await releaseServerSources(db, false, now);
    expect(await listSources(db)).toEqual([]);
    expect(await allItems(db)).toEqual([]);
    expect(await queued()).toEqual([]);
    expect(srv.state.subs).toHaveLength(2);
  });
});
