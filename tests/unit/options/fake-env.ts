// A fake browser for options page component tests: fake storage, fake-indexeddb, scripted fetches.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openNewsDb, type NewsDb } from '@/utils/db/schema';
import type { FetchedPage, OptionsEnv } from '@/components/options/env';
import { createOptionsStore } from '@/components/options/state';

let n = 0;

export function fakeEnv(pages: Record<string, Partial<FetchedPage>> = {}, opts: { grant?: boolean } = {}) {
  const dbp: Promise<NewsDb> = openNewsDb(`options-test-${++n}`);
  const sent: unknown[] = [];
  const env: OptionsEnv = {
    db: () => dbp,
    sync: fakeBrowser.storage.sync,
    local: fakeBrowser.storage.local,
    send: vi.fn(async (m) => void sent.push(m)),
    onMessage: () => () => {},
    onStorageChanged: () => () => {},
    requestOrigins: vi.fn(async () => opts.grant ?? true),
    fetchText: vi.fn(async (url: string) => {
      const p = pages[url];
      if (!p) throw new TypeError('Failed to fetch');
      return { status: 200, contentType: '', url, text: '', ...p };
    }),
    download: vi.fn(),
    now: () => 1_700_000_000_000,
    locale: 'en',
  };
  const store = createOptionsStore(env);
  return { env, store, sent, db: dbp };
}

export const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><guid>1</guid><title>Bridge opens</title><link>https://harbour.example/1</link></item></channel></rss>`;
