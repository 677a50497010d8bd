// A fake browser for options page component tests: fake storage, fake-indexeddb, scripted fetches.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openNewsDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import type { OptionsEnv } from '@/components/options/options-env';
import { createOptionsStore } from '@/components/options/state';
import { writeItems } from '@/utils/db/items/item-writes';
import type { Item } from '@/utils/model';
import { fakeWorker } from '../fake-worker';

let n = 0;

/** A scripted answer: status, content type, body (text or bytes), and the address it redirected to. */
export interface FakePage {
  status?: number;
  contentType?: string;
  text?: string;
  bytes?: Uint8Array;
  finalUrl?: string;
}

/** A fetch answering from `pages` (a network failure for any other address), as Responses. */
export function scriptedFetch(pages: Record<string, FakePage>) {
  return vi.fn(async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    const p = pages[url];
    if (!p) throw new TypeError('Failed to fetch');
    const res = new Response((p.bytes as BodyInit | undefined) ?? p.text ?? '', { status: p.status ?? 200, headers: p.contentType ? { 'content-type': p.contentType } : {} });
    Object.defineProperty(res, 'url', { value: p.finalUrl ?? url });
    Object.defineProperty(res, 'redirected', { value: !!p.finalUrl && p.finalUrl !== url });
    return res;
  });
}

export function fakeEnv(pages: Record<string, FakePage> = {}, opts: { grant?: boolean } = {}) {
  const dbp: Promise<NewsDb> = openNewsDb(`options-test-${++n}`);
  const sent: unknown[] = [];
  const now = () => 1_700_000_000_000;
  const worker = fakeWorker(() => dbp, now);
  const env: OptionsEnv = {
    db: () => dbp,
    sync: fakeBrowser.storage.sync,
    local: fakeBrowser.storage.local,
    send: vi.fn(async (m) => void sent.push(m)),
    ask: vi.fn(async (m) => (sent.push(m), worker(m))),
    onMessage: () => () => {},
    onStorageChanged: () => () => {},
    requestOrigins: vi.fn(async () => opts.grant ?? true),
    fetch: scriptedFetch(pages),
    download: vi.fn(),
    now,
    locale: 'en',
  };
  const store = createOptionsStore(env);
  return { env, store, sent, db: dbp };
}

export const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><guid>1</guid><title>Bridge opens</title><link>https://harbour.example/1</link></item></channel></rss>`;

/**
 * Loads what the options page loads on first use (components/options/later.ts) before the tests:
 * under vitest the first import() transforms the feed parser, which can outlast a waitFor on a busy machine.
 */
export async function loadLaterModules(): Promise<void> {
  const later = await import('@/components/options/later');
  await Promise.all([later.loadOpml(), later.loadSettingsIo(), later.loadInspector(), later.loadTopicPreview()]);
}

/** One plain item stored through the writer (its counters and search queue with it), for a page to find. */
export async function storeItem(db: Promise<NewsDb>, id: string, title: string): Promise<void> {
  const it: Item = {
    id, sourceId: 's-1', title, url: `https://x.example/${id}`, summaryHtml: '', contentHtml: '', published: 1_699_999_000_000, firstSeen: 0,
    updated: 0, categories: [], breaking: 0, topics: [], alert: 0, read: 0, starred: 0,
  };
  await writeItems(await db, (w) => w.put(undefined, it));
}
