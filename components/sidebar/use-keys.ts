// The sidebar's keyboard shortcuts (keyboard.ts maps a key press to an action): moving between
// articles, opening, reading, starring, search, "Show new", help and Esc stepping back.
import { useEffect } from 'preact/hooks';
import type { SidebarStore } from './state';
import { keyAction, moveFocus } from './keyboard';
import { focusTitle } from './row-focus';

export interface KeyTargets {
  /** The reader is open: it has its own keys. */
  reading: { readonly current: boolean };
  search: { readonly current: HTMLInputElement | null };
  showNew(): void;
  showHelp(): void;
}

export function useKeys(store: SidebarStore, { reading, search, showNew, showHelp }: KeyTargets): void {
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
        onRow: !!target?.classList?.contains('title-btn'),
      });
      // The ticker handles its own keys (see Ticker.tsx).
      if (!action || e.defaultPrevented) return;
      const ids = store.visible.value.map((i) => i.id);
      const focused = store.focusId.value;
      switch (action) {
        case 'next':
        case 'prev':
        case 'first':
        case 'last': {
          const id = action === 'first' ? ids[0] : action === 'last' ? ids[ids.length - 1] : moveFocus(ids, focused, action === 'next' ? 1 : -1);
          if (!id) return;
          // At the end of what is loaded, with more to come: the press moves once the next page is in.
          if (action === 'next' && id === focused && store.next.value !== undefined) {
            void store.loadMore().then(() => {
              const after = moveFocus(store.visible.value.map((i) => i.id), focused, 1);
              if (after && after !== focused && store.focusId.value === focused) {
                store.focusId.value = after;
                focusTitle(after);
              }
            });
            break;
          }
          store.focusId.value = id;
          focusTitle(id);
          if (action !== 'prev' && action !== 'first' && ids.indexOf(id) >= ids.length - 3) void store.loadMore();
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
        case 'showNew':
          if (store.pendingNew.value <= 0) return;
          showNew();
          break;
        case 'help':
          showHelp();
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
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

}
