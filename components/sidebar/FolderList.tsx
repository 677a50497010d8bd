// The folder list: each folder with its unread count, the sources inside on demand (each with its
// count). A disclosure per folder: the arrow button opens or closes it (aria-expanded), the name shows
// its articles (aria-pressed, like the filter chips). Sources in no folder come last, under their own
// disclosure (directly, when there are no folders at all).
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import { sameFilter } from './state';
import type { Source } from '@/utils/model';
import { folderNames, FOLDER_SEPARATOR } from '@/utils/folder-path';
import { folderTree, unreadIn, type FolderNode } from '@/utils/sidebar/folders';
import { t } from '@/utils/i18n';

/** A DOM id for a folder's list of sources (folder names may hold any character). */
const listId = (path: string) => `fl-${[...path].map((c) => c.codePointAt(0)!.toString(36)).join('-')}`;

function Chevron({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={open ? 'M3 6l5 5 5-5' : 'M6 3l5 5-5 5'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

function Count({ n }: { n: number | undefined }) {
  return n === undefined ? null : <span class="count">{n}</span>;
}

function SourceItem({ store, s }: { store: SidebarStore; s: Source }) {
  const active = sameFilter(store.filter.value, { kind: 'source', id: s.id });
  const c = store.counts.value;
  return (
    <li class="fl-source">
      <button type="button" class={`fl-btn${active ? ' active' : ''}`} aria-pressed={active} onClick={() => void store.setFilter({ kind: 'source', id: s.id })}>
        <span class="fl-name">{s.name}</span>
        <Count n={c ? c.sources[s.id] ?? 0 : undefined} />
      </button>
    </li>
  );
}

interface Group {
  /** The folder's path; undefined for the sources in no folder. */
  path?: string;
  label: string;
  folders: FolderNode[];
  sources: Source[];
  all: Source[];
}

function GroupItem({ store, g, open, toggle }: { store: SidebarStore; g: Group; open: ReadonlySet<string>; toggle(key: string): void }) {
  const key = g.path ?? '';
  const isOpen = open.has(key);
  const id = listId(key || '\u0000');
  const c = store.counts.value;
  const count = c ? unreadIn(g.all, c.sources) : undefined;
  const active = g.path !== undefined && sameFilter(store.filter.value, { kind: 'folder', id: g.path, sourceIds: [] });
  return (
    <li class="fl-folder">
      {g.path !== undefined ? (
        <div class="fl-row">
          <button type="button" class="fl-toggle" aria-expanded={isOpen} aria-controls={id} aria-label={t('sb_folder_sources', g.label)} title={t('sb_folder_sources', g.label)} onClick={() => toggle(key)}>
            <Chevron open={isOpen} />
          </button>
          <button type="button" class={`fl-btn${active ? ' active' : ''}`} aria-pressed={active} onClick={() => void store.showFolder(g.path!)}>
            <span class="fl-name">{g.label}</span>
            <Count n={count} />
          </button>
        </div>
      ) : (
        // The sources in no folder are no filter of their own: one button opens them.
        <div class="fl-row">
          <button type="button" class="fl-btn fl-loose" aria-expanded={isOpen} aria-controls={id} onClick={() => toggle(key)}>
            <Chevron open={isOpen} />
            <span class="fl-name">{g.label}</span>
            <Count n={count} />
          </button>
        </div>
      )}
      {isOpen && (
        <ul class="fl-list" id={id}>
          {g.folders.map((f) => <GroupItem key={f.path} store={store} g={{ ...f, label: f.name }} open={open} toggle={toggle} />)}
          {g.sources.map((s) => <SourceItem key={s.id} store={store} s={s} />)}
        </ul>
      )}
    </li>
  );
}

/** The folders around what the filter shows: open at first, so the chosen folder or source is in view. */
function openAtFirst(store: SidebarStore): Set<string> {
  const f = store.filter.value;
  const folder = f.kind === 'folder' ? folderNames(f.id).slice(0, -1).join(FOLDER_SEPARATOR) || undefined
    : f.kind === 'source' ? store.sourceById.value.get(f.id)?.folder ?? '' : undefined;
  if (folder === undefined) return new Set();
  if (folder === '') return new Set(['']);
  const names = folderNames(folder);
  return new Set(names.map((_, i) => names.slice(0, i + 1).join(FOLDER_SEPARATOR)));
}

export function FolderList({ store, id }: { store: SidebarStore; id: string }) {
  const [open, setOpen] = useState<Set<string>>(() => openAtFirst(store));
  const toggle = (key: string) => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };
  const { folders, loose } = folderTree(store.sources.value.filter((s) => !s.topicId));
  return (
    <ul class="folder-list" id={id}>
      {folders.map((f) => <GroupItem key={f.path} store={store} g={{ ...f, label: f.name }} open={open} toggle={toggle} />)}
      {folders.length === 0
        ? loose.map((s) => <SourceItem key={s.id} store={store} s={s} />)
        : loose.length > 0 && <GroupItem store={store} g={{ label: t('sb_no_folder'), folders: [], sources: loose, all: loose }} open={open} toggle={toggle} />}
    </ul>
  );
}
