// The breaking ticker: short timestamped updates, newest first, like a live page. Unread ones stand out.
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import { tickerTime, absoluteTime, isoTime } from '@/utils/format/time';
import { ArticleBody } from './ArticleBody';
import { t } from '@/utils/i18n';

// Few enough that the articles still start on the first screen of a narrow sidebar.
const COLLAPSED = 3;

export function Ticker({ store }: { store: SidebarStore }) {
  const [expanded, setExpanded] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = store.breaking.value;
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, COLLAPSED);
  const sources = store.sourceById.value;
  const now = store.now.value;
  const unread = items.filter((i) => i.read === 0).length;

  const toggle = (id: string, read: 0 | 1) => {
    setOpenId(openId === id ? null : id);
    if (openId !== id && read === 0) void store.setRead([id], true);
  };

  return (
    <section class="ticker" aria-labelledby="ticker-h">
      <h2 id="ticker-h" class="ticker-h">
        <span class="live-dot" aria-hidden="true" />
        {t('sb_breaking')}
        {unread > 0 && <span class="ticker-unread">{t('sb_unread_count', unread)}</span>}
      </h2>
      <ol class="timeline">
        {shown.map((it) => {
          const src = sources.get(it.sourceId);
          const open = openId === it.id;
          return (
            <li key={it.id} class={`tick${it.read ? ' read' : ' unread'}`} data-id={it.id}>
              <time dateTime={isoTime(it.published)} title={absoluteTime(it.published, store.locale)}>
                {tickerTime(it.published, now, store.locale)}
              </time>
              <div class="tick-text">
                <button type="button" class="tick-btn" aria-expanded={open} aria-controls={open ? `tb-${it.id}` : undefined} onClick={() => toggle(it.id, it.read)}>
                  {it.read === 0 && <span class="visually-hidden">{t('sb_unread_label')} </span>}
                  {it.title || t('sb_untitled')}
                </button>
                {src && <span class="tick-source">{src.name}</span>}
                {open && <ArticleBody item={it} id={`tb-${it.id}`} />}
              </div>
            </li>
          );
        })}
      </ol>
      {items.length > COLLAPSED && (
        <button type="button" class="link-btn ticker-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('sb_ticker_less') : t('sb_ticker_more', items.length)}
        </button>
      )}
    </section>
  );
}
