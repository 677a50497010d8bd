// The breaking ticker: short timestamped updates, newest first, like a live page. Updates of followed
// live pages are grouped under the page's title (with "Stop following"); unread ones stand out. It shows
// the latest few in at most a third of the panel (the articles start on the first screen), collapses to
// one line on demand, and is one line per update in compact mode.
// For the keyboard it is one tab stop: the arrow keys (and j/k, Home/End) move between its updates,
// Enter or o opens one, Esc closes it.
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import type { LiveFollow } from './live-follow';
import type { Item, Source } from '@/utils/model';
import { tickerTime, absoluteTime, isoTime } from '@/utils/format/time';
import { liveTitle, oneLinePerUpdate, tickerGroups } from '@/utils/sidebar/live';
import { ArticleBody } from './ArticleBody';
import { t } from '@/utils/i18n';
import { keyAction, moveFocus } from './keyboard';

// The latest few (over all live pages): the articles still start on the first screen of a narrow sidebar.
const LATEST = 3;

function Tick({ it, src, showSource, open, tabbable, onToggle, onFocus, store }: { it: Item; src?: Source; showSource: boolean; open: boolean; tabbable: boolean; onToggle(): void; onFocus(): void; store: SidebarStore }) {
  return (
    <li class={`tick${it.read ? ' read' : ' unread'}${open ? ' open' : ''}`} data-id={it.id}>
      <time dateTime={isoTime(it.published)} title={absoluteTime(it.published, store.locale)}>
        {tickerTime(it.published, store.now.value, store.locale)}
      </time>
      <div class="tick-text">
        <button type="button" id={`tk-${it.id}`} class="tick-btn" tabIndex={tabbable ? 0 : -1} aria-describedby={`tks-${it.id}`} aria-expanded={open} aria-controls={open ? `tb-${it.id}` : undefined} onClick={onToggle} onFocus={onFocus}>
          <span class="tick-title">{it.title || t('sb_untitled')}</span>
        </button>
        {/* Read or unread, as the title's description (hidden: read with the title only). */}
        <span id={`tks-${it.id}`} hidden>{t(it.read ? 'sb_state_read' : 'sb_state_unread')}</span>
        {showSource && src && <span class="tick-source">{src.name}</span>}
        {open && <ArticleBody item={it} id={`tb-${it.id}`} />}
      </div>
    </li>
  );
}

export function Ticker({ store, live }: { store: SidebarStore; live?: LiveFollow }) {
  const [expanded, setExpanded] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  // A followed page's update that its subscribed feed also carries is one line.
  const items = oneLinePerUpdate(store.breaking.value, store.sources.value);
  const groups = tickerGroups(items, store.sources.value);
  if (groups.length === 0) return null;
  const collapsed = store.tickerCollapsed.value;
  const latest = new Set([...items].sort((a, b) => b.published - a.published).slice(0, LATEST).map((i) => i.id));
  const shownOf = (g: (typeof groups)[number]) => (collapsed ? [] : expanded ? g.items : g.items.filter((i) => latest.has(i.id)));
  // A live page with updates, none of them among the latest, waits for "Show all"; a quiet one keeps its line (and "Stop following").
  const groupShown = (g: (typeof groups)[number]) => expanded || g.items.length === 0 || shownOf(g).length > 0;
  // The updates in the order they are shown: the arrow keys walk this; one of them is the tab stop.
  const order = groups.flatMap((g) => shownOf(g).map((it) => it.id));
  const current = focusId !== null && order.includes(focusId) ? focusId : order[0];
  const focusTick = (id: string) => {
    setFocusId(id);
    document.getElementById(`tk-${id}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const onTick = target.classList.contains('tick-btn');
    const action = keyAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inTextField: false, onControl: true, onRow: onTick });
    if (action === 'back' && openId) {
      // Esc closes the open update, also from a link inside it, and focus goes back to its line.
      const id = openId;
      setOpenId(null);
      focusTick(id);
    } else if (onTick && (action === 'next' || action === 'prev' || action === 'first' || action === 'last')) {
      const from = current ?? null;
      const id = action === 'first' ? order[0] : action === 'last' ? order[order.length - 1] : moveFocus(order, from, action === 'next' ? 1 : -1);
      if (id) focusTick(id);
    } else if (onTick && action === 'open' && current) {
      toggle(current, items.find((i) => i.id === current)?.read ?? 1);
    } else if (onTick && (action === 'toggleRead' || action === 'star')) {
      // The list's keys act on the list's article, never on one hidden behind the ticker.
    } else return;
    // Handled here: the sidebar's own key handler leaves it alone.
    e.preventDefault();
  };
  const sources = store.sourceById.value;
  const unread = items.filter((i) => i.read === 0).length;
  const hidden = items.length > latest.size || groups.some((g) => !groupShown(g));
  const newest = items.reduce<Item | undefined>((a, b) => (!a || b.published > a.published ? b : a), undefined);

  const toggle = (id: string, read: 0 | 1) => {
    setOpenId(openId === id ? null : id);
    if (openId !== id && read === 0) void store.setRead([id], true);
  };

  return (
    <section class={`ticker${collapsed ? ' collapsed' : ''}${store.compact.value ? ' compact' : ''}`} aria-labelledby="ticker-h" onKeyDown={onKeyDown}>
      <div class="ticker-top">
        <h2 id="ticker-h" class="ticker-h">
          <span class="live-dot" aria-hidden="true" />
          {t('sb_breaking')}
        </h2>
        {collapsed && newest && (
          <span class="ticker-latest" title={newest.title}>
            <time dateTime={isoTime(newest.published)}>{tickerTime(newest.published, store.now.value, store.locale)}</time> {newest.title}
          </span>
        )}
        {unread > 0 && <span class="ticker-unread">{t('sb_unread_count', unread)}</span>}
        <button type="button" class="icon-btn ticker-toggle" aria-expanded={!collapsed} aria-controls="ticker-body"
          aria-label={t(collapsed ? 'sb_ticker_expand' : 'sb_ticker_collapse')} title={t(collapsed ? 'sb_ticker_expand' : 'sb_ticker_collapse')}
          onClick={() => store.setTickerCollapsed(!collapsed)}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d={collapsed ? 'M3 6l5 5 5-5' : 'M3 10l5-5 5 5'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>
        </button>
      </div>
      {!collapsed && (
        <div class="ticker-body" id="ticker-body">
          {groups.filter(groupShown).map((g) => {
            const shown = shownOf(g);
            const list = shown.length > 0 && (
              <ol class="timeline">
                {shown.map((it) => (
                  <Tick key={it.id} it={it} src={sources.get(it.sourceId)} showSource={!g.source} open={openId === it.id} tabbable={it.id === current}
                    onToggle={() => toggle(it.id, it.read)} onFocus={() => setFocusId(it.id)} store={store} />
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
                    <button type="button" class="link-btn live-stop" title={ended ? t('sb_remove_live') : t('sb_stop_following')} onClick={() => void live.stop(s.id)}>
                      <span class="stop-label">{ended ? t('sb_remove_live') : t('sb_stop_following')}</span>
                      <svg class="stop-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
                    </button>
                  )}
                </div>
                {list || <p class="live-quiet">{t('sb_live_quiet')}</p>}
              </section>
            );
          })}
        </div>
      )}
      {!collapsed && hidden && (
        <button type="button" class="link-btn ticker-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('sb_ticker_less') : t('sb_ticker_more', items.length)}
        </button>
      )}
    </section>
  );
}
