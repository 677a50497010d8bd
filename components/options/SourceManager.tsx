// The source manager: hundreds of sources as a compact table with search, sort, a status and a
// folder filter, and bulk pause / resume / move / remove. A source's details open below its row.
// Only the first rows are rendered (more on request), and rows re-render only when their source
// changes, so typing in the search box stays quick at 500 sources.
import { Component, Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { cleanFolder } from '@/utils/db/sources';
import { relativeTime } from '@/utils/format/time';
import { foldersOf, NO_FOLDER, searchRows, sortedRows, statusOf, type ManagedSource, type SortKey, type StatusFilter } from '@/utils/sources/manager';
import { SourceDetails } from './SourceDetails';
import { kindLabel } from '@/utils/sources/kinds';
import type { OptionsStore } from './state';

const PAGE = 50;
const COLUMNS: Array<{ key: SortKey; label: string; class?: string }> = [
  { key: 'name', label: 'opt_col_name' },
  { key: 'folder', label: 'opt_col_folder', class: 'col-folder' },
  { key: 'kind', label: 'opt_col_kind', class: 'col-kind' },
  { key: 'lastSuccess', label: 'opt_col_last_success', class: 'col-last' },
  { key: 'perDay', label: 'opt_col_per_day', class: 'col-num' },
  { key: 'status', label: 'opt_col_status' },
];

export interface ManagerStart {
  /** Coming from the sidebar's "N sources have a problem": the failing ones first. */
  failingFirst?: boolean;
}

// One number format per locale and precision: toLocaleString builds a new one on every call.
const perDayFormats = new Map<string, Intl.NumberFormat>();

function perDayText(n: number, locale: string): string {
  if (n === 0) return '0';
  if (n < 0.1) return '< 0.1';
  const digits = n < 10 ? 1 : 0;
  let f = perDayFormats.get(`${locale}|${digits}`);
  if (!f) perDayFormats.set(`${locale}|${digits}`, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
  return f.format(n);
}

interface RowProps {
  row: ManagedSource;
  selected: boolean;
  open: boolean;
  now: number;
  locale: string;
  onSelect(id: string, on: boolean): void;
  onToggle(id: string): void;
}

/** A row re-renders only when its source, selection or details change (not preact/compat's memo: compat rewires onChange page-wide). */
class Row extends Component<RowProps> {
  override shouldComponentUpdate(b: RowProps): boolean {
    const a = this.props;
    return !(a.row.source === b.row.source && a.row.perDay === b.row.perDay && a.selected === b.selected && a.open === b.open);
  }

  override render() {
    return <RowCells {...this.props} />;
  }
}

function RowCells({ row, selected, open, now, locale, onSelect, onToggle }: RowProps) {
  const s = row.source;
  return (
    <tr class={`st-${row.status}${selected ? ' selected' : ''}`}>
      <td class="col-check">
        <input type="checkbox" checked={selected} aria-label={t('opt_select_named', s.name)} onChange={(e) => onSelect(s.id, e.currentTarget.checked)} />
      </td>
      <th scope="row" class="col-name">
        <button type="button" class="linkish" aria-expanded={open} aria-controls={open ? `details-${s.id}` : undefined} onClick={() => onToggle(s.id)}>
          {s.name}
        </button>
      </th>
      <td class="col-folder">{s.folder ?? ''}</td>
      <td class="col-kind">{s.server ? t('opt_kind_server', kindLabel(s.kind)) : kindLabel(s.kind)}</td>
      <td class="col-last">{s.lastSuccessAt ? relativeTime(s.lastSuccessAt, now, locale) : '—'}</td>
      <td class="col-num">{perDayText(row.perDay, locale)}</td>
      <td><span class={`status-chip ${row.status}`}>{t(`opt_st_${row.status}`)}</span></td>
    </tr>
  );
}

interface TableProps {
  visible: readonly ManagedSource[];
  selected: ReadonlySet<string>;
  open: string | null;
  sort: SortKey;
  descending: boolean;
  folderNames: string[];
  now: number;
  locale: string;
  store: OptionsStore;
  onSelect(id: string, on: boolean): void;
  onToggle(id: string): void;
  onSelectShown(on: boolean): void;
  onSort(key: SortKey): void;
}

/**
 * The table of the rows shown. It re-renders only when they, the selection, the open row or the sort
 * change: a key press in the search box that leaves the rows as they were costs the table nothing.
 * (The callbacks act on the manager's current state; `now` moves every render and only the rows that
 * re-render read it, as before.)
 */
class SourceTable extends Component<TableProps> {
  override shouldComponentUpdate(b: TableProps): boolean {
    const a = this.props;
    return !(a.visible === b.visible && a.selected === b.selected && a.open === b.open && a.sort === b.sort
      && a.descending === b.descending && a.folderNames === b.folderNames);
  }

  override render() {
    const { visible, selected, open, sort, descending, folderNames, now, locale, store, onSelect, onToggle, onSelectShown, onSort } = this.props;
    const allVisibleSelected = visible.length > 0 && visible.every((r) => selected.has(r.source.id));
    return (
      <table class="source-table">
        <caption class="visually-hidden">{t('opt_your_sources')}</caption>
        <thead>
          <tr>
            <th class="col-check" scope="col">
              <input type="checkbox" checked={allVisibleSelected} aria-label={t('opt_select_all_shown')}
                onChange={(e) => onSelectShown(e.currentTarget.checked)} />
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" class={c.class} aria-sort={sort === c.key ? (descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" class="sort" onClick={() => onSort(c.key)}>
                  {t(c.label)}
                  <span aria-hidden="true">{sort === c.key ? (descending ? ' ▾' : ' ▴') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <Fragment key={row.source.id}>
              <Row row={row} selected={selected.has(row.source.id)} open={open === row.source.id} now={now} locale={locale}
                onSelect={onSelect} onToggle={onToggle} />
              {open === row.source.id && (
                <tr class="details-row" id={`details-${row.source.id}`}>
                  <td colSpan={7}><SourceDetails store={store} source={row.source} folders={folderNames} /></td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    );
  }
}

export function SourceManager({ store, start = {} }: { store: OptionsStore; start?: ManagerStart }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [folder, setFolder] = useState('');
  const [sort, setSort] = useState<SortKey>(start.failingFirst ? 'status' : 'name');
  const [descending, setDescending] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [moveTo, setMoveTo] = useState('');
  const sources = store.sources.value;
  const counts = store.itemCounts.value;
  const retention = store.settings.value.retentionDays;
  const now = store.now();
  const locale = store.locale;

  const sorted = useMemo(
    () => sortedRows(sources, counts, { status, folder, sort, descending }, now, retention),
    // `now` moves every render; the view only needs to follow the list and the query.
    [sources, counts, status, folder, sort, descending, retention],
  );
  // A key press in the search box only filters the sorted rows (lower-cased text kept per source).
  const view = useMemo(() => searchRows(sorted, search), [sorted, search]);
  const folders = useMemo(() => foldersOf(sources), [sources]);
  const tally = useMemo(() => {
    const n = { failing: 0, paused: 0, never: 0 };
    for (const s of sources) {
      const st = statusOf(s);
      if (st !== 'ok') n[st]++;
    }
    return n;
  }, [sources]);

  // A selection only holds sources still listed.
  useEffect(() => {
    const ids = new Set(sources.map((s) => s.id));
    if ([...selected].some((id) => !ids.has(id))) setSelected(new Set([...selected].filter((id) => ids.has(id))));
  }, [sources]);

  const onSelect = useMemo(() => (id: string, on: boolean) => setSelected((cur) => {
    const next = new Set(cur);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  const onToggle = useMemo(() => (id: string) => setOpen((cur) => (cur === id ? null : id)), []);

  function sortBy(key: SortKey) {
    if (key === sort) setDescending(!descending);
    else {
      setSort(key);
      // Numbers and times read best largest / newest first.
      setDescending(key === 'perDay' || key === 'lastSuccess');
    }
  }

  const visible = useMemo(() => view.slice(0, shown), [view, shown]);
  const selectedIds = [...selected];
  function onSelectShown(on: boolean) {
    setSelected((cur) => {
      const next = new Set(cur);
      for (const r of visible) on ? next.add(r.source.id) : next.delete(r.source.id);
      return next;
    });
  }

  async function bulk(kind: 'pause' | 'resume' | 'move' | 'remove') {
    if (selectedIds.length === 0) return;
    if (kind === 'remove') {
      await store.removeSources(selectedIds);
      setSelected(new Set());
      return;
    }
    const patch = kind === 'move' ? { folder: moveTo } : { enabled: kind === 'resume' };
    const n = await store.updateSources(selectedIds, patch);
    store.announce(
      kind === 'move'
        ? (cleanFolder(moveTo) ? t('opt_bulk_moved', [String(n), cleanFolder(moveTo)!]) : t('opt_bulk_moved_out', String(n)))
        : t(kind === 'pause' ? 'opt_bulk_paused' : 'opt_bulk_resumed', String(n)),
    );
  }

  const folderNames = useMemo(() => folders.map((f) => f.name), [folders]);
  return (
    <div class="manager">
      <h3 id="manager-title">{t('opt_your_sources')} <span class="muted">({sources.length})</span></h3>
      <datalist id="source-folders">
        {folderNames.map((f) => <option key={f} value={f} />)}
      </datalist>
      <div class="manager-tools" role="search">
        <label class="tool grow">
          <span class="visually-hidden">{t('opt_search_sources')}</span>
          <input type="search" placeholder={t('opt_search_sources')} value={search}
            onInput={(e) => { setSearch(e.currentTarget.value); setShown(PAGE); }} />
        </label>
        <div class="tool">
          <label class="tool-label" for="manager-status">{t('opt_show')}</label>
          <select id="manager-status" value={status} onChange={(e) => { setStatus(e.currentTarget.value as StatusFilter); setShown(PAGE); }}>
            <option value="all">{t('opt_filter_all', String(sources.length))}</option>
            <option value="failing">{t('opt_filter_failing', String(tally.failing))}</option>
            <option value="paused">{t('opt_filter_paused', String(tally.paused))}</option>
            <option value="never">{t('opt_filter_never', String(tally.never))}</option>
          </select>
        </div>
        <div class="tool">
          <label class="tool-label" for="manager-folder">{t('opt_folder')}</label>
          <select id="manager-folder" value={folder} onChange={(e) => { setFolder(e.currentTarget.value); setShown(PAGE); }}>
            <option value="">{t('opt_folder_all')}</option>
            {folders.map((f) => <option key={f.name} value={f.name}>{`${f.name} (${f.count})`}</option>)}
            <option value={NO_FOLDER}>{t('opt_folder_none')}</option>
          </select>
        </div>
      </div>

      {selectedIds.length > 0 && (
        <div class="bulk" role="group" aria-label={t('opt_bulk_label')}>
          <strong>{t('opt_selected', String(selectedIds.length))}</strong>
          <button type="button" onClick={() => void bulk('pause')}>{t('opt_pause')}</button>
          <button type="button" onClick={() => void bulk('resume')}>{t('opt_resume')}</button>
          <span class="bulk-move">
            <label>
              <span class="visually-hidden">{t('opt_move_to_label')}</span>
              <input type="text" list="source-folders" placeholder={t('opt_folder')} value={moveTo} onInput={(e) => setMoveTo(e.currentTarget.value)} />
            </label>
            <button type="button" onClick={() => void bulk('move')}>{t('opt_move')}</button>
          </span>
          <button type="button" class="danger-text" onClick={() => void bulk('remove')}>{t('opt_remove')}</button>
          <button type="button" onClick={() => setSelected(new Set())}>{t('opt_clear_selection')}</button>
        </div>
      )}

      <p class="manager-count muted" aria-live="polite">{view.length === sources.length ? '' : t('opt_matching', [String(view.length), String(sources.length)])}</p>
      {view.length === 0 ? (
        <p class="empty">{t('opt_no_match')}</p>
      ) : (
        <SourceTable visible={visible} selected={selected} open={open} sort={sort} descending={descending} folderNames={folderNames}
          now={now} locale={locale} store={store} onSelect={onSelect} onToggle={onToggle} onSelectShown={onSelectShown} onSort={sortBy} />
      )}
      {view.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          {t('opt_show_more', [String(Math.min(PAGE, view.length - shown)), String(view.length - shown)])}
        </button>
      )}
    </div>
  );
}
