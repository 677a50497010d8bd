// Filters with counts: All / Unread / Starred / each topic as buttons, each source in a select.
import type { SidebarStore } from './state';
import { sameFilter } from './state';
import type { Filter } from '@/utils/db/queries';
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

export function FilterBar({ store }: { store: SidebarStore }) {
  const c = store.counts.value;
  const f = store.filter.value;
  const sources = [...store.sources.value].sort((a, b) => a.name.localeCompare(b.name));
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
      {sources.length > 0 && (
        <label class="source-select">
          <span class="visually-hidden">{t('sb_filter_source')}</span>
          <select
            value={f.kind === 'source' ? f.id : ''}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              void store.setFilter(id ? { kind: 'source', id } : { kind: 'all' });
            }}
          >
            <option value="">{t('sb_filter_all_sources')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {c ? `${s.name} (${c.sources[s.id] ?? 0})` : s.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
