// What an empty list means, and what to do about it.
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

interface Empty {
  title: string;
  text: string;
  action?: { label: string; run(): void };
  /** A second, quieter way on. */
  more?: { label: string; run(): void };
}

export function emptyStateOf(store: SidebarStore): Empty | null {
  // Items all shown in the ticker above still make the list not empty.
  if (store.loading.value || store.visible.value.length > 0 || (!store.searching.value && store.items.value.length > 0)) return null;
  if (store.searching.value) {
    return { title: t('sb_no_results', store.query.value.trim()), text: t('sb_no_results_hint'), action: { label: t('sb_clear_search'), run: () => void store.search('') } };
  }
  const sources = store.sources.value;
  // No sources at all: the welcome (Welcome.tsx) shows instead of the list.
  if (sources.length === 0) return null;
  const f = store.filter.value;
  if (f.kind === 'unread') return { title: t('sb_empty_unread_title'), text: t('sb_empty_unread_text') };
  if (f.kind === 'starred') return { title: t('sb_empty_starred_title'), text: t('sb_empty_starred_text') };
  if (f.kind === 'all') {
    if (sources.every((s) => s.health === 'error')) {
      // Nothing ever arrived (a starter pack chosen offline): the way back to the welcome stays.
      const back = store.items.value.length === 0 ? { label: t('sb_start_over'), run: () => void store.welcome.startOver() } : undefined;
      return {
        title: t('sb_all_failing_title'),
        text: store.online.value ? t('sb_all_failing_text') : t('sb_all_failing_offline'),
        action: { label: t('sb_fix_sources'), run: () => store.openOptions('sources-failing') },
        more: back,
      };
    }
    if (!store.online.value) return { title: t('sb_offline_empty_title'), text: t('sb_offline') };
    return { title: t('sb_waiting_title'), text: t('sb_waiting_text'), action: { label: t('sb_refresh'), run: () => store.refresh() } };
  }
  return { title: t('sb_empty_filter_title'), text: t('sb_empty_filter_text') };
}

export function EmptyState({ store }: { store: SidebarStore }) {
  const e = emptyStateOf(store);
  if (!e) return null;
  return (
    <div class="empty" role="status">
      <h2>{e.title}</h2>
      <p>{e.text}</p>
      {e.action && (
        <button type="button" class="btn primary" onClick={e.action.run}>
          {e.action.label}
        </button>
      )}
      {e.more && (
        <p>
          <button type="button" class="link-btn" onClick={e.more.run}>{e.more.label}</button>
        </p>
      )}
    </div>
  );
}
