// The breaking ticker: short timestamped updates, newest first, like a live page. Updates of followed
// live pages are grouped under the page's title (with "Stop following"); unread ones stand out.
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import type { LiveFollow } from './live-follow';
import type { Item, Source } from '@/utils/model';
import { tickerTime, absoluteTime, isoTime } from '@/utils/format/time';
import { liveTitle, tickerGroups } from '@/utils/sidebar/live';
import { ArticleBody } from './ArticleBody';
import { t } from '@/utils/i18n';

// Few enough that the articles still start on the first screen of a narrow sidebar.
const COLLAPSED = 3;

function Tick({ it, src, showSource, open, onToggle, store }: { it: Item; src?: Source; showSource: boolean; open: boolean; onToggle(): void; store: SidebarStore }) {
  return (
    <li class={`tick${it.read ? ' read' : ' unread'}`} data-id={it.id}>
      <time dateTime={isoTime(it.published)} title={absoluteTime(it.published, store.locale)}>
        {tickerTime(it.published, store.now.value, store.locale)}
      </time>
      <div class="tick-text">
        <button type="button" class="tick-btn" aria-expanded={open} aria-controls={open ? `tb-${it.id}` : undefined} onClick={onToggle}>
          {it.read === 0 && <span class="visually-hidden">{t('sb_unread_label')} </span>}
          {it.title || t('sb_untitled')}
        </button>
        {showSource && src && <span class="tick-source">{src.name}</span>}
        {open && <ArticleBody item={it} id={`tb-${it.id}`} />}
      </div>
    </li>
  );
}

export function Ticker({ store, live }: { store: SidebarStore; live?: LiveFollow }) {
  const [expanded, setExpanded] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = store.breaking.value;
  const groups = tickerGroups(items, store.sources.value);
  if (groups.length === 0) return null;
  const sources = store.sourceById.value;
  const unread = items.filter((i) => i.read === 0).length;
  const longest = Math.max(...groups.map((g) => g.items.length));

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
      {groups.map((g) => {
        const shown = expanded ? g.items : g.items.slice(0, COLLAPSED);
        const list = shown.length > 0 && (
          <ol class="timeline">
            {shown.map((it) => (
              <Tick key={it.id} it={it} src={sources.get(it.sourceId)} showSource={!g.source} open={openId === it.id} onToggle={() => toggle(it.id, it.read)} store={store} />
            ))}
          </ol>
        );
        if (!g.source) return <div key="other" class="ticker-group">{list}</div>;
        const s = g.source;
        const ended = s.live?.state === 'ended';
        const headId = `lg-${s.id}`;
        return (
          <section key={s.id} class={`ticker-group live-group${ended ? ' ended' : ''}`} aria-labelledby={headId} data-source={s.id}>
            <div class="live-head">
              <h3 id={headId} class="live-title">{liveTitle(s)}</h3>
              <span class={`live-state${ended ? ' ended' : ''}`}>{ended ? t('sb_live_ended') : t('sb_live_on')}</span>
              {live && (
                <button type="button" class="link-btn live-stop" onClick={() => void live.stop(s.id)}>
                  {ended ? t('sb_remove_live') : t('sb_stop_following')}
                </button>
              )}
            </div>
            {list || <p class="live-quiet">{t('sb_live_quiet')}</p>}
          </section>
        );
      })}
      {longest > COLLAPSED && (
        <button type="button" class="link-btn ticker-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('sb_ticker_less') : t('sb_ticker_more', items.length)}
        </button>
      )}
    </section>
  );
}
