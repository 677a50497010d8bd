// Search over titles and summaries, answering as the user types.
import type { Ref } from 'preact';
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function SearchBox({ store, inputRef }: { store: SidebarStore; inputRef: Ref<HTMLInputElement> }) {
  return (
    <form role="search" class="search" onSubmit={(e) => e.preventDefault()}>
      <label for="sb-search" class="visually-hidden">{t('sb_search_label')}</label>
      <svg class="search-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" stroke-width="1.6" />
        <path d="M10 10l4 4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      </svg>
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
