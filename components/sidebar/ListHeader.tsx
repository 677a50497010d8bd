// Above the list: what is shown (filter or search) and "Mark all read" for it, also for only the
// articles older than a day or a week. It asks nothing: the Undo bar (UndoMarkRead) follows.
import type { SidebarStore } from './state';
import type { MarkScope } from './models/reading';
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
    case 'folder':
      return f.id;
  }
}

function closeMenu(e: Event) {
  const d = (e.currentTarget as HTMLElement).closest('details');
  if (d) d.open = false;
}

/** The article list's name for screen readers: what it shows ("Articles: Unread", "Articles: 3 results for …"). */
export function listName(store: SidebarStore): string {
  return t('sb_articles_in', headText(store));
}

function headText(store: SidebarStore): string {
  const r = store.results.value;
  if (!store.searching.value) return viewName(store);
  if (!r) return t('sb_loading');
  // The rows shown are this answer's, so is the query named (the box may hold the next one already).
  return r.counted ? t('sb_results', [r.items.length, r.query.trim()]) : t('sb_results_first', [r.query.trim()]);
}

/** While only a search's first rows are shown, its count follows at once: announced once, with it. */
function counting(store: SidebarStore): boolean {
  return store.searching.value && store.results.value?.counted === false;
}

export function ListHeader({ store }: { store: SidebarStore }) {
  const anyUnread = store.visible.value.some((i) => i.read === 0);
  const mark = (scope: MarkScope) => (e: Event) => {
    closeMenu(e);
    void store.markAllShownRead(scope);
  };
  return (
    <div class="list-head">
      <h2 id="list-h" aria-live="polite" aria-busy={counting(store) || undefined}>
        {headText(store)}
      </h2>
      <MutedToggle store={store} />
      {anyUnread && (
        <div class="mark-all">
          <button type="button" class="link-btn" onClick={mark('shown')}>
            {t('sb_mark_all_read')}
          </button>
          <details class="mark-menu">
            <summary class="link-btn" aria-label={t('sb_mark_older_menu')} title={t('sb_mark_older_menu')}>
              <span aria-hidden="true">▾</span>
            </summary>
            <div class="menu" role="group" aria-label={t('sb_mark_older_menu')}>
              <button type="button" class="btn" onClick={mark('day')}>{t('sb_mark_older_day')}</button>
              <button type="button" class="btn" onClick={mark('week')}>{t('sb_mark_older_week')}</button>
            </div>
          </details>
        </div>
      )}
    </div>
  );
}

/** "Show muted (3)" while mute rules hide articles; "Hide muted" while they are shown (dimmed). */
function MutedToggle({ store }: { store: SidebarStore }) {
  const hidden = store.counts.value?.muted ?? 0;
  const shown = store.showMuted.value;
  if (!shown && hidden === 0) return null;
  return (
    <button type="button" class="link-btn muted-toggle" aria-pressed={shown} onClick={() => void store.setShowMuted(!shown)}>
      {shown ? t('sb_hide_muted') : t('sb_show_muted', hidden)}
    </button>
  );
}

/** "12 marked read · Undo" for a few seconds after "Mark all read" (announced through the status line). */
export function UndoMarkRead({ store }: { store: SidebarStore }) {
  const m = store.lastMarked.value;
  if (!m) return null;
  return (
    <div class="undo-wrap">
      <div class="undo-bar">
        <span>{m.ids.length === 1 ? t('sb_marked_read_one') : t('sb_marked_read', m.ids.length)}</span>
        <button type="button" class="btn" onClick={() => void store.undoMarkAll()}>{t('sb_undo')}</button>
      </div>
    </div>
  );
}
