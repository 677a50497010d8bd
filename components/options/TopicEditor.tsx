// Add or edit a topic: name, query (checked as you type, with where the problem is), source
// scope, notify / breaking, and a live preview of what it matches.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Topic } from '@/utils/model';
import { t } from '@/utils/i18n';
import { newTopicId } from '@/utils/topics/store';
import { hasErrors, validateTopic, type TopicFieldErrors } from '@/utils/topics/validate';
import { Check, Field } from './Field';
import { QueryHelp } from './QueryHelp';
import { TopicPreview } from './TopicPreview';
import { topicNameText, topicQueryText } from './messages';
import { syncQuotaProblem } from '@/utils/sync-quota';
import { problemOf } from '@/utils/problems';
import { problemSentence } from '@/utils/problem-text';
import type { OptionsStore } from './state';
import { TopicSearchFields } from './TopicSearchFields';
import { formOfSearch, searchOfForm } from '@/utils/search-feeds/search-form';
import { topicFeed } from '@/utils/search-feeds/topic-source';
import { hostPattern } from '@/utils/net/host-pattern';

/** The site each engine is asked at, named in why the browser asks. */
const SEARCH_HOSTS = { googleNews: 'news.google.com', bingNews: 'www.bing.com', googleAlerts: 'www.google.com' } as const;

export function TopicEditor({ store, topic, onDone }: { store: OptionsStore; topic?: Topic; onDone: (saved?: Topic) => void }) {
  const [name, setName] = useState(topic?.name ?? '');
  const [query, setQuery] = useState(topic?.query ?? '');
  const [scoped, setScoped] = useState((topic?.sourceIds.length ?? 0) > 0);
  const [sourceIds, setSourceIds] = useState<string[]>(topic?.sourceIds ?? []);
  const [notify, setNotify] = useState(topic?.notify ?? true);
  const [breaking, setBreaking] = useState(topic?.breaking ?? false);
  const [follow, setFollow] = useState(topic?.followStories ?? false);
  const [searchForm, setSearchForm] = useState(formOfSearch(topic?.search));
  const [searchError, setSearchError] = useState('');
  /** Where searches are asked instead of the engines: end-to-end and demo builds only. */
  const [searchBase, setSearchBase] = useState<string | undefined>();
  const [shown, setShown] = useState<TopicFieldErrors>({});
  const [touched, setTouched] = useState(false);
  /** Synced storage refused the save (quota): said at the query, the typed text kept. */
  const [saveError, setSaveError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const others = store.topics.value.filter((x) => x.id !== topic?.id);
  const live = validateTopic({ name, query }, others);
  // Query problems show as you type (after a first edit); name problems when saving.
  const queryError = touched || shown.query ? live.query : undefined;
  const nameError = shown.name ? live.name : undefined;
  const idp = topic ? `topic-${topic.id}` : 'topic-new';

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => void store.searchBase().then(setSearchBase).catch(() => {}), []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setShown(live);
    setTouched(true);
    if (hasErrors(live)) {
      (live.name ? nameRef : queryRef).current?.focus();
      return;
    }
    const wanted = searchOfForm(searchForm, query.trim(), store.locale);
    if (!wanted.ok) {
      setSearchError(t(`search_problem_${wanted.problem}`));
      return;
    }
    const feed = wanted.search && topicFeed({ query: query.trim(), search: wanted.search }, store.locale, searchBase);
    if (feed?.ok) {
      // The first thing awaited: the browser asks only inside the click. Refused: the search stays off.
      const granted = await store.requestOrigins([hostPattern(feed.url)]).catch(() => false);
      if (!granted) {
        setSearchForm({ ...searchForm, on: false });
        setSearchError(t('opt_search_refused', new URL(feed.url).host));
        return;
      }
    }
    setSearchError('');
    const saved: Topic = {
      id: topic?.id ?? newTopicId(store.now()),
      name: name.trim(),
      query: query.trim(),
      sourceIds: scoped ? sourceIds : [],
      notify,
      breaking,
      createdAt: topic?.createdAt ?? store.now(),
      ...(follow ? { followStories: true } : {}),
      ...(wanted.search ? { search: wanted.search } : {}),
    };
    try {
      await store.saveTopic(saved);
    } catch (err) {
      setSaveError(problemSentence(syncQuotaProblem(err) ?? problemOf(err)));
      queryRef.current?.focus();
      return;
    }
    setSaveError('');
    store.announce(t(topic ? 'opt_topic_saved' : 'opt_topic_added', saved.name));
    onDone(saved);
  }

  const toggleSource = (id: string, on: boolean) => setSourceIds(on ? [...sourceIds, id] : sourceIds.filter((x) => x !== id));

  return (
    <form class="card topic-editor" onSubmit={onSubmit} noValidate aria-labelledby={`${idp}-title`}>
      <h3 id={`${idp}-title`}>{topic ? t('opt_edit_topic_named', topic.name) : t('opt_new_topic')}</h3>
      <Field id={`${idp}-name`} label={t('opt_topic_name')} error={nameError && topicNameText(nameError)}>
        {(p) => <input {...p} ref={nameRef} type="text" maxLength={60} value={name} placeholder={t('opt_topic_name_placeholder')}
          onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id={`${idp}-query`} label={t('opt_topic_query')} hint={t('opt_topic_query_hint')} error={(queryError && topicQueryText(queryError)) || saveError || undefined}>
        {(p) => <input {...p} ref={queryRef} type="text" class="mono" spellcheck={false} value={query} placeholder={t('opt_topic_query_placeholder')}
          onInput={(e) => { setQuery(e.currentTarget.value); setTouched(true); setSaveError(''); }} />}
      </Field>
      <QueryHelp />

      <fieldset>
        <legend>{t('opt_topic_scope')}</legend>
        <div class="radio">
          <input type="radio" id={`${idp}-all`} name={`${idp}-scope`} checked={!scoped} onChange={() => setScoped(false)} />
          <label for={`${idp}-all`}>{t('opt_scope_all')}</label>
        </div>
        <div class="radio">
          <input type="radio" id={`${idp}-some`} name={`${idp}-scope`} checked={scoped} onChange={() => setScoped(true)} />
          <label for={`${idp}-some`}>{t('opt_scope_some')}</label>
        </div>
        {scoped && (
          <div class="scope-list">
            {store.sources.value.map((s) => (
              <Check key={s.id} id={`${idp}-src-${s.id}`} checked={sourceIds.includes(s.id)} onChange={(v) => toggleSource(s.id, v)}>{s.name}</Check>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('opt_topic_alerts')}</legend>
        <Check id={`${idp}-notify`} checked={notify} onChange={setNotify} hint={t('opt_topic_notify_hint')}>{t('opt_topic_notify')}</Check>
        <Check id={`${idp}-breaking`} checked={breaking} onChange={setBreaking} hint={t('opt_topic_breaking_hint')}>{t('opt_topic_breaking')}</Check>
        <Check id={`${idp}-follow`} checked={follow} onChange={setFollow} hint={t('opt_follow_stories_hint')}>{t('opt_follow_stories')}</Check>
      </fieldset>

      <TopicSearchFields idp={idp} form={searchForm} onChange={(f) => { setSearchForm(f); setSearchError(''); }}
        host={SEARCH_HOSTS[searchForm.engine]} locale={store.locale} error={searchError || undefined} />

      <TopicPreview store={store} query={query} sourceIds={scoped ? sourceIds : []} valid={!live.query} />

      <div class="actions">
        <button type="submit" class="primary">{topic ? t('opt_save') : t('opt_add_topic')}</button>
        <button type="button" onClick={() => onDone()}>{t('opt_cancel')}</button>
      </div>
    </form>
  );
}
