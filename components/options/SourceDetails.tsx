// One source's details in the source manager: its state in plain words and what can be done with it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Source } from '@/utils/model';
import { t } from '@/utils/i18n';
import { cleanFolder } from '@/utils/db/sources';
import { relativeTime } from '@/utils/format/time';
import { sourceProblemText } from '@/utils/problem-text';
import { isApiKind, kindLabel } from '@/utils/sources/kinds';
import { maskKey } from '@/utils/sources/errors';
import type { OptionsStore } from './state';
import { Check } from './Field';

const INTERVALS = [1, 5, 10, 15, 30, 60, 180, 360, 720, 1440];

export function intervalLabel(min: number): string {
  return min % 60 === 0 ? t('opt_every_hours', String(min / 60)) : t('opt_every_minutes', String(min));
}

export function statusText(s: Source, count: number, now: number, locale: string): string {
  const parts: string[] = [];
  // Its items come from the feed server (utils/feed-server/): Newsbar does not fetch it.
  if (s.server) parts.push(t('opt_status_server'));
  if (!s.enabled) parts.push(t('opt_status_paused'));
  if (s.lastSuccessAt) parts.push(t('opt_status_updated', relativeTime(s.lastSuccessAt, now, locale)));
  else if (!s.lastPollAt) parts.push(t('opt_status_new'));
  parts.push(t('opt_status_items', String(count)));
  if (s.retryUntil && s.retryUntil > now) {
    parts.push(t('opt_status_wait', new Date(s.retryUntil).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })));
  }
  return parts.join(' · ');
}

export function SourceDetails({ store, source: s, folders }: { store: OptionsStore; source: Source; folders: string[] }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'folder' | 'key'>('view');
  const [folder, setFolder] = useState(s.folder ?? '');
  const [name, setName] = useState(s.name);
  const [nameError, setNameError] = useState('');
  const [maskedKey, setMaskedKey] = useState('');
  const [newKey, setNewKey] = useState('');
  const [busy, setBusy] = useState(false);
  const focusRef = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const count = store.itemCounts.value[s.id] ?? 0;
  const api = isApiKind(s.kind);
  const ids = { name: `src-${s.id}-name`, status: `src-${s.id}-status`, error: `src-${s.id}-error` };

  useEffect(() => {
    if (api) void store.getApiKey(s.id).then((k) => setMaskedKey(maskKey(k)));
  }, [api, s.id, mode]);
  useEffect(() => {
    if (mode !== 'view') focusRef.current?.focus();
  }, [mode]);

  async function saveName(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('opt_name_empty'));
    await store.updateSource(s.id, { name: name.trim() });
    setMode('view');
  }

  async function saveKey(e: Event) {
    e.preventDefault();
    if (!newKey.trim()) return setNameError(t('opt_api_key_missing'));
    await store.setApiKey(s.id, newKey.trim());
    setNewKey('');
    setNameError('');
    setMode('view');
  }

  async function refresh() {
    setBusy(true);
    try {
      await store.refresh(s.id);
      store.announce(t('opt_refreshed', s.name));
    } finally {
      setBusy(false);
    }
  }

  async function saveFolder(e: Event) {
    e.preventDefault();
    await store.updateSource(s.id, { folder });
    const clean = cleanFolder(folder);
    store.announce(clean ? t('opt_moved_to', [s.name, clean]) : t('opt_moved_out', s.name));
    setMode('view');
  }

  return (
    <div class={`source ${s.enabled ? '' : 'disabled'} ${s.health === 'error' ? 'failing' : ''}`} role="group" aria-labelledby={ids.name}>
      <div class="source-head">
        <label class="switch" title={t('opt_enabled')}>
          <input type="checkbox" role="switch" checked={s.enabled} aria-label={t('opt_enabled_named', s.name)}
            onChange={(e) => void store.updateSource(s.id, { enabled: e.currentTarget.checked })} />
          <span aria-hidden="true" />
        </label>
        <span class="source-name" id={ids.name}>{s.name}</span>
        <span class="kind">{kindLabel(s.kind)}</span>
      </div>
      <div class="url" title={s.url}>{s.url}</div>
      <p class="status" id={ids.status}>
        {statusText(s, count, store.now(), store.locale)}
        {api && maskedKey && <> · {t('opt_key_masked', maskedKey)}</>}
      </p>
      {s.health === 'error' && s.problem && (
        <p class="error source-error" id={ids.error}>
          {t('opt_status_error', sourceProblemText(s))}
        </p>
      )}

      {mode === 'rename' && (
        <form class="inline-form" onSubmit={saveName}>
          <label for={`${ids.name}-input`}>{t('opt_new_name')}</label>
          <input ref={focusRef} id={`${ids.name}-input`} type="text" value={name} aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? `${ids.name}-err` : undefined} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="primary">{t('opt_save')}</button>
          <button type="button" onClick={() => { setMode('view'); setName(s.name); setNameError(''); }}>{t('opt_cancel')}</button>
          {nameError && <p class="error" id={`${ids.name}-err`}>{nameError}</p>}
        </form>
      )}
      {mode === 'key' && (
        <form class="inline-form" onSubmit={saveKey}>
          <label for={`${ids.name}-key`}>{t('opt_api_key')}</label>
          <input ref={focusRef} id={`${ids.name}-key`} type="password" autoComplete="off" value={newKey} onInput={(e) => setNewKey(e.currentTarget.value)}
            aria-invalid={nameError ? 'true' : undefined} aria-describedby={nameError ? `${ids.name}-err` : undefined} />
          <button type="submit" class="primary">{t('opt_save')}</button>
          <button type="button" onClick={() => { setMode('view'); setNameError(''); }}>{t('opt_cancel')}</button>
          {nameError && <p class="error" id={`${ids.name}-err`}>{nameError}</p>}
        </form>
      )}
      {mode === 'folder' && (
        <form class="inline-form" onSubmit={saveFolder}>
          <label for={`${ids.name}-folder`}>{t('opt_folder')}</label>
          <input ref={focusRef} id={`${ids.name}-folder`} type="text" list="source-folders" value={folder}
            aria-describedby={`${ids.name}-folder-hint`} onInput={(e) => setFolder(e.currentTarget.value)} />
          <button type="submit" class="primary">{t('opt_save')}</button>
          <button type="button" onClick={() => { setMode('view'); setFolder(s.folder ?? ''); }}>{t('opt_cancel')}</button>
          <p class="hint" id={`${ids.name}-folder-hint`}>{folders.length ? t('opt_folder_hint') : t('opt_folder_hint_first')}</p>
        </form>
      )}

      {mode === 'view' && (
        <div class="source-actions">
          <label class="interval">
            <span class="visually-hidden">{t('opt_interval_named', s.name)}</span>
            <select value={String(s.intervalMin)} onChange={(e) => void store.updateSource(s.id, { intervalMin: Number(e.currentTarget.value) })}>
              {[...new Set([...INTERVALS, s.intervalMin])].sort((a, b) => a - b).map((m) => (
                <option key={m} value={String(m)}>{intervalLabel(m)}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void refresh()} disabled={busy || !s.enabled} aria-busy={busy} aria-describedby={ids.name}>
            {busy ? t('opt_refreshing') : t('opt_refresh')}
          </button>
          <button type="button" onClick={() => setMode('rename')} aria-describedby={ids.name}>{t('opt_rename')}</button>
          <button type="button" onClick={() => setMode('folder')} aria-describedby={ids.name}>{t('opt_move_folder')}</button>
          {api && <button type="button" onClick={() => setMode('key')} aria-describedby={ids.name}>{t('opt_change_key')}</button>}
          <button type="button" class="danger-text" onClick={() => void store.removeSources([s.id])} aria-describedby={ids.name}>{t('opt_remove')}</button>
        </div>
      )}
      {mode === 'view' && s.kind !== 'live' && (
        <div class="source-stories">
          <Check id={`src-${s.id}-favourite`} checked={!!s.favourite} hint={t('opt_source_favourite_hint')} onChange={(on) => void store.updateSource(s.id, { favourite: on })}>
            {t('opt_source_favourite')}
          </Check>
          <Check id={`src-${s.id}-follow`} checked={!!s.followStories} hint={t('opt_follow_stories_hint')} onChange={(on) => void store.updateSource(s.id, { followStories: on })}>
            {t('opt_follow_stories')}
          </Check>
        </div>
      )}
    </div>
  );
}
