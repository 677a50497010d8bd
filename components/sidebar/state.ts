// The sidebar's store: small models (models/) wired together, with what happens between them — a
// filter change, new items from the background, changed settings. No DOM here: the components read the
// signals and call the actions; the browser comes in through SidebarEnv.
import { batch, computed } from '@preact/signals';
import type { Item, MuteRule } from '@/utils/model';
import { saveMuteRule } from '@/utils/mutes/store';
import type { MuteDraft } from '../shared/MuteEditor';
import { isMessage } from '@/utils/messages';
import { touchesSettingsOrTopics } from '@/utils/storage-keys';
import { loadStory, matchesFilter, type Filter } from '@/utils/db/queries';
import type { OptionsSection, SidebarEnv } from './sidebar-env';
import { StatusModel } from './models/status';
import { PreferencesModel } from './models/preferences';
import { ListModel, sameFilter } from './models/list';
import { SearchModel } from './models/search';
import { FilterCountsModel } from './models/filter-counts';
import { TickerModel } from './models/ticker';
import { ReadingModel } from './models/reading';
import { StorageModel } from './models/storage';
import { isKeptActionKey, STORAGE_STATE_KEY } from '@/utils/storage-keys';
import { keptOverlay } from '@/utils/db/kept-actions';
import { t } from '@/utils/i18n';
import { createImagesModel } from './models/images';
import { WelcomeModel } from './models/welcome';
import { ViewModel } from './models/view';
import { listRows } from '@/utils/sidebar/live';
import { screenfulOfRows } from './first-rows';
import { folderFilter } from '@/utils/sidebar/folders';

/** Below this many rows the list shows a poll's articles as they are stored (one screen). */
const MID_POLL_FILL = 12;

export { sameFilter };
export type SidebarStore = ReturnType<typeof createSidebarStore>;

export function createSidebarStore(env: SidebarEnv) {
  const status = new StatusModel(env);
  const storage = new StorageModel(env);
  const prefs = new PreferencesModel(env);
  const view = new ViewModel();
  const list = new ListModel(env, view.showMuted);
  const search = new SearchModel(env, list.filter, () => screenfulOfRows(view.compact.value), view.showMuted);
  const counts = new FilterCountsModel(env, prefs);
  const ticker = new TickerModel(env, prefs.settings);
  const images = createImagesModel(prefs.settings, prefs.known);
  // In All and Unread, what the ticker shows is not repeated as rows, and a followed live page is one row
  // (listRows).
  const tickerIds = computed(() => new Set(ticker.breaking.value.map((i) => i.id)));
  // Rows show the user's actions kept while the database had no room (models/storage.ts).
  const visible = computed(() => {
    if (search.searching.value) return storage.apply(search.results.value?.items ?? []);
    const kind = list.filter.value.kind;
    if (kind !== 'all' && kind !== 'unread') return storage.apply(list.items.value);
    return storage.apply(listRows(list.items.value, tickerIds.value, prefs.sourceById.value));
  });
  const breaking = computed(() => storage.apply(ticker.breaking.value));
  const reading = new ReadingModel(env, { list, search, ticker, counts, status, storage, visible });

  /**
   * The worker's storage state or the kept actions changed: actions written since are in the store
   * now, so the rows keep them (the overlay goes) and the counts follow.
   */
  async function onStorageState() {
    const written = await storage.refresh();
    if (written.length === 0) return;
    const still = storage.overlay.value;
    batch(() => {
      for (const [id, p] of keptOverlay(written)) if (!still.has(id)) patchRow(id, p);
    });
    await counts.refreshCounts();
  }
  const patchRow = (id: string, p: Partial<Item>) => {
    const ids = new Set([id]);
    list.patch(ids, p);
    ticker.patch(ids, p);
    search.patch(ids, p);
  };
  const run = status.run;
  const welcome = new WelcomeModel(env, () => run(onSourcesChanged).then(() => {}), status.announce);

  const doSearch = (q: string) => run(() => search.search(q)).then(() => {});

  async function setFilter(f: Filter) {
    if (sameFilter(f, list.filter.value) && !search.searching.value) return;
    list.chooseFilter(f);
    await run(list.reloadList);
    if (search.searching.value) await doSearch(search.query.value);
  }

  async function loadMore() {
    if (search.searching.value) return;
    await run(list.loadNextPage);
  }

  /** The "N new" pill: show the new items at the top. */
  async function showNew() {
    batch(() => {
      list.pendingNew.value = 0;
      list.openId.value = null;
    });
    await run(() => Promise.all([list.reloadList(), ticker.refreshTicker()]));
  }

  /**
   * New items go into the list where that moves nothing: at the top with nothing open, or a list that
   * shows nothing yet (the welcome may have been scrolled when the first feed was added), which never
   * holds them behind the pill.
   */
  const mayInsert = () => !search.searching.value && (visible.value.length === 0 || (list.atTop.value && list.openId.value === null));

  async function onNewItems(count: number) {
    await run(async () => {
      const breakingNew = await ticker.countNew();
      status.announce(breakingNew > 0 ? t('sb_status_new_breaking', [count, breakingNew]) : t('sb_status_new', count));
      // Only insert where it moves nothing: at the top with nothing open. Otherwise the pill.
      if (mayInsert()) {
        await Promise.all([list.reloadList(), ticker.refreshTicker()]);
      } else {
        list.addPending(count);
      }
      await prefs.refreshSources();
      await counts.refreshCounts();
    });
  }

  /**
   * Mid-poll: a list that does not fill a screen yet (just added sources, first run) shows what is
   * stored at once; a full list waits for the poll's 'newItems', which announces it all.
   */
  async function onItemsStored() {
    if (list.items.value.length >= MID_POLL_FILL || !mayInsert()) return;
    await run(() => Promise.all([list.reloadList(), ticker.refreshTicker(), counts.refreshCounts()]));
  }

  async function reloadPrefs() {
    prefs.applyPrefs(await prefs.readPrefs());
    const f = list.filter.value;
    if (f.kind === 'topic' && !prefs.topics.value.some((x) => x.id === f.id)) await setFilter({ kind: 'all' });
    await Promise.all([counts.refreshCounts(), ticker.refreshTicker()]);
  }

  async function onSourcesChanged() {
    await prefs.refreshSources();
    const f = list.filter.value;
    if (f.kind === 'source' && !prefs.sources.value.some((s) => s.id === f.id)) await setFilter({ kind: 'all' });
    else if (f.kind === 'folder') {
      // The folder's sources may have changed (moved, added, removed): choose it again, or All if it is gone.
      list.chooseFilter(folderFilter(prefs.sources.value, f.id));
      await list.reloadList();
    }
    else if (list.atTop.value && list.openId.value === null) await list.reloadList();
    await Promise.all([counts.refreshCounts(), ticker.refreshTicker()]);
  }

  function onMessage(m: unknown) {
    if (!isMessage(m)) return;
    if (m.type === 'newItems') void onNewItems(m.count);
    else if (m.type === 'itemsStored') void onItemsStored();
    else if (m.type === 'pollState') {
      status.setPolling(m.polling);
      if (!m.polling) void run(() => Promise.all([prefs.refreshSources(), counts.refreshCounts()]));
    } else if (m.type === 'sourcesChanged') void run(onSourcesChanged);
    else if (m.type === 'showTopic') void setFilter({ kind: 'topic', id: m.topicId });
    else if (m.type === 'storageState') storage.told(m.state);
    // Stored items changed under the list (mute rules or topics re-applied): the counts follow, and
    // the rows where that moves nothing under the reader.
    else if (m.type === 'itemsChanged') void run(() => Promise.all([counts.refreshCounts(), ticker.refreshTicker(), mayInsert() ? list.reloadList() : undefined]));
  }

  /** Loads the first page first (what the user sees), then the rest. Returns a cleanup. */
  async function start(): Promise<() => void> {
    const offs = [
      env.onMessage(onMessage),
      env.onStorageChanged((keys, area) => {
        if (area === 'sync' && touchesSettingsOrTopics(keys)) void run(reloadPrefs);
        if (area === 'local' && keys.some((k) => k === STORAGE_STATE_KEY || isKeptActionKey(k))) void run(onStorageState);
      }),
      env.onOnlineChanged((online) => {
        status.setOnline(online);
        // Sources that failed (offline, most likely) are tried again as soon as the network is back.
        if (online && prefs.failing.value.length > 0) status.refresh();
      }),
    ];
    // Relative times and the ticker window move with the clock.
    const tick = setInterval(() => {
      ticker.tick();
      void run(ticker.refreshTicker);
    }, 60_000);
    await run(async () => {
      const read = Promise.all([prefs.readPrefs(), prefs.refreshSources()]);
      // Actions kept while the database was full show on the first rows already, and a panel opened
      // from an alert summary shows that topic first: both are read side by side (each a round trip
      // to the browser) while the database opens, and the first page waits for both.
      const [, topic] = await Promise.all([storage.refresh(), env.requestedTopic?.()]);
      // The worker's own state comes by message too (storage.local may hold an old one when a full
      // disk refused the new): asked after the stored one is read, so the answer is the one that stays.
      void env.send({ type: 'storageStateWanted' });
      // The feed server (if one is connected) is asked what changed; the worker skips it while backing off.
      void env.send({ type: 'serverSync' });
      if (topic) list.chooseFilter({ kind: 'topic', id: topic });
      await list.reloadList();
      // The first articles paint first; the ticker, counts and topic chips follow a frame later.
      await env.afterPaint?.();
      prefs.applyPrefs((await read)[0]);
      await Promise.all([ticker.refreshTicker(), counts.refreshCounts()]);
    });
    list.loading.value = false;
    return () => {
      offs.forEach((off) => off());
      clearInterval(tick);
    };
  }

  return {
    // state
    filter: list.filter, items: list.items, next: list.next, loading: list.loading, loadingMore: list.loadingMore,
    openId: list.openId, focusId: list.focusId, pendingNew: list.pendingNew, atTop: list.atTop,
    counts: counts.counts, breaking, now: ticker.now,
    /** The database has no room: the sidebar's one line (StorageFull.tsx). */
    storageFull: storage.full,
    sources: prefs.sources, topics: prefs.topics, settings: prefs.settings,
    /** Which articles' remote images may load ("Load remote images", "Show images"). */
    images,
    query: search.query, results: search.results,
    polling: status.polling, online: status.online, error: status.error, announcement: status.announcement,
    // derived
    searching: search.searching, visible, failing: prefs.failing, sourceById: prefs.sourceById,
    // actions
    start, setFilter, loadMore, search: doSearch, refresh: status.refresh, showNew, snooze: prefs.snooze,
    toggleOpen: reading.toggleOpen, toggleRead: reading.toggleRead, setRead: reading.setRead, star: reading.star,
    markAllShownRead: reading.markAllShownRead, undoMarkAll: reading.undoMarkAll, lastMarked: reading.lastMarked,
    openOptions: (section?: OptionsSection) => env.openOptions(section),
    /** An opened story row's reports (each outlet's headline, time and link). */
    storyReports: async (storyId: string) => loadStory(await env.db(), storyId, { showMuted: view.showMuted.value }),
    mutes: prefs.mutes,
    showMuted: view.showMuted,
    /** "Show muted" / "Hide muted": the list is read again with or without them. */
    setShowMuted: (v: boolean) => {
      view.setShowMuted(v);
      return run(() => (search.searching.value ? search.search(search.query.value) : list.reloadList())).then(() => {});
    },
    /** How many stored articles a rule being written would hide (loaded on first use). */
    previewMute: async (draft: MuteDraft) => (await import('@/utils/mutes/preview')).previewMute(await env.db(), draft, prefs.sources.value),
    /** A rule from "Mute stories like this…": saved to synced storage; the worker re-applies the rules, then says itemsChanged. */
    saveMute: async (rule: MuteRule) => {
      await saveMuteRule(env.sync, rule);
      prefs.mutes.value = [...prefs.mutes.value.filter((r) => r.id !== rule.id), rule];
      // The worker re-applies the rules (answering once the stored items follow); then the rows go.
      await env.send({ type: 'mutesChanged' });
      list.openId.value = null;
      await run(() => Promise.all([list.reloadList(), counts.refreshCounts(), ticker.refreshTicker()]));
      status.announce(t('sb_mute_added'));
    },
    /** "Not the same story": the worker takes the report out; the list and counts follow. */
    notSameStory: (itemId: string) => run(async () => {
      await env.send({ type: 'notSameStory', itemId });
      await Promise.all([list.reloadList(), counts.refreshCounts()]);
    }).then(() => {}),
    locale: env.locale,
    welcome,
    compact: view.compact, setCompact: view.setCompact,
    tickerCollapsed: view.tickerCollapsed, setTickerCollapsed: view.setTickerCollapsed,
    foldersOpen: view.foldersOpen, setFoldersOpen: view.setFoldersOpen,
    /** Shows a folder's articles: those of its sources and of the folders inside it. */
    showFolder: (path: string) => setFilter(folderFilter(prefs.sources.value, path)),
    /** For tests and the list: is this item in the current filter? */
    inFilter: (it: Item) => matchesFilter(list.filter.value, it),
  };
}
