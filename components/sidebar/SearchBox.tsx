// Search over titles and summaries, answering as the user types.
import type { Ref } from 'preact';
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function SearchBox({ store, inputRef }: { store: SidebarStore; inputRef: Ref<HTMLInputElement> }) {
  return (
    <form role="search" class="search" onSubmit={(e) => e.preventDefault()}>
      <label for="sb-search" class="visually-hidden">{t('sb_search_label')}</label>
      <span class="search-icon" aria-hidden="true">⌕</span>
      <input
        ref={inputRef}
        id="sb-search"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('sb_search_placeholder')}
        value={store.query.value}
        onInput={(e) => void store.search((e.currentTarget as HTMLInputElement).value)}
      />
    </form>
  );
}
