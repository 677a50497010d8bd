// The sidebar page: toolbar and search, notices, the breaking ticker, filters and the article list.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { SidebarStore } from './state';
import type { Item } from '@/utils/model';
import { readHere } from './read-here';
import { keyAction, moveFocus } from './keyboard';
import { SearchBox } from './SearchBox';
import { Ticker } from './Ticker';
import { FilterBar } from './FilterBar';
import { ListHeader } from './ListHeader';
import { ArticleList } from './ArticleList';
import { NewPill } from './NewPill';
import { EmptyState } from './EmptyState';
import { OfflineNotice, SourceErrors } from './SourceErrors';
import { SnoozeChip, SnoozeMenu } from './AlertsSnooze';
import { t } from '@/utils/i18n';
import type { LiveFollow } from './live-follow';
import { FollowBar } from './FollowBar';

function focusTitle(id: string) {
  const el = document.getElementById(`t-${id}`);
  el?.focus();
  el?.closest('li')?.scrollIntoView?.({ block: 'nearest' });
}

/** The reader, loaded on the first "Read here" (see entrypoints/sidepanel/main.tsx). */
export interface LoadedReader {
  View: ComponentType<{ model: LoadedReader['model']; items: () => Item[]; locale: string; onClose(): void }>;
  model: {
    item: { value: Item | null };
    open(item: Item): Promise<void>;
    close(): void;
  };
}

export function App({ store, loadReader, live }: { store: SidebarStore; loadReader?: () => Promise<LoadedReader>; live?: LiveFollow }) {
  const search = useRef<HTMLInputElement>(null);
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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (reading.current) return; // the reader has its own keys
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName ?? '';
      const action = keyAction({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        inTextField: tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !!target?.isContentEditable,
        onControl: tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY',
      });
      if (!action) return;
      const ids = store.visible.value.map((i) => i.id);
      const focused = store.focusId.value;
      switch (action) {
        case 'next':
        case 'prev': {
          const id = moveFocus(ids, focused, action === 'next' ? 1 : -1);
          if (!id) return;
          store.focusId.value = id;
          focusTitle(id);
          if (action === 'next' && ids.indexOf(id) >= ids.length - 3) void store.loadMore();
          break;
        }
        case 'open':
          if (!focused) return;
          void store.toggleOpen(focused);
          break;
        case 'toggleRead':
          if (focused) void store.toggleRead(focused);
          break;
        case 'star':
          if (focused) void store.star(focused);
          break;
        case 'search':
          search.current?.focus();
          search.current?.select();
          break;
        case 'back':
          if (target === search.current) {
            if (store.query.value) void store.search('');
            else search.current?.blur();
          } else if (store.openId.value) {
            const id = store.openId.value;
            void store.toggleOpen(id);
            focusTitle(id);
          } else if (store.searching.value) {
            void store.search('');
          } else if (store.filter.value.kind !== 'all') {
            void store.setFilter({ kind: 'all' });
          } else return;
          break;
      }
      e.preventDefault();
    };
    const onScroll = () => {
      if (reading.current) return;
      const top = window.scrollY < 8;
      if (store.atTop.value !== top) store.atTop.value = top;
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
    };
  }, [store]);

  const showNew = () => {
    void store.showNew();
    window.scrollTo?.({ top: 0, behavior: 'smooth' });
  };

  return (
    <div class="app">
      <header class="topbar">
        <div class="brand-row">
          <h1 class="brand">{t('extName')}</h1>
          <div class="tools">
            <SnoozeMenu store={store} />
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
      {reader && readingItem && <reader.View model={reader.model} items={() => store.visible.value} locale={store.locale} onClose={closeReader} />}
      <main hidden={readingItem !== null}>
        <OfflineNotice store={store} />
        <SnoozeChip store={store} />
        {store.error.value && <p class="notice error" role="alert">{t('sb_error_load', store.error.value)}</p>}
        {live && !store.searching.value && <FollowBar live={live} />}
        {!store.searching.value && <Ticker store={store} live={live} />}
        <SourceErrors store={store} />
        <FilterBar store={store} />
        <section class="articles" aria-labelledby="list-h">
          <ListHeader store={store} />
          <ArticleList store={store} live={live} />
          <EmptyState store={store} />
        </section>
      </main>
    </div>
  );
}
