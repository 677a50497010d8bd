// One article in the list: source, title, time, thumbnail, one-line summary; opens in place.
import type { Item, Source, Topic } from '@/utils/model';
import { highlightRanges } from '@/utils/topics/match';
import { Highlighted } from '../shared/Highlighted';
import { thumbnailHeld, thumbnailSrc } from '@/utils/sidebar/images';
import { summaryLine } from '@/utils/sidebar/display';
import { mergeRanges, searchRanges } from '@/utils/sidebar/search-marks';
import { t, tn } from '@/utils/i18n';
import { Favicon } from './Favicon';
import { RelTime } from './RelTime';
import { ArticleBody } from './ArticleBody';
import { StoryReports, type StoryActions } from './StoryReports';
import { MuteFromRow, type MuteActions } from './MuteFromRow';
import { ENGINE_NAMES, searchFeedKindOfUrl } from '@/utils/search-feeds/kind';
import { Component, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface RowProps {
  /** The list's one tab stop (roving tabindex): the other rows are reached with the arrow keys. */
  tabbable?: boolean;
  item: Item;
  /** Set on the first article of a day: "Today", "Yesterday" or the date, shown above it. */
  day?: string;
  /** The search being shown: its words are marked in the title and summary. */
  query?: string;
  source?: Source;
  /** Names of other sources that carry the same story. */
  alsoFrom?: string[];
  /** The topics this item matched: shown as chips, their words highlighted. */
  topics: Topic[];
  open: boolean;
  focused: boolean;
  now: number;
  locale: string;
  onOpen(id: string): void;
  onToggleRead(id: string): void;
  onStar(id: string): void;
  onFocus(id: string): void;
  onTopic(id: string): void;
  /** Shown on articles that look like live pages not yet followed: follows the page. */
  onFollowLive?(item: Item): void;
  followBusy?: boolean;
  /** What following said back, when this article's "Follow live" was clicked: shown beside the button. */
  followNotice?: ComponentChildren;
  /** This article's remote images may load ("Load remote images" on, or the user asked). */
  images: boolean;
  /** "Show images": load this article's remote images. */
  onShowImages(id: string): void;
  /** A story's row: what its opened list of reports needs. */
  story?: StoryActions;
  /** The queries of the mute rules that hide it (shown while muted articles are). */
  mutedBy?: string[];
  /** "Mute stories like this…" in the opened article. */
  mute?: MuteActions;
}

function Thumb({ item, load, onShow, tab, title }: { item: Item; load: boolean; onShow(): void; tab: number; title: string }) {
  const [failed, setFailed] = useState(false);
  // Remote images wait for the user: a plain button where the picture would be (named for its article).
  if (thumbnailHeld(item, load)) {
    return (
      <button type="button" class="btn show-images thumb-held" tabIndex={tab} aria-label={t('sb_show_images_named', title)} onClick={onShow}>
        {t('sb_show_images')}
      </button>
    );
  }
  const src = thumbnailSrc(item, load);
  if (!src || failed) return null;
  return <img class="thumb" src={src} alt="" width={72} height={72} loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setFailed(true)} />;
}

/** The row's outlet: its source, or the publisher a search feed named ("Reuters via Google News"). */
function outletName(item: Item, source: Source | undefined): string {
  const name = source?.name ?? t('sb_unknown_source');
  if (!item.outlet) return name;
  const engine = source && (source.searchEngine ?? searchFeedKindOfUrl(source.url));
  return t('sb_outlet_via', [item.outlet, engine ? ENGINE_NAMES[engine] : name]);
}

export function ArticleRow({ tabbable = true, item, day, query = '', source, alsoFrom, topics, open, focused, now, locale, onOpen, onToggleRead, onStar, onFocus, onTopic, onFollowLive, followBusy, followNotice, images, onShowImages, story, mutedBy, mute }: RowProps) {
  const name = outletName(item, source);
  const titleId = `t-${item.id}`;
  const bodyId = `b-${item.id}`;
  const stateId = `st-${item.id}`;
  const summary = summaryLine(item);
  // Row controls name the article they act on ("Star: <title>"); the title's description says read or
  // unread, and breaking.
  const title = item.title || t('sb_untitled');
  const state = t(`sb_state_${item.read ? 'read' : 'unread'}${item.breaking === 1 ? '_breaking' : ''}`);
  const tab = tabbable ? 0 : -1;
  // A story's other outlets ("+2 sources"), and reports that came after it was read, said quietly.
  const more = Math.max(0, (item.storyInfo?.sources ?? 1) - 1 - (alsoFrom?.length ?? 0));
  const fresh = item.read === 1 ? (item.storyInfo?.newReports ?? 0) : 0;
  return (
    <li class={`row${mutedBy?.length ? ' muted-row' : ''}${item.read ? ' read' : ' unread'}${open ? ' open' : ''}${focused ? ' focused' : ''}${day ? ' day-start' : ''}`} data-id={item.id}>
      {day && <p class="day-head">{day}</p>}
      <article aria-labelledby={titleId}>
        <div class="row-main">
          <div class="row-text">
            <div class="meta">
              <Favicon source={source} name={name} load={images} />
              <span class="source">{alsoFrom?.length ? t('sb_also_from', [name, alsoFrom.join(', ')]) : name}</span>
              <span class="sep" aria-hidden="true">·</span>
              <RelTime ts={item.published} now={now} locale={locale} />
              {/* After the time; in a narrow row only "+2" shows (the word stays for screen readers). */}
              {more > 0 && (
                <span class="story-more" title={t('sb_story_sources_title', more + 1)}>
                  +{more}<span class="more-word"> {tn('sb_story_more_word', more)}</span>
                </span>
              )}
              {item.breaking === 1 && <span class="tag breaking-tag">{t('sb_breaking')}</span>}
              {/* The title's description (hidden: read with the title, not twice in the page). */}
              <span id={stateId} hidden>{state}</span>
            </div>
            <h3 class="title">
              <button
                type="button"
                id={titleId}
                class="title-btn"
                aria-expanded={open}
                aria-describedby={stateId}
                tabIndex={tab}
                aria-keyshortcuts="j k ArrowDown ArrowUp o m s"
                aria-controls={open ? bodyId : undefined}
                data-focus-target={focused ? 'true' : undefined}
                onClick={() => onOpen(item.id)}
                onFocus={() => onFocus(item.id)}
              >
                {item.read === 0 && <span class="dot" aria-hidden="true" />}
                {item.title ? <Highlighted text={item.title} ranges={mergeRanges(highlightRanges(item.title, topics, 'title'), searchRanges(item.title, query))} /> : t('sb_untitled')}
              </button>
            </h3>
            {mutedBy?.length ? <p class="muted-by">{t('sb_muted_by', mutedBy.join(', '))}</p> : null}
            {fresh > 0 && <p class="story-fresh">{tn('sb_story_new_reports', fresh)}</p>}
            {summary && !open && (
              <p class="summary">
                <Highlighted text={summary} ranges={mergeRanges(highlightRanges(summary, topics, 'summary'), searchRanges(summary, query))} />
              </p>
            )}
            {topics.length > 0 && (
              <ul class="topic-chips" aria-label={t('sb_matched_topics')}>
                {topics.map((tp) => (
                  <li key={tp.id}>
                    <button type="button" class="topic-chip" tabIndex={tab} title={t('sb_show_topic', [tp.name])} onClick={() => onTopic(tp.id)}>
                      {tp.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {/* Placed at the meta line's end (style.css), so they never cover the title or the summary. */}
            <div class="actions">
              <button type="button" class="icon-btn" tabIndex={tab} aria-pressed={item.starred === 1} aria-label={t(item.starred ? 'sb_unstar_named' : 'sb_star_named', title)} title={item.starred ? t('sb_unstar') : t('sb_star')} onClick={() => onStar(item.id)}>
                <span aria-hidden="true">{item.starred ? '★' : '☆'}</span>
              </button>
              <button type="button" class="icon-btn" tabIndex={tab} aria-label={t(item.read ? 'sb_mark_unread_named' : 'sb_mark_read_named', title)} title={item.read ? t('sb_mark_unread') : t('sb_mark_read')} onClick={() => onToggleRead(item.id)}>
                <span aria-hidden="true">{item.read ? '◯' : '✓'}</span>
              </button>
            </div>
            {onFollowLive && (
              <button type="button" class="follow-live row-follow" tabIndex={tab} aria-label={t('sb_follow_live_named', title)} title={t('sb_follow_live_title')} disabled={followBusy} onClick={() => onFollowLive(item)}>
                <span class="live-dot" aria-hidden="true" />
                {t('sb_follow_live')}
              </button>
            )}
            {followNotice}
          </div>
          {!open && <Thumb item={item} load={images} onShow={() => onShowImages(item.id)} tab={tab} title={title} />}
        </div>
        {open && <ArticleBody item={item} id={bodyId} images={images} onShowImages={() => onShowImages(item.id)} />}
        {open && story && item.storyInfo && <StoryReports item={item} story={story} now={now} locale={locale} />}
        {open && mute && <MuteFromRow item={item} source={source} mute={mute} tab={tab} />}
      </article>
    </li>
  );
}

const sameList = <T,>(a: readonly T[] | undefined, b: readonly T[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * How each prop tells whether a row draws the same: `same` (the very value), `list` (the same items),
 * `presence` (handlers and actions: the list's act through the store and the item they are given,
 * whichever closure carries them; only whether a row has them changes what it shows). Every prop has a
 * line, so a new prop cannot be forgotten (tsc fails) and leave rows drawn with its old value.
 */
const COMPARE: { [K in keyof Required<RowProps>]: 'same' | 'list' | 'presence' } = {
  item: 'same', tabbable: 'same', day: 'same', query: 'same', source: 'same', open: 'same', focused: 'same', now: 'same',
  locale: 'same', followBusy: 'same', followNotice: 'same', images: 'same',
  alsoFrom: 'list', topics: 'list', mutedBy: 'list',
  onOpen: 'presence', onToggleRead: 'presence', onStar: 'presence', onFocus: 'presence', onTopic: 'presence',
  onFollowLive: 'presence', onShowImages: 'presence', story: 'presence', mute: 'presence',
};
const COMPARED = Object.entries(COMPARE) as Array<[keyof RowProps, 'same' | 'list' | 'presence']>;

/** Do two sets of props draw the same row? */
export function sameRow(a: RowProps, b: RowProps): boolean {
  for (const [k, how] of COMPARED) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (how === 'same') return false;
    if (how === 'presence' ? !x !== !y : !sameList(x as readonly unknown[] | undefined, y as readonly unknown[] | undefined)) return false;
  }
  return true;
}

/** A row drawn again only when what it shows changed: moving the focus, a page more or the rest of a
 * fresh list rendering re-draws the rows concerned, not all of them. */
export class ListRow extends Component<RowProps> {
  shouldComponentUpdate(next: RowProps): boolean {
    return !sameRow(this.props, next);
  }

  render() {
    return <ArticleRow {...this.props} />;
  }
}
