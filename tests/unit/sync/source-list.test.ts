// The source list in storage.sync: compressed, cut under the per-key quota, within its budget,
// plainly "too large" beyond it, never an API key; and how a device follows a synced list.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeSource } from '@/utils/db/sources';
import {
  CHUNK_CHARS, SYNC_BUDGET, decodeSourceList, encodeSourceList, planSync, readSourceList, syncedOf, writeSourceList, type SyncedSource,
} from '@/utils/sync/source-list';

const NOW = 1_700_000_000_000;
const QUOTA_BYTES_PER_ITEM = 8192;
const QUOTA_BYTES = 102_400;

/** Addresses and names as varied as real ones (repetitive text would compress far better). */
function word(r: () => number, len: number): string {
  return Array.from({ length: len }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(r() * 36)]).join('');
}

function list(n: number, urlPad = 0): SyncedSource[] {
  let seed = 42;
  const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => syncedOf(makeSource({
    name: `${word(r, 6)} ${word(r, 8)} – ${['World', 'Tech', 'Sport'][i % 3]}`,
    url: `https://${word(r, 10)}.example.org/${word(r, 6)}/${word(r, urlPad)}${i}/rss.xml`,
    folder: i % 4 ? ['World', 'Tech & Science', 'Sport'][i % 3] : undefined,
  }, NOW)));
}

/** The bytes Chrome counts for an item: the key plus the JSON of the value. */
const itemBytes = (k: string, v: unknown) => k.length + JSON.stringify(v).length;

beforeEach(() => fakeBrowser.reset());

describe('source list in storage.sync', () => {
  it('500 sources fit: each key under 8 KB, all of it within the budget, and they come back the same', async () => {
    const sources = list(500);
    const meta = await writeSourceList(fakeBrowser.storage.sync, sources, 'device-a', NOW);
    const all = await fakeBrowser.storage.sync.get(null);
    for (const [k, v] of Object.entries(all)) expect(itemBytes(k, v), k).toBeLessThan(QUOTA_BYTES_PER_ITEM);
    const total = Object.entries(all).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_BUDGET + 200);
    expect(total).toBeLessThan(QUOTA_BYTES / 2); // compressed: plenty of room left for settings and topics
    expect(meta).toMatchObject({ device: 'device-a', at: NOW });
    expect(meta.tooLarge).toBeUndefined();
    expect(meta.chunks).toBe(Object.keys(all).length - 1);
    const back = await readSourceList(fakeBrowser.storage.sync);
    expect(back?.list).toEqual(sources);
  });

  it('a list too large for its budget is not written; the note says so and how large it is', async () => {
    const huge = list(2000, 40);
    const enc = await encodeSourceList(huge);
    expect(enc).toMatchObject({ tooLarge: true, chunks: [] });
    expect(enc.bytes).toBeGreaterThan(SYNC_BUDGET);
    // a smaller list written before is cleared, so no device takes a stale one
    await writeSourceList(fakeBrowser.storage.sync, list(300), 'device-a', NOW);
    const meta = await writeSourceList(fakeBrowser.storage.sync, huge, 'device-a', NOW + 1);
    expect(meta).toMatchObject({ tooLarge: true, chunks: 0 });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['sourceList']);
    expect(await readSourceList(fakeBrowser.storage.sync)).toBeNull();
  });

  it('a shorter list drops the chunks the longer one left', async () => {
    await writeSourceList(fakeBrowser.storage.sync, list(500, 60), 'a', NOW);
    const before = Object.keys(await fakeBrowser.storage.sync.get(null)).length;
    await writeSourceList(fakeBrowser.storage.sync, list(3), 'a', NOW + 1);
    const keys = Object.keys(await fakeBrowser.storage.sync.get(null));
    expect(before).toBeGreaterThan(3);
    expect(keys.sort()).toEqual(['sourceList', 'sourceList:0']);
    expect((await readSourceList(fakeBrowser.storage.sync))?.list).toHaveLength(3);
  });

  it('carries no API key and no poll state', async () => {
    const api = { ...makeSource({ name: 'Key API', url: 'https://newsapi.org/v2/top-headlines', kind: 'newsapi' }, NOW), etag: 'W/"1"', lastError: 'x' };
    const s = syncedOf(api);
    expect(Object.keys(s).sort()).toEqual(['breaking', 'enabled', 'intervalMin', 'kind', 'name', 'url']);
    const enc = await encodeSourceList([s]);
    expect(JSON.stringify(await decodeSourceList(enc.chunks))).not.toMatch(/apiKey|etag|lastError/);
    expect(CHUNK_CHARS).toBeLessThan(QUOTA_BYTES_PER_ITEM - 100);
  });

  it('a device follows the synced list: adds, updates (folder taken away too) and removes by address', () => {
    const a = makeSource({ name: 'A', url: 'https://a.example/rss', folder: 'World' }, NOW);
    const b = makeSource({ name: 'B', url: 'https://b.example/rss' }, NOW);
    const remote: SyncedSource[] = [
      { ...syncedOf(a), name: 'A renamed', folder: undefined, enabled: false },
      syncedOf(makeSource({ name: 'C', url: 'https://c.example/rss', folder: 'Tech' }, NOW)),
    ];
    expect(planSync([a, b], remote)).toEqual({
      add: [{ name: 'C', url: 'https://c.example/rss', kind: 'feed', intervalMin: 10, enabled: true, breaking: false, folder: 'Tech' }],
      update: [{ id: a.id, patch: { name: 'A renamed', enabled: false, folder: undefined } }],
      remove: [b.id],
    });
    expect(planSync([a], [syncedOf(a)])).toEqual({ add: [], update: [], remove: [] });
  });
});
