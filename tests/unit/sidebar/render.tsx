// Renders the sidebar against a fake IndexedDB and a fake browser adapter.
import { afterEach } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/sidebar/App';
import { createSidebarStore } from '@/components/sidebar/state';
import type { SidebarEnv } from '@/components/sidebar/sidebar-env';
import type { LiveFollow } from '@/components/sidebar/live-follow';
import type { Message } from '@/utils/messages';
import type { Item, Source } from '@/utils/model';
import { dbWith, NOW } from './fixtures';
import type { NewsDb } from '@/utils/db/schema';
import { fakeWorker } from '../fake-worker';

// Unmount after each test: a sidebar left mounted runs its effect clean-ups after jsdom is gone. Then a
// moment for Preact's pending after-paint timers (they call cancelAnimationFrame and effect clean-ups that
// use document): one firing after the file's jsdom is torn down is an unhandled error that fails the run.
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 150));
});

export interface Harness {
  store: ReturnType<typeof createSidebarStore>;
  sent: Message[];
  optionsOpened: number;
  /** The section of the options page each opening asked for. */
  optionsSections: Array<string | undefined>;
  /** Site permissions asked for. */
  originsAsked: string[];
  /** Deliver a message as if from the background. */
  emit(m: unknown): void;
  /** Deliver a storage change. */
  storageChanged(keys: string[], area?: string): void;
  setOnline(v: boolean): void;
  container: HTMLElement;
  db: Awaited<ReturnType<typeof dbWith>>;
}

export async function renderSidebar(items: Item[], sources: Source[], opts: { online?: boolean; now?: number; grant?: boolean; fetch?: typeof globalThis.fetch; live?: LiveFollow; db?: NewsDb } = {}): Promise<Harness> {
  // A database made by the test (stories placed by storePoll), or one holding `items` and `sources`.
  const db = opts.db ?? await dbWith(items, sources);
  const msgListeners: Array<(m: unknown) => void> = [];
  const storageListeners: Array<(k: string[], a: string) => void> = [];
  const onlineListeners: Array<(v: boolean) => void> = [];
  let online = opts.online ?? true;
  const h = { sent: [] as Message[], optionsOpened: 0, optionsSections: [] as Array<string | undefined>, originsAsked: [] as string[] } as Harness;
  const worker = fakeWorker(async () => db, () => opts.now ?? NOW);
  const env: SidebarEnv = {
    db: async () => db,
    sync: fakeBrowser.storage.sync,
    local: fakeBrowser.storage.local,
    send: async (m) => void h.sent.push(m),
    ask: async (m) => (h.sent.push(m), worker(m)),
    onMessage: (cb) => (msgListeners.push(cb), () => msgListeners.splice(msgListeners.indexOf(cb), 1)),
    onStorageChanged: (cb) => (storageListeners.push(cb), () => {}),
    openOptions: (section) => void (h.optionsOpened++, h.optionsSections.push(section)),
    requestOrigins: async (origins) => (h.originsAsked.push(...origins), opts.grant ?? true),
    fetch: opts.fetch ?? (async () => { throw new TypeError('Failed to fetch'); }),
    now: () => opts.now ?? NOW,
    online: () => online,
    onOnlineChanged: (cb) => (onlineListeners.push(cb), () => {}),
    locale: 'en',
  };
  const store = createSidebarStore(env);
  const { container } = render(<App store={store} live={opts.live} />);
  await store.start();
  return Object.assign(h, {
    store,
    db,
    container,
    emit: (m: unknown) => msgListeners.forEach((l) => l(m)),
    storageChanged: (keys: string[], area = 'sync') => storageListeners.forEach((l) => l(keys, area)),
    setOnline: (v: boolean) => {
      online = v;
      onlineListeners.forEach((l) => l(v));
    },
  });
}
