// The sidebar page: toolbar and search, notices, the breaking ticker, filters and the article list.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { SidebarStore } from './state';
import type { Item } from '@/utils/model';
import type { RemoteImages } from '@/utils/sidebar/images';
import { readHere } from './read-here';
import { useKeys } from './use-keys';
import { focusTitle, reveal } from './row-focus';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusLine } from './StatusLine';
import { useTopbarHeight } from './topbar-height';
import { SearchBox } from './SearchBox';
import { Ticker } from './Ticker';
import { FilterBar } from './FilterBar';
import { ListHeader, listName, UndoMarkRead } from './ListHeader';
import { ArticleList } from './ArticleList';
import { NewPill } from './NewPill';
import { EmptyState } from './EmptyState';
import { OfflineNotice, SourceErrors } from './SourceErrors';
import { StorageFull } from './StorageFull';
import { SnoozeChip, SnoozeMenu } from './AlertsSnooze';
import { t } from '@/utils/i18n';
import { problemText } from '@/utils/problem-text';
import type { LiveFollow } from './live-follow';
import { FollowBar } from './FollowBar';
import { showsWelcome, Welcome, WelcomeDone } from './Welcome';

/** Smooth scrolling, unless the user asked for less motion. */
const scrollBehavior = (): ScrollBehavior => (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/** The reader, loaded on the first "Read here" (see entrypoints/sidepanel/main.tsx). */
export interface LoadedReader {
  View: ComponentType<{ model: LoadedReader['model']; items: () => Item[]; locale: string; onClose(): void; images?: RemoteImages }>;
  model: {
    item: { value: Item | null };
    open(item: Item): Promise<void>;
    close(): void;
  };
}

export function App({ store, loadReader, live }: { store: SidebarStore; loadReader?: () => Promise<LoadedReader>; live?: LiveFollow }) {
  const search = useRef<HTMLInputElement>(null);
  const header = useRef<HTMLElement>(null);
  useTopbarHeight(header);
  const [help, setHelp] = useState(false);
  const [reader, setReader] = useState<LoadedReader | null>(null);
  const readingItem = reader?.model.item.value ?? null;
  const reading = useRef(false);
  reading.current = readingItem !== null;
  /** Where the list was when the reader opened: going back returns there. */
  const listScroll = useRef(0);

  useEffect(() => {
    if (!loadReader) return;
    readHere.value = (item) => {
      if (!reading.current) listScroll.current = window.scrollY;
      void loadReader().then((r) => {
        setReader(r);
        void r.model.open(item);
      });
    };
    return () => {
      readHere.value = null;
    };
  }, [loadReader]);

  // The welcome gone (its first source added), the list starts at the top: the welcome may have been
  // scrolled to its address field, and a page grown short moves without a scroll event in Firefox.
  const welcome = showsWelcome(store);
  useEffect(() => {
    if (welcome) return;
    if (window.scrollY > 0) window.scrollTo(0, 0);
    store.atTop.value = true;
  }, [welcome]);

  // What the reader shows counts as read (also when j/k moved on to the next article).
  useEffect(() => {
    if (readingItem && readingItem.read === 0) void store.setRead([readingItem.id], true);
    if (readingItem) store.focusId.value = readingItem.id;
  }, [readingItem?.id]);

  const closeReader = () => {
    const id = readingItem?.id;
    reader?.model.close();
    // Back where the list was, with the last article read focused.
    requestAnimationFrame(() => {
      window.scrollTo?.(0, listScroll.current);
      if (id && document.getElementById(`t-${id}`)) focusTitle(id);
    });
  };

  useKeys(store, { reading, search, showNew, showHelp: () => setHelp(true) });

  useEffect(() => {
    const onScroll = () => {
      if (reading.current) return;
      const top = window.scrollY < 8;
      if (store.atTop.value !== top) store.atTop.value = top;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [store]);

  // Shows the new items at the top and puts focus on the first of them (the pill goes away, so focus
  // must go somewhere a keyboard user can continue from).
  function showNew() {
    void store.showNew().then(() => {
      const first = store.visible.value[0]?.id;
      if (!first) return;
      store.focusId.value = first;
      requestAnimationFrame(() => {
        const el = document.getElementById(`t-${first}`);
        el?.focus({ preventScroll: true });
        // Back to the top (ticker and all) when the first new article shows there; else to the article.
        const row = el?.closest('li');
        if (row && row.getBoundingClientRect().bottom + window.scrollY > window.innerHeight) reveal(row);
        else window.scrollTo?.({ top: 0, behavior: scrollBehavior() });
      });
    });
  }

  return (
    <div class="app">
      <a class="skip-link" href="#articles" onClick={(e) => {
        e.preventDefault();
        const id = store.focusId.value ?? store.visible.value[0]?.id;
        if (id && document.getElementById(`t-${id}`)) focusTitle(id);
        else document.getElementById('articles')?.focus();
      }}>{t('sb_skip_to_articles')}</a>
      <header class="topbar" ref={header}>
        <div class="brand-row">
          <h1 class="brand">{t('extName')}</h1>
          <div class="tools">
            <SnoozeMenu store={store} />
            <button type="button" class="icon-btn" aria-pressed={store.compact.value} aria-label={t('sb_compact')} title={t('sb_compact')} onClick={() => store.setCompact(!store.compact.value)}>
              <span aria-hidden="true">☰</span>
            </button>
            <button type="button" class={`icon-btn${store.polling.value ? ' spinning' : ''}`} aria-label={t('sb_refresh')} title={t('sb_refresh')} onClick={() => store.refresh()}>
              <span aria-hidden="true">↻</span>
            </button>
            <button type="button" class="icon-btn" aria-label={t('sb_settings')} title={t('sb_settings')} onClick={() => store.openOptions()}>
              <span aria-hidden="true">⚙</span>
            </button>
          </div>
        </div>
        <SearchBox store={store} inputRef={search} />
      </header>
      {!readingItem && <NewPill store={store} onShow={showNew} />}
      {reader && readingItem && <reader.View model={reader.model} items={() => store.visible.value} locale={store.locale} onClose={closeReader} images={store.images} />}
      <main hidden={readingItem !== null}>
        <OfflineNotice store={store} />
        <StorageFull store={store} />
        <SnoozeChip store={store} />
        {store.error.value && <p class="notice error" role="alert">{t('sb_error_load', problemText(store.error.value))}</p>}
        {live && !store.searching.value && <FollowBar live={live} />}
        {!store.searching.value && <Ticker store={store} live={live} />}
        <SourceErrors store={store} />
        <WelcomeDone store={store} />
        <StatusLine store={store} />
        {showsWelcome(store) ? (
          <Welcome store={store} />
        ) : (
          <>
            <FilterBar store={store} />
            <section class="articles" aria-label={listName(store)}>
              <ListHeader store={store} />
              <ArticleList store={store} live={live} />
              <EmptyState store={store} />
            </section>
          </>
        )}
      </main>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      <UndoMarkRead store={store} />
    </div>
  );
}
