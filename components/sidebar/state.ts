// The sidebar's state (signals) and what the user can do with it. No DOM here: the components read
// the signals and call the actions; the browser comes in through SidebarEnv.
import { batch, computed, signal } from '@preact/signals';
import type { Item, Settings, Source, Topic } from '@/utils/model';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { isMessage } from '@/utils/messages';
import { loadSettings, SETTINGS_KEY } from '@/utils/settings';
import { loadTopics } from '@/utils/topics/store';
import { listSources } from '@/utils/db/sources';
import { loadBreaking, loadCounts, loadPage, matchesFilter, type Counts, type Filter, type PageCursor } from '@/utils/db/queries';
import { searchItems } from '@/utils/db/search';
import { markAllRead, markRead, toggleStar } from '@/utils/db/read-state';
import type { SidebarEnv } from './env';

/** Search shows the newest matches; more words narrow it down. */
const SEARCH_LIMIT = 50;
/** Enough rows to fill the sidebar's first screen; the next page follows as the list scrolls. */
const FIRST_PAGE_SIZE = 12;

export type SidebarStore = ReturnType<typeof createSidebarStore>;

export function sameFilter(a: Filter, b: Filter): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : '') === ('id' in b ? b.id : '');
}

export function createSidebarStore(env: SidebarEnv) {
  const filter = signal<Filter>({ kind: 'all' });
  const items = signal<Item[]>([]);
  const next = signal<PageCursor | undefined>(undefined);
  const loading = signal(true);
  const loadingMore = signal(false);
  const counts = signal<Counts | null>(null);
  const breaking = signal<Item[]>([]);
  const sources = signal<Source[]>([]);
  const topics = signal<Topic[]>([]);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const query = signal('');
  const results = signal<{ items: Item[]; complete: boolean } | null>(null);
  const openId = signal<string | null>(null);
  const focusId = signal<string | null>(null);
  const pendingNew = signal(0);
  const polling = signal(false);
  const online = signal(env.online());
  const now = signal(env.now());
  const error = signal<string | null>(null);
  /** The list is scrolled to its top: new items may be inserted without moving anything. */
  const atTop = signal(true);

  const searching = computed(() => query.value.trim() !== '');
  const visible = computed(() => (searching.value ? results.value?.items ?? [] : items.value));
  const failing = computed(() => sources.value.filter((s) => s.enabled && s.health === 'error'));
  const sourceById = computed(() => new Map(sources.value.map((s) => [s.id, s])));

  let listSeq = 0;
  let searchSeq = 0;

  async function run<T>(p: () => Promise<T>): Promise<T | undefined> {
    try {
      return await p();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  /** Replace one item everywhere it is shown (after a read/star change). */
  function patchItems(ids: Set<string>, patch: Partial<Item>) {
    const apply = (list: Item[]) => (list.some((i) => ids.has(i.id)) ? list.map((i) => (ids.has(i.id) ? { ...i, ...patch } : i)) : list);
    batch(() => {
      items.value = apply(items.value);
      breaking.value = apply(breaking.value);
      if (results.value) results.value = { ...results.value, items: apply(results.value.items) };
    });
  }

  function notifyChanged() {
    void env.send({ type: 'itemsChanged' });
  }

  // One count at a time: requests that arrive meanwhile are folded into one more run.
  let counting: Promise<void> | null = null;
  let countAgain = false;
  function refreshCounts(): Promise<void> {
    if (counting) {
      countAgain = true;
      return counting;
    }
    counting = (async () => {
      do {
        countAgain = false;
        const c = await loadCounts(await env.db(), sources.value.map((s) => s.id), topics.value.map((t) => t.id));
        if (!countAgain) counts.value = c;
      } while (countAgain);
    })().finally(() => (counting = null));
    return counting;
  }


  async function refreshTicker() {
    const db = await env.db();
    now.value = env.now();
    breaking.value = await loadBreaking(db, now.value, settings.value.breakingWindowMin);
  }

  async function refreshSources() {
    sources.value = await listSources(await env.db());
  }

  /** First page of the current filter; the list starts over. */
  async function reloadList() {
    const seq = ++listSeq;
    loading.value = true;
    const db = await env.db();
    performance.mark?.('newsbar:db-open');
    // A short first page paints sooner; the list loads more as its end comes into view.
    const page = await loadPage(db, filter.value, undefined, FIRST_PAGE_SIZE);
    performance.mark?.('newsbar:page-read');
    if (seq !== listSeq) return;
    batch(() => {
      items.value = page.items;
      next.value = page.next;
      loading.value = false;
      pendingNew.value = 0;
    });
  }

  async function loadMore() {
    if (!next.value || loadingMore.value || searching.value) return;
    const seq = listSeq;
    loadingMore.value = true;
    await run(async () => {
      const page = await loadPage(await env.db(), filter.value, next.value);
      if (seq !== listSeq) return;
      const seen = new Set(items.value.map((i) => i.id));
      items.value = [...items.value, ...page.items.filter((i) => !seen.has(i.id))];
      next.value = page.next;
    });
    loadingMore.value = false;
  }

  async function setFilter(f: Filter) {
    if (sameFilter(f, filter.value) && !searching.value) return;
    batch(() => {
      filter.value = f;
      openId.value = null;
      focusId.value = null;
    });
    await run(reloadList);
    if (searching.value) await search(query.value);
  }

  async function search(q: string) {
    query.value = q;
    const seq = ++searchSeq;
    if (!q.trim()) {
      results.value = null;
      return;
    }
    const t0 = performance.now();
    const r = await run(async () => searchItems(await env.db(), q, { filter: filter.value, limit: SEARCH_LIMIT }));
    if (seq !== searchSeq || !r) return;
    // How long the query took, without rendering (read by the end-to-end speed check).
    performance.measure?.('newsbar:search', { start: t0 });
    results.value = r;
  }

  async function setRead(ids: string[], read: boolean) {
    if (ids.length === 0) return;
    patchItems(new Set(ids), { read: read ? 1 : 0 });
    await run(async () => {
      const n = await markRead(await env.db(), ids, read);
      if (n > 0) {
        notifyChanged();
        await refreshCounts();
      }
    });
  }

  function findItem(id: string): Item | undefined {
    return visible.value.find((i) => i.id === id) ?? breaking.value.find((i) => i.id === id);
  }

  async function toggleRead(id: string) {
    const it = findItem(id);
    if (it) await setRead([id], it.read === 0);
  }

  /** Opens (and marks read) or closes an item in place. */
  async function toggleOpen(id: string) {
    const opening = openId.value !== id;
    batch(() => {
      openId.value = opening ? id : null;
      focusId.value = id;
    });
    const it = findItem(id);
    if (opening && it && it.read === 0) await setRead([id], true);
  }

  async function star(id: string) {
    const it = findItem(id);
    if (it) patchItems(new Set([id]), { starred: it.starred ? 0 : 1 });
    await run(async () => {
      const starred = await toggleStar(await env.db(), id);
      if (starred === undefined) return;
      notifyChanged();
      await refreshCounts();
    });
  }

  /** Marks read what the current view holds: search results, or the whole filter up to its newest shown item. */
  async function markAllShownRead() {
    if (searching.value) return setRead(visible.value.filter((i) => i.read === 0).map((i) => i.id), true);
    // Items newer than the list the user is looking at (waiting behind the "new" pill) stay unread.
    const newest = items.value.reduce((m, i) => Math.max(m, i.published), -Infinity);
    if (newest === -Infinity) return;
    const affected = new Set(items.value.map((i) => i.id));
    patchItems(affected, { read: 1 });
    await run(async () => {
      const n = await markAllRead(await env.db(), filter.value, newest);
      if (n > 0) {
        notifyChanged();
        await refreshCounts();
      }
      await refreshTicker();
    });
  }

  /** The "N new" pill: show the new items at the top. */
  async function showNew() {
    batch(() => {
      pendingNew.value = 0;
      openId.value = null;
    });
    await run(async () => {
      await Promise.all([reloadList(), refreshTicker()]);
    });
  }

  async function onNewItems(count: number) {
    await run(async () => {
      // Only insert where it moves nothing: at the top with nothing open. Otherwise the pill.
      if (atTop.value && openId.value === null && !searching.value) {
        await Promise.all([reloadList(), refreshTicker()]);
      } else {
        pendingNew.value += count;
      }
      await refreshSources();
      await refreshCounts();
    });
  }

  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  function refresh() {
    polling.value = true;
    // The background reports the end of the poll; stop the spinner anyway if that word never comes.
    clearTimeout(pollTimer);
    pollTimer = setTimeout(() => (polling.value = false), 60_000);
    void env.send({ type: 'refresh' });
  }

  async function reloadPrefs() {
    const [s, t] = await Promise.all([loadSettings(env.sync), loadTopics(env.sync)]);
    batch(() => {
      settings.value = s;
      topics.value = t;
    });
    const f = filter.value;
    if (f.kind === 'topic' && !t.some((x) => x.id === f.id)) await setFilter({ kind: 'all' });
    await Promise.all([refreshCounts(), refreshTicker()]);
  }

  function onMessage(m: unknown) {
    if (!isMessage(m)) return;
    if (m.type === 'newItems') void onNewItems(m.count);
    else if (m.type === 'pollState') {
      polling.value = m.polling;
      if (!m.polling) void run(async () => Promise.all([refreshSources(), refreshCounts()]));
    } else if (m.type === 'sourcesChanged') {
      void run(async () => {
        await refreshSources();
        const f = filter.value;
        if (f.kind === 'source' && !sources.value.some((s) => s.id === f.id)) await setFilter({ kind: 'all' });
        else if (atTop.value && openId.value === null) await reloadList();
        await Promise.all([refreshCounts(), refreshTicker()]);
      });
    }
  }

  /** Loads the first page first (what the user sees), then the rest. Returns a cleanup. */
  async function start(): Promise<() => void> {
    const offs = [
      env.onMessage(onMessage),
      env.onStorageChanged((keys, area) => {
        if (area === 'sync' && keys.some((k) => k === SETTINGS_KEY || k === 'topicIds' || k.startsWith('topic:'))) void run(reloadPrefs);
      }),
      env.onOnlineChanged((v) => (online.value = v)),
    ];
    // Relative times and the ticker window move with the clock.
    const tick = setInterval(() => {
      now.value = env.now();
      void run(refreshTicker);
    }, 60_000);
    await run(async () => {
      const prefs = Promise.all([loadSettings(env.sync), loadTopics(env.sync), refreshSources()]);
      await reloadList();
      // The first articles paint first; the ticker, counts and topic chips follow a frame later.
      await env.afterPaint?.();
      const [s, t] = await prefs;
      batch(() => {
        settings.value = s;
        topics.value = t;
      });
      await Promise.all([refreshTicker(), refreshCounts()]);
    });
    loading.value = false;
    return () => {
      offs.forEach((off) => off());
      clearInterval(tick);
    };
  }

  return {
    // state
    filter, items, next, loading, loadingMore, counts, breaking, sources, topics, settings, query, results,
    openId, focusId, pendingNew, polling, online, now, error, atTop,
    // derived
    searching, visible, failing, sourceById,
    // actions
    start, setFilter, loadMore, search, toggleOpen, toggleRead, setRead, star, markAllShownRead, showNew, refresh,
    openOptions: () => env.openOptions(),
    locale: env.locale,
    /** For tests and the list: is this item in the current filter? */
    inFilter: (it: Item) => matchesFilter(filter.value, it),
  };
}
