// The reader: one article's text in the sidebar, or the feed's own content with a note in plain
// words when the page gives none. Keys: j/k next/previous article, Esc back to the list, o the
// original, +/- text size. Loaded on first use (dynamic import), with the extraction it runs.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Item } from '@/utils/model';
import { safeImageUrl, safeUrl } from '@/utils/safe-url';
import { sanitizeItemHtml, sanitizeReader } from '@/utils/sanitize';
import type { RemoteImages } from '@/utils/sidebar/images';
import { t } from '@/utils/i18n';
import { pageProblemText } from '@/utils/problem-text';
import type { ReaderModel, ReaderState } from './model';
import './reader.css';

export interface ReaderViewProps {
  model: ReaderModel;
  /** The list as the user sees it, for j/k. */
  items: () => Item[];
  locale: string;
  onClose(): void;
  /** "Load remote images" and the articles the user asked for; absent: images load. */
  images?: RemoteImages;
}

const NOTES = { none: 'rd_note_none', live: 'rd_note_live', video: 'rd_note_video', paywall: 'rd_note_paywall' } as const;

/** What the reader says when it could not read the page, in the user's language. */
export function readerErrorText(st: Extract<ReaderState, { kind: 'error' }>): string {
  return 'offline' in st ? t('rd_offline') : t('rd_fetch_failed', pageProblemText(st.problem));
}

function formatTime(iso: string | null, locale: string): string | undefined {
  if (!iso) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return undefined;
  }
}

/** The feed's own content: what the reader shows when the page gives no article. */
function FeedContent({ item, load, onShow }: { item: Item; load: boolean; onShow(): void }) {
  const { html, heldImages } = useMemo(() => sanitizeItemHtml(item.contentHtml || item.summaryHtml, item.url, { remoteImages: load }), [item, load]);
  return (
    <>
      {heldImages > 0 && <ShowImages onShow={onShow} />}
      {html && <div class="content reader-content feed-content" dangerouslySetInnerHTML={{ __html: html }} />}
    </>
  );
}

/** The extracted article. It was sanitized with its images when read; while they wait it is shown without them. */
function ArticleHtml({ html, url, load, leadHeld, onShow }: { html: string; url: string; load: boolean; leadHeld: boolean; onShow(): void }) {
  const body = useMemo(() => (load ? { html, heldImages: 0 } : sanitizeReader(html, url, undefined, { remoteImages: false })), [html, url, load]);
  return (
    <>
      {(body.heldImages > 0 || leadHeld) && <ShowImages onShow={onShow} />}
      <div class="content reader-content" dangerouslySetInnerHTML={{ __html: body.html }} />
    </>
  );
}

function ShowImages({ onShow }: { onShow(): void }) {
  return (
    <button type="button" class="btn show-images" onClick={onShow}>
      {t('sb_show_images')}
    </button>
  );
}

function textTypeKey(e: KeyboardEvent): boolean {
  const tag = (e.target as HTMLElement | null)?.tagName ?? '';
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function ReaderView({ model, items, locale, onClose, images }: ReaderViewProps) {
  const it = model.item.value;
  const st = model.state.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const href = it ? safeUrl(it.url, undefined) : undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || textTypeKey(e)) return;
      const cur = model.item.value;
      if (!cur) return;
      const list = items();
      const i = list.findIndex((x) => x.id === cur.id);
      let handled = true;
      if (e.key === 'Escape') onClose();
      else if (e.key === 'j' || e.key === 'k') {
        const next = list[i + (e.key === 'j' ? 1 : -1)];
        if (next) void model.open(next);
      } else if (e.key === 'o') {
        const url = safeUrl(cur.url, undefined);
        if (url) window.open(url, '_blank', 'noopener');
      } else if (e.key === '+' || e.key === '=') model.setFont(Math.min(2, model.prefs.value.fontStep + 1) as 0 | 1 | 2);
      else if (e.key === '-') model.setFont(Math.max(0, model.prefs.value.fontStep - 1) as 0 | 1 | 2);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation(); // the list's own keys wait until the reader is closed
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [model, items, onClose]);

  // A new article starts at its top, with its title focused for screen readers.
  useEffect(() => {
    window.scrollTo?.(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [it?.id, st.kind]);

  if (!it) return null;
  const step = model.prefs.value.fontStep;
  const article = st.kind === 'article' ? st.article : undefined;
  const load = images ? images.allowed(it.id) : true;
  const showImages = () => images?.show(it.id);
  const leadUrl = article?.leadImage && !article.html.includes(`src="${article.leadImage}"`) && !(st.kind === 'article' && st.offline) ? safeImageUrl(article.leadImage) : undefined;
  const lead = load ? leadUrl : undefined;
  const when = formatTime(article?.published ?? null, locale);
  const sizes = [t('rd_size_small'), t('rd_size_normal'), t('rd_size_large')];

  return (
    <div class={`reader font-${step}`} data-testid="reader">
      <div class="reader-bar" role="toolbar" aria-label={t('rd_tools')}>
        <button type="button" class="btn reader-back" onClick={onClose} title={t('rd_back_key')}>
          <span aria-hidden="true">← </span>
          {t('rd_back')}
        </button>
        <div class="reader-sizes" role="group" aria-label={t('rd_text_size')}>
          {sizes.map((label, i) => (
            <button key={i} type="button" class={`icon-btn size-${i}`} aria-pressed={step === i} aria-label={label} title={label} onClick={() => model.setFont(i as 0 | 1 | 2)}>
              <span aria-hidden="true">A</span>
            </button>
          ))}
        </div>
        {href && (
          <a class="reader-original" href={href} target="_blank" rel="noopener noreferrer" title={t('rd_original_key')}>
            {t('sb_open_original')}
            <span aria-hidden="true"> ↗</span>
          </a>
        )}
      </div>
      <article class="reader-article" aria-labelledby="reader-title" lang={article?.lang ?? undefined} dir={article?.dir ?? undefined} aria-busy={st.kind === 'loading'}>
        <h2 id="reader-title" class="reader-title" tabIndex={-1} ref={heading}>
          {article?.title || it.title || t('sb_untitled')}
        </h2>
        {article && (
          <p class="reader-meta">
            {[article.byline, when, t('rd_minutes', article.readingMinutes), article.siteName].filter(Boolean).join(' · ')}
          </p>
        )}
        {st.kind === 'loading' && (
          <p class="reader-status" role="status">
            {t('rd_loading')}
          </p>
        )}
        {st.kind === 'article' && st.offline && <p class="notice reader-note">{t('rd_offline_copy')}</p>}
        {lead && <img class="reader-lead" src={lead} alt="" referrerpolicy="no-referrer" decoding="async" />}
        {article && <ArticleHtml html={article.html} url={article.url} load={load} leadHeld={!!leadUrl && !load} onShow={showImages} />}
        {st.kind === 'ask' && (
          <div class="notice reader-ask" role="region" aria-label={t('rd_ask_title')}>
            <p>{t('rd_ask', st.host)}</p>
            <div class="reader-ask-actions">
              <button type="button" class="btn primary" onClick={() => void model.allow(false)}>
                {t('rd_allow_site', st.host)}
              </button>
              <button type="button" class="btn" onClick={() => void model.allow(true)}>
                {t('rd_allow_all')}
              </button>
            </div>
            <p class="reader-ask-below">{t('rd_ask_below')}</p>
          </div>
        )}
        {st.kind === 'fallback' && (
          <div class="notice reader-note" role="status">
            <p>{t(NOTES[st.reason])}</p>
            {st.reason === 'live' && model.followLive && href && (
              <button
                type="button"
                class="btn primary reader-follow-live"
                onClick={() => {
                  // Back to the list, where the ticker and the follow notice (or its permission question) are.
                  onClose();
                  void model.followLive!(href, it.title);
                }}
              >
                {t('rd_follow_live')}
              </button>
            )}
          </div>
        )}
        {st.kind === 'error' && (
          <p class="notice error reader-note" role="alert">
            {readerErrorText(st)}
          </p>
        )}
        {(st.kind === 'ask' || st.kind === 'fallback' || st.kind === 'error') && <FeedContent item={it} load={load} onShow={showImages} />}
      </article>
    </div>
  );
}
