import { useEffect, useState } from 'preact/hooks';
import { topicFeed } from '@/utils/search-feeds/topic-source';
import { hostPattern } from '@/utils/net/host-pattern';
import type { Topic } from '@/utils/model';
import { t } from '@/utils/i18n';
import { TopicEditor } from './TopicEditor';
import type { OptionsStore } from './state';
import { ENGINE_NAMES } from '@/utils/search-feeds/kind';
import { problemText } from '@/utils/problem-text';

/** How the topic's search is doing, in plain words: which engine, and whether it was asked to slow down or failed. */
function SearchState({ store, topic }: { store: OptionsStore; topic: Topic }) {
  const [missing, setMissing] = useState<string | undefined>();
  useEffect(() => {
    // A search synced from another browser: this one may not have let Newsbar read the engine's site yet.
    let live = true;
    void store.searchBase().then(async (base) => {
      const feed = topicFeed(topic, store.locale, base);
      const pattern = feed?.ok ? hostPattern(feed.url) : undefined;
      if (live) setMissing(pattern && !(await store.hasOrigins([pattern])) ? pattern : undefined);
    }).catch(() => {});
    return () => void (live = false);
  }, [topic]);
  if (!topic.search) return null;
  if (missing) {
    const allow = () => void store.requestOrigins([missing]).then((ok) => ok && setMissing(undefined)).catch(() => {});
    return (
      <div class="search-permission">
        <p class="error" role="status">{t('opt_search_needs_permission', new URL(missing.replace('*', '')).host)}</p>
        <button type="button" onClick={allow}>{t('opt_search_allow')}</button>
      </div>
    );
  }
  const engine = ENGINE_NAMES[topic.search.kind];
  const src = store.searchSources.value[topic.id];
  const now = store.now();
  if (src?.throttledUntil && src.throttledUntil > now) {
    const at = new Date(src.throttledUntil).toLocaleString(store.locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    return <p class="error" role="status">{t('opt_search_throttled', [engine, at])}</p>;
  }
  if (src?.problem) return <p class="error" role="status">{t('opt_search_failed', problemText(src.problem))}</p>;
  return <p class="muted">{t('opt_search_on', engine)}</p>;
}

function TopicRow({ store, topic, onEdit }: { store: OptionsStore; topic: Topic; onEdit: () => void }) {
  const [confirm, setConfirm] = useState(false);
  const names = new Map(store.sources.value.map((s) => [s.id, s.name]));
  const id = `topic-${topic.id}`;
  return (
    <li class="topic" aria-labelledby={`${id}-name`}>
      <div class="topic-head">
        <span class="topic-name" id={`${id}-name`}>{topic.name}</span>
        {topic.notify && <span class="chip">{t('opt_chip_notify')}</span>}
        {topic.breaking && <span class="chip breaking">{t('opt_chip_breaking')}</span>}
      </div>
      <code class="topic-query">{topic.query}</code>
      {topic.sourceIds.length > 0 && (
        <p class="muted">{t('opt_scope_only', topic.sourceIds.map((s) => names.get(s) ?? s).join(', '))}</p>
      )}
      <SearchState store={store} topic={topic} />
      {confirm ? (
        <div class="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('opt_topic_remove_confirm', topic.name)}</p>
          <button type="button" class="danger" onClick={() => void store.removeTopic(topic.id).then(() => store.announce(t('opt_topic_removed', topic.name)))}>
            {t('opt_remove')}
          </button>
          <button type="button" onClick={() => setConfirm(false)}>{t('opt_cancel')}</button>
        </div>
      ) : (
        <div class="source-actions">
          <button type="button" onClick={onEdit} aria-describedby={`${id}-name`}>{t('opt_edit')}</button>
          <button type="button" class="danger-text" onClick={() => setConfirm(true)} aria-describedby={`${id}-name`}>{t('opt_remove')}</button>
        </div>
      )}
    </li>
  );
}

export function TopicsSection({ store }: { store: OptionsStore }) {
  const [editing, setEditing] = useState<string | null>(null); // topic id, 'new' or null
  const topics = store.topics.value;
  return (
    <section id="topics" aria-labelledby="topics-title">
      <h2 id="topics-title">{t('opt_topics')}</h2>
      <p class="intro">{t('opt_topics_intro')}</p>
      {topics.length === 0 && editing !== 'new' && <p class="empty">{t('opt_no_topics')}</p>}
      {topics.length > 0 && (
        <ul class="topics" aria-label={t('opt_your_topics')}>
          {topics.map((tp) =>
            editing === tp.id ? (
              <li key={tp.id}><TopicEditor store={store} topic={tp} onDone={() => setEditing(null)} /></li>
            ) : (
              <TopicRow key={tp.id} store={store} topic={tp} onEdit={() => setEditing(tp.id)} />
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <TopicEditor store={store} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>{t('opt_add_topic')}</button>
      )}
    </section>
  );
}
