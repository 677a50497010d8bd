// The worker's writer of the user's changes to the sources ('changeSources'), against fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { addSource, listSources } from '@/utils/db/sources';
import { readQueue, metaOf } from '@/utils/feed-server/records';
import { writeSources, type SourceWriteDeps } from '@/utils/sources/write-sources';
import type { SourceChange } from '@/utils/messages';

const NOW = 1_700_000_000_000;
let n = 0;

async function setup(connected = false) {
  const db = await openNewsDb(`write-sources-${++n}`);
  const keys = new Map<string, string>();
  const deps: SourceWriteDeps = {
    db,
    now: () => NOW,
    keys: { set: async (id, k) => void keys.set(id, k), remove: async (id) => void keys.delete(id) },
    serverConnected: async () => connected,
  };
  return { db, keys, write: (c: SourceChange) => writeSources(deps, c) };
}

const queued = async (db: NewsDb) => (await readQueue(metaOf(db.transaction('meta')))).flatMap((r) => r.subs ?? []);

describe('writeSources', () => {
  it('adds a source, with its API key kept apart, and answers with it', async () => {
    const { db, keys, write } = await setup();
    const r = await write({ op: 'add', source: { name: 'Headlines', url: 'https://newsapi.org/v2/top-headlines?country=us', kind: 'newsapi' }, apiKey: 'k-123' });
    expect(r).toMatchObject({ ok: true, count: 1, sources: [{ name: 'Headlines', kind: 'newsapi' }] });
    const [src] = await listSources(db);
    expect(keys.get(src!.id)).toBe('k-123');
    expect(src).not.toHaveProperty('apiKey');
  });

  it('answers a duplicate as a problem code and writes nothing', async () => {
    const { db, write } = await setup();
    await addSource(db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    const r = await write({ op: 'add', source: { name: 'Again', url: 'http://harbour.example/rss/' } });
    expect(r).toEqual({ ok: false, problem: { code: 'duplicate', name: 'Harbour' } });
    expect(await listSources(db)).toHaveLength(1);
  });

  it('queues subscribing a feed on a connected feed server, and an import only when asked', async () => {
    const { db, write } = await setup(true);
    await write({ op: 'add', source: { name: 'Harbour', url: 'https://harbour.example/rss' } });
    expect(await queued(db)).toEqual([expect.objectContaining({ op: 'subscribe', url: 'https://harbour.example/rss' })]);
    await write({ op: 'import', sources: [{ name: 'A', url: 'https://a.example/rss' }] });
    expect(await queued(db)).toHaveLength(1);
    await write({ op: 'import', sources: [{ name: 'B', url: 'https://b.example/rss' }], toServer: true });
    expect((await queued(db)).map((s) => s.op === 'subscribe' && s.url)).toEqual(['https://harbour.example/rss', 'https://b.example/rss']);
  });

  it('adds nothing to the server queue when no server is connected', async () => {
    const { db, write } = await setup(false);
    await write({ op: 'import', sources: [{ name: 'B', url: 'https://b.example/rss' }], toServer: true });
    expect(await queued(db)).toEqual([]);
  });

  it('imports all at once, skipping what is there already, and says which', async () => {
    const { db, write } = await setup();
    await addSource(db, { name: 'Harbour', url: 'https://harbour.example/rss' });
    const r = await write({ op: 'import', sources: [{ name: 'A', url: 'https://a.example/rss' }, { name: 'Harbour again', url: 'https://harbour.example/rss' }] });
    expect(r).toMatchObject({ ok: true, count: 1, sources: [{ name: 'A' }], skipped: [{ name: 'Harbour again', as: 'Harbour' }] });
    expect((await listSources(db)).map((s) => s.name).sort()).toEqual(['A', 'Harbour']);
  });

  it('updates many in one go and counts them; missing ids are skipped', async () => {
    const { db, write } = await setup();
    const a = await addSource(db, { name: 'A', url: 'https://a.example/rss' });
    const b = await addSource(db, { name: 'B', url: 'https://b.example/rss' });
    const r = await write({ op: 'update', ids: [a.id, b.id, 's-gone'], patch: { enabled: false, folder: '  Morning   reads ' } });
    expect(r).toMatchObject({ ok: true, count: 2 });
    expect((await listSources(db)).map((s) => [s.enabled, s.folder])).toEqual([[false, 'Morning reads'], [false, 'Morning reads']]);
  });

  it('removes sources with their API keys, and queues unsubscribing a server source only when the user removed it', async () => {
    const { db, keys, write } = await setup(true);
    const a = await addSource(db, { name: 'A', url: 'https://a.example/rss' });
    const b = await addSource(db, { name: 'B', url: 'https://b.example/rss' });
    await db.put('sources', { ...a, server: 'feed/1' });
    await db.put('sources', { ...b, server: 'feed/2' });
    keys.set(a.id, 'k');
    expect(await write({ op: 'remove', ids: [a.id], unsubscribe: true })).toMatchObject({ ok: true, count: 0 });
    expect(keys.has(a.id)).toBe(false);
    await write({ op: 'remove', ids: [b.id], unsubscribe: false });
    expect(await listSources(db)).toEqual([]);
    expect(await queued(db)).toEqual([expect.objectContaining({ op: 'unsubscribe', stream: 'feed/1' })]);
  });
});
