// Above the list: what is shown (filter or search) and "mark all read" for it.
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function viewName(store: SidebarStore): string {
  const f = store.filter.value;
  switch (f.kind) {
    case 'all':
      return t('sb_filter_all');
    case 'unread':
      return t('sb_filter_unread');
    case 'starred':
      return t('sb_filter_starred');
    case 'topic':
      return store.topics.value.find((x) => x.id === f.id)?.name ?? t('sb_topics');
    case 'source':
      return store.sourceById.value.get(f.id)?.name ?? t('sb_filter_source');
  }
}

/** The article list's name for screen readers: what it shows ("Articles: Unread", "Articles: 3 results for …"). */
export function listName(store: SidebarStore): string {
  return t('sb_articles_in', headText(store));
}

function headText(store: SidebarStore): string {
  const r = store.results.value;
  if (!store.searching.value) return viewName(store);
  return r ? t('sb_results', [r.items.length, store.query.value.trim()]) : t('sb_loading');
}

export function ListHeader({ store }: { store: SidebarStore }) {
  const anyUnread = store.visible.value.some((i) => i.read === 0);
  return (
    <div class="list-head">
      <h2 id="list-h" aria-live="polite">
        {headText(store)}
      </h2>
      {anyUnread && (
        <button type="button" class="link-btn" onClick={() => void store.markAllShownRead()}>
          {t('sb_mark_all_read')}
        </button>
      )}
    </div>
  );
}
