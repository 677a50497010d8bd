// Add or edit a mute rule: the query (the topics' language, checked as you type), where it applies
// (every source, or chosen sources and folders) and a live count of the stored articles it would
// hide. Shared by the options page and the sidebar's "Mute stories like this…".
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MuteRule, Source } from '@/utils/model';
import { t, tn } from '@/utils/i18n';
import { newMuteId } from '@/utils/mutes/ids';
import { validateTopic } from '@/utils/topics/validate';
import type { Preview } from '@/utils/topics/preview';

export type MuteDraft = Pick<MuteRule, 'query' | 'sourceIds' | 'folders'>;

export interface MuteEditorProps {
  /** Prefix of the form's element ids (unique on the page). */
  idp: string;
  /** The rule edited; absent: a new rule from `draft`. */
  rule?: MuteRule;
  draft?: MuteDraft;
  sources: readonly Source[];
  /** Opened from a row: its outlet, offered as the rule's one source. */
  outlet?: { id: string; name: string };
  preview(draft: MuteDraft): Promise<Preview>;
  save(rule: MuteRule): Promise<void>;
  onDone(saved?: MuteRule): void;
  now(): number;
  /** Words for a save that failed (a full synced storage), from the page. */
  errorText(err: unknown): string;
  /** The query's problem in words (the options page's and sidebar's own wording of query errors). */
  queryErrorText(e: NonNullable<ReturnType<typeof validateTopic>['query']>): string;
}

function Box({ id, checked, onChange, children }: { id: string; checked: boolean; onChange: (v: boolean) => void; children: string }) {
  return (
    <div class="check">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{children}</label>
    </div>
  );
}

export function MuteEditor(p: MuteEditorProps) {
  const start = p.rule ?? p.draft;
  const [query, setQuery] = useState(start?.query ?? '');
  const [sourceIds, setSourceIds] = useState<string[]>(start?.sourceIds ?? []);
  const [folders, setFolders] = useState<string[]>(start?.folders ?? []);
  const [scoped, setScoped] = useState(sourceIds.length + folders.length > 0);
  const [touched, setTouched] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const error = validateTopic({ name: 'rule', query }, []).query;
  const shownError = touched && error ? p.queryErrorText(error) : saveError;
  const draft: MuteDraft = { query: query.trim(), sourceIds: scoped ? sourceIds : [], folders: scoped ? folders : [] };
  const folderNames = [...new Set(p.sources.map((s) => s.folder).filter((f): f is string => !!f))].sort();

  useEffect(() => queryRef.current?.focus(), []);
  useEffect(() => {
    if (error) return setPreview(null);
    let live = true;
    // Wait for a pause in typing; drop answers to older drafts.
    const timer = setTimeout(() => void p.preview(draft).then((r) => live && setPreview(r)).catch(() => {}), 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft.query, draft.sourceIds.join(','), draft.folders.join('\n'), !!error]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setTouched(true);
    if (error || (scoped && sourceIds.length + folders.length === 0)) {
      queryRef.current?.focus();
      return;
    }
    const saved: MuteRule = { id: p.rule?.id ?? newMuteId(p.now()), ...draft, createdAt: p.rule?.createdAt ?? p.now() };
    try {
      await p.save(saved);
    } catch (err) {
      setSaveError(p.errorText(err));
      queryRef.current?.focus();
      return;
    }
    p.onDone(saved);
  }

  const toggle = (list: string[], set: (v: string[]) => void, id: string, on: boolean) => set(on ? [...list, id] : list.filter((x) => x !== id));
  const idp = p.idp;
  const onlyOutlet = !!p.outlet && scoped && folders.length === 0 && sourceIds.length === 1 && sourceIds[0] === p.outlet.id;
  return (
    <form class="card mute-editor" onSubmit={onSubmit} noValidate aria-labelledby={`${idp}-title`}>
      <h3 id={`${idp}-title`}>{p.rule ? t('mute_edit_rule') : t('mute_new_rule')}</h3>
      <div class="field">
        <label for={`${idp}-query`}>{t('mute_query')}</label>
        <input id={`${idp}-query`} ref={queryRef} type="text" class="mono" spellcheck={false} value={query}
          aria-describedby={`${idp}-query-hint${shownError ? ` ${idp}-query-error` : ''}`} aria-invalid={shownError ? 'true' : undefined}
          onInput={(e) => { setQuery(e.currentTarget.value); setTouched(true); setSaveError(''); }} />
        <p class="hint" id={`${idp}-query-hint`}>{t('mute_query_hint')}</p>
        {shownError && <p class="error" id={`${idp}-query-error`}>{shownError}</p>}
      </div>
      <fieldset>
        <legend>{t('mute_scope')}</legend>
        <div class="radio">
          <input type="radio" id={`${idp}-all`} name={`${idp}-scope`} checked={!scoped} onChange={() => setScoped(false)} />
          <label for={`${idp}-all`}>{t('mute_scope_all')}</label>
        </div>
        {p.outlet && (
          <div class="radio">
            <input type="radio" id={`${idp}-outlet`} name={`${idp}-scope`} checked={onlyOutlet}
              onChange={() => { setScoped(true); setSourceIds([p.outlet!.id]); setFolders([]); }} />
            <label for={`${idp}-outlet`}>{t('mute_scope_outlet', p.outlet.name)}</label>
          </div>
        )}
        <div class="radio">
          <input type="radio" id={`${idp}-some`} name={`${idp}-scope`} checked={scoped && !onlyOutlet} onChange={() => { setScoped(true); if (onlyOutlet) setSourceIds([]); }} />
          <label for={`${idp}-some`}>{t('mute_scope_some')}</label>
        </div>
        {scoped && !onlyOutlet && (
          <div class="scope-list">
            {folderNames.map((f) => (
              <Box key={`f:${f}`} id={`${idp}-folder-${f}`} checked={folders.includes(f)} onChange={(v) => toggle(folders, setFolders, f, v)}>{t('mute_folder', f)}</Box>
            ))}
            {p.sources.map((s) => (
              <Box key={s.id} id={`${idp}-src-${s.id}`} checked={sourceIds.includes(s.id)} onChange={(v) => toggle(sourceIds, setSourceIds, s.id, v)}>{s.name}</Box>
            ))}
            {touched && sourceIds.length + folders.length === 0 && <p class="error">{t('mute_scope_empty')}</p>}
          </div>
        )}
      </fieldset>
      <p class="preview-count" aria-live="polite" data-testid="mute-preview">
        {error ? t('mute_preview_invalid') : !preview ? t('mute_preview_loading')
          : preview.total === 0 ? t('mute_preview_none')
          : preview.capped ? t('mute_preview_count_capped', String(preview.total)) : tn('mute_preview_count', preview.total)}
      </p>
      <div class="actions">
        <button type="submit" class="primary">{p.rule ? t('mute_save') : t('mute_add')}</button>
        <button type="button" onClick={() => p.onDone()}>{t('mute_cancel')}</button>
      </div>
    </form>
  );
}
