// Filters with counts: All / Unread / Starred / each topic as buttons, then the button that opens the
// folder list (folders and their sources, FolderList.tsx).
import type { SidebarStore } from './state';
import { sameFilter } from './state';
import type { Filter } from '@/utils/db/queries';
import { FolderList } from './FolderList';
import { t } from '@/utils/i18n';

function Chip({ store, filter, label, count }: { store: SidebarStore; filter: Filter; label: string; count?: number }) {
  const active = sameFilter(store.filter.value, filter);
  return (
    <li>
      <button type="button" class={`chip${active ? ' active' : ''}`} aria-pressed={active} onClick={() => void store.setFilter(filter)}>
        <span class="chip-label">{label}</span>
        {count !== undefined && <span class="count">{count}</span>}
      </button>
    </li>
  );
}

/** What the folder list's button says: "Folders" (or "Sources"), and the folder or source shown. */
function foldersLabel(store: SidebarStore, hasFolders: boolean): string {
  const f = store.filter.value;
  const name = f.kind === 'folder' ? f.id : f.kind === 'source' ? store.sourceById.value.get(f.id)?.name : undefined;
  if (name === undefined) return t(hasFolders ? 'sb_folders' : 'sb_sources');
  return t(hasFolders ? 'sb_folders_showing' : 'sb_sources_showing', name);
}

export function FilterBar({ store }: { store: SidebarStore }) {
  const c = store.counts.value;
  const f = store.filter.value;
  const sources = store.sources.value;
  const hasFolders = sources.some((s) => s.folder);
  const open = store.foldersOpen.value;
  const picked = f.kind === 'folder' || f.kind === 'source';
  return (
    <nav class="filters" aria-label={t('sb_filters')}>
      <ul class="chips">
        <Chip store={store} filter={{ kind: 'all' }} label={t('sb_filter_all')} count={c?.all} />
        <Chip store={store} filter={{ kind: 'unread' }} label={t('sb_filter_unread')} count={c?.unread} />
        <Chip store={store} filter={{ kind: 'starred' }} label={t('sb_filter_starred')} count={c?.starred} />
        {store.topics.value.map((tp) => (
          <Chip key={tp.id} store={store} filter={{ kind: 'topic', id: tp.id }} label={tp.name} count={c?.topics[tp.id]} />
        ))}
        {sources.length > 0 && (
          <li>
            {/* Closed at first and remembered: the articles start on the first screen. */}
            <button type="button" class={`chip folders-toggle${picked ? ' active' : ''}`} aria-expanded={open} aria-controls="folder-list" onClick={() => store.setFoldersOpen(!open)}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d={open ? 'M3 6l5 5 5-5' : 'M6 3l5 5-5 5'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              <span class="chip-label">{foldersLabel(store, hasFolders)}</span>
            </button>
          </li>
        )}
      </ul>
      {sources.length > 0 && open && <FolderList store={store} id="folder-list" />}
    </nav>
  );
}
