// Filters with counts: All / Unread / Starred / each topic as buttons; each folder (with its unread
// count) and each source in one select, the sources grouped under their folders.
import type { SidebarStore } from './state';
import { sameFilter } from './state';
import type { Filter } from '@/utils/db/queries';
import type { Source } from '@/utils/model';
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

/** Folders by name, each with its sources by name; sources without a folder come last. */
export function foldersOf(sources: readonly Source[]): { folders: Array<{ name: string; sources: Source[] }>; loose: Source[] } {
  const byName = [...sources].sort((a, b) => a.name.localeCompare(b.name));
  const map = new Map<string, Source[]>();
  const loose: Source[] = [];
  for (const s of byName) {
    if (s.folder) map.set(s.folder, [...(map.get(s.folder) ?? []), s]);
    else loose.push(s);
  }
  const folders = [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => ({ name, sources: list }));
  return { folders, loose };
}

export function FilterBar({ store }: { store: SidebarStore }) {
  const c = store.counts.value;
  const f = store.filter.value;
  const { folders, loose } = foldersOf(store.sources.value);
  const unreadIn = (list: Source[]) => list.reduce((n, s) => n + (c?.sources[s.id] ?? 0), 0);
  const option = (s: Source) => (
    <option key={s.id} value={`s:${s.id}`}>
      {c ? `${s.name} (${c.sources[s.id] ?? 0})` : s.name}
    </option>
  );
  const value = f.kind === 'source' ? `s:${f.id}` : f.kind === 'folder' ? `f:${f.id}` : '';
  return (
    <nav class="filters" aria-label={t('sb_filters')}>
      <ul class="chips">
        <Chip store={store} filter={{ kind: 'all' }} label={t('sb_filter_all')} count={c?.all} />
        <Chip store={store} filter={{ kind: 'unread' }} label={t('sb_filter_unread')} count={c?.unread} />
        <Chip store={store} filter={{ kind: 'starred' }} label={t('sb_filter_starred')} count={c?.starred} />
        {store.topics.value.map((tp) => (
          <Chip key={tp.id} store={store} filter={{ kind: 'topic', id: tp.id }} label={tp.name} count={c?.topics[tp.id]} />
        ))}
      </ul>
      {folders.length + loose.length > 0 && (
        <label class="source-select">
          <span class="visually-hidden">{folders.length ? t('sb_filter_folder_source') : t('sb_filter_source')}</span>
          <select
            value={value}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              const id = v.slice(2);
              if (v.startsWith('f:')) {
                const ids = store.sources.value.filter((s) => s.folder === id).map((s) => s.id);
                void store.setFilter({ kind: 'folder', id, sourceIds: ids });
              } else void store.setFilter(v ? { kind: 'source', id } : { kind: 'all' });
            }}
          >
            <option value="">{folders.length ? t('sb_filter_all_folders') : t('sb_filter_all_sources')}</option>
            {folders.map((fo) => (
              <optgroup key={fo.name} label={fo.name}>
                <option value={`f:${fo.name}`}>{c ? t('sb_folder_whole_count', [fo.name, String(unreadIn(fo.sources))]) : t('sb_folder_whole', fo.name)}</option>
                {fo.sources.map(option)}
              </optgroup>
            ))}
            {folders.length > 0 && loose.length > 0 ? <optgroup label={t('sb_no_folder')}>{loose.map(option)}</optgroup> : loose.map(option)}
          </select>
        </label>
      )}
    </nav>
  );
}
