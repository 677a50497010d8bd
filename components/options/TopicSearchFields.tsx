// "Also search the news" in the topic editor: the engine, Google News's edition or a pasted Google
// Alerts address, and why turning it on asks the browser for the search site.
import { t } from '@/utils/i18n';
import { Check, Field } from './Field';
import type { SearchEngineChoice, SearchForm } from '@/utils/search-feeds/search-form';

const ENGINES: Array<[SearchEngineChoice, string]> = [['googleNews', 'opt_search_google'], ['bingNews', 'opt_search_bing'], ['googleAlerts', 'opt_search_alerts']];

export function TopicSearchFields({ idp, form, onChange, host, locale, error }: {
  idp: string;
  form: SearchForm;
  onChange: (f: SearchForm) => void;
  /** The site the search is asked at, named in why the browser will ask. */
  host: string;
  locale: string;
  error?: string;
}) {
  const set = (patch: Partial<SearchForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset class="topic-search">
      <legend>{t('opt_topic_search_legend')}</legend>
      <Check id={`${idp}-search`} checked={form.on} onChange={(on) => set({ on })} hint={t('opt_topic_search_hint')}>{t('opt_topic_search')}</Check>
      {form.on && (
        <>
          <p class="hint" id={`${idp}-search-why`}>{t('opt_topic_search_why', host)}</p>
          <div role="radiogroup" aria-label={t('opt_search_engine')}>
            {ENGINES.map(([engine, label]) => (
              <div class="radio" key={engine}>
                <input type="radio" id={`${idp}-engine-${engine}`} name={`${idp}-engine`} checked={form.engine === engine} onChange={() => set({ engine })} />
                <label for={`${idp}-engine-${engine}`}>{t(label)}</label>
              </div>
            ))}
          </div>
          {form.engine === 'googleNews' && (
            <Field id={`${idp}-edition`} label={t('opt_search_edition')} hint={t('opt_search_edition_hint', locale)}>
              {(p) => <input {...p} type="text" value={form.edition} placeholder={locale} spellcheck={false} onInput={(e) => set({ edition: e.currentTarget.value })} />}
            </Field>
          )}
          {form.engine === 'googleAlerts' && (
            <Field id={`${idp}-alerts`} label={t('opt_search_alerts_url')} hint={t('opt_search_alerts_url_hint')}>
              {(p) => <input {...p} type="url" value={form.alertsUrl} spellcheck={false} onInput={(e) => set({ alertsUrl: e.currentTarget.value })} />}
            </Field>
          )}
        </>
      )}
      {error && <p class="error" role="alert" id={`${idp}-search-error`}>{error}</p>}
    </fieldset>
  );
}
