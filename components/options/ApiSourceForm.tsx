// Add a news API source (NewsAPI-style, Guardian, GNews) with its key. The key goes to
// storage.local only: it is never synced, never exported, and shown back only masked.
import { useState } from 'preact/hooks';
import type { ApiKind } from '@/utils/model';
import { t } from '@/utils/i18n';
import { API_KINDS, KIND_TABLE } from '@/utils/sources/kinds';
import { addChecked, checkApiSource } from '@/utils/sources/add-source';
import { problemText } from '@/utils/problem-text';
import { Field } from './Field';
import type { OptionsStore } from './state';

/** The form's choices, from the kinds table: each news API's label and the request it makes when the query is left empty. */
export const API_DEFAULTS = Object.fromEntries(API_KINDS.map((k) => [k, { label: KIND_TABLE[k].api.formLabel, url: KIND_TABLE[k].api.defaultQuery }])) as Record<ApiKind, { label: string; url: string }>;

export function ApiSourceForm({ store }: { store: OptionsStore }) {
  const [kind, setKind] = useState<ApiKind>('newsapi');
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<{ key?: string; query?: string }>({});

  async function onSubmit(e: Event) {
    e.preventDefault();
    const k = key.trim();
    const check = checkApiSource(kind, query, k, name, store.sources.value);
    if ('fault' in check) return setErrors(check.fault === 'noKey' ? { key: t('opt_api_key_missing') } : { query: t(check.fault === 'badQuery' ? 'opt_url_invalid' : 'opt_url_duplicate') });
    const granted = await store.requestOrigins([check.origin]).catch(() => false);
    if (!granted) return setErrors({ query: t('opt_err_permission') });
    const r = await addChecked(store.adding, check.source, k);
    if (r.kind === 'problem') return setErrors({ query: problemText(r.problem) });
    await store.reloadSources();
    store.announce(t('opt_source_added', r.source.name));
    setName('');
    setQuery('');
    setKey('');
    setErrors({});
  }

  return (
    <form class="api-form" onSubmit={onSubmit} noValidate aria-label={t('opt_api_title')}>
      <div class="row">
        <Field id="api-kind" label={t('opt_api_provider')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.currentTarget.value as ApiKind)}>
              {API_KINDS.map((k) => <option key={k} value={k}>{API_DEFAULTS[k].label}</option>)}
            </select>
          )}
        </Field>
        <Field id="api-name" label={t('opt_source_name_optional')}>
          {(p) => <input {...p} type="text" value={name} placeholder={API_DEFAULTS[kind].label} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field id="api-query" label={t('opt_api_query')} hint={t('opt_api_query_hint')} error={errors.query}>
        {(p) => <input {...p} type="text" spellcheck={false} value={query} placeholder={API_DEFAULTS[kind].url} onInput={(e) => setQuery(e.currentTarget.value)} />}
      </Field>
      <Field id="api-key" label={t('opt_api_key')} hint={t('opt_api_key_hint')} error={errors.key}>
        {(p) => <input {...p} type="password" autoComplete="off" spellcheck={false} value={key} onInput={(e) => setKey(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary">{t('opt_api_add')}</button>
      </div>
    </form>
  );
}
