// The article list: the loaded pages of the current filter (or the search results), with the next
// page loaded as the end of the list comes into view (and a button for keyboards and old browsers).
import { useEffect, useRef } from 'preact/hooks';
import type { SidebarStore } from './state';
import type { LiveFollow } from './live-follow';
import { looksLive } from '@/utils/sidebar/live';
import { ListRow } from './ArticleRow';
import type { StoryActions } from './StoryReports';
import type { MuteActions } from './MuteFromRow';
import { FollowNotice } from './FollowNotice';
import { screenfulOfRows, useRowsShown } from './first-rows';
import { dayName, dayStarts } from '@/utils/sidebar/days';
import { t } from '@/utils/i18n';

/** A page's address without its fragment: a live page's updates link to it with one each. */
const pageOf = (url: string) => url.split('#')[0];

/** Fewer rows than this on a first page (some are in the ticker): the next page is read at once. */
const MIN_ROWS = 12;

export function ArticleList({ store, live }: { store: SidebarStore; live?: LiveFollow }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const all = store.visible.value;
  // The focused row and the next are always there: a key press moves focus to a row that exists.
  const need = all.findIndex((i) => i.id === store.focusId.value) + 2;
  const items = all.slice(0, useRowsShown(all, screenfulOfRows(store.compact.value), need));
  const hasMore = !store.searching.value && store.next.value !== undefined;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void store.loadMore();
    }, { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [store, hasMore, all.length, items.length]); // re-observe after each page: a sentinel still in view fires again

  // Rows the ticker already shows are left out: a first page they shortened is topped up at once.
  useEffect(() => {
    if (hasMore && all.length < MIN_ROWS && !store.loading.value && !store.loadingMore.value) void store.loadMore();
  }, [hasMore, all.length, store.loading.value]);

  // Roving tabindex: the focused article (else the first) is the list's one tab stop.
  const current = all.some((i) => i.id === store.focusId.value) ? store.focusId.value : all[0]?.id;
  const sources = store.sourceById.value;
  const topicsById = new Map(store.topics.value.map((tp) => [tp.id, tp]));
  // "Follow live" once per live page (on its newest article), never on a page already followed.
  const followed = new Set(store.sources.value.filter((s) => s.kind === 'live').map((s) => pageOf(s.url)));
  const offered = new Map<string, string>();
  if (live) {
    for (const it of all) {
      const page = pageOf(it.url);
      if (!offered.has(page) && !followed.has(page) && sources.get(it.sourceId)?.kind !== 'live' && looksLive(it)) offered.set(page, it.id);
    }
  }
  const note = live?.notice.value;
  const starts = dayStarts(items.map((i) => i.published));
  const dayText = (ts: number) => {
    const d = dayName(ts, store.now.value, store.locale);
    return d.kind === 'today' ? t('sb_today') : d.kind === 'yesterday' ? t('sb_yesterday') : d.text;
  };
  const query = store.searching.value ? store.query.value : '';
  const story: StoryActions = {
    load: store.storyReports,
    sourceName: (id) => sources.get(id)?.name ?? t('sb_unknown_source'),
    onNotSame: (id) => void store.notSameStory(id),
  };
  const rules = new Map(store.mutes.value.map((r) => [r.id, r.query]));
  const mute: MuteActions = { sources: store.sources.value, preview: store.previewMute, save: store.saveMute, now: () => store.now.value };
  const canFollow = (it: (typeof items)[number]) => offered.get(pageOf(it.url)) === it.id;
  return (
    <>
      <ul class={`list${store.compact.value ? ' compact' : ''}`} id="articles" aria-label={t('sb_articles')} aria-busy={store.loading.value}>
        {items.map((it, i) => (
          <ListRow
            key={it.id}
            tabbable={it.id === current}
            item={it}
            day={starts.has(i) ? dayText(it.published) : undefined}
            query={query}
            source={sources.get(it.sourceId)}
            alsoFrom={it.alsoFrom?.map((id) => sources.get(id)?.name).filter((n) => n !== undefined)}
            topics={(it.topics ?? []).map((id) => topicsById.get(id)).filter((tp) => tp !== undefined)}
            open={store.openId.value === it.id}
            focused={store.focusId.value === it.id}
            now={store.now.value}
            locale={store.locale}
            onOpen={(id) => void store.toggleOpen(id)}
            onToggleRead={(id) => void store.toggleRead(id)}
            onStar={(id) => void store.star(id)}
            onFocus={(id) => (store.focusId.value = id)}
            onTopic={(id) => void store.setFilter({ kind: 'topic', id })}
            onFollowLive={canFollow(it) ? (item) => void live!.follow(item.url, item.title, item.url) : undefined}
            followBusy={live?.pending.value.has(it.url)}
            followNotice={live && note?.at !== undefined && note.at === it.url ? <FollowNotice live={live} /> : undefined}
            images={store.images.allowed(it.id)}
            onShowImages={(id) => store.images.show(id)}
            story={it.storyInfo ? story : undefined}
            mutedBy={it.muted?.length ? it.muted.map((id) => rules.get(id) ?? id) : undefined}
            mute={mute}
          />
        ))}
      </ul>
      {/* Not under the first rows of a list still being rendered: it would load a page nobody scrolled to. */}
      {hasMore && items.length === all.length && (
        <div ref={sentinel} class="more">
          <button type="button" class="btn" onClick={() => void store.loadMore()} disabled={store.loadingMore.value}>
            {store.loadingMore.value ? t('sb_loading') : t('sb_load_more')}
          </button>
        </div>
      )}
    </>
  );
}
