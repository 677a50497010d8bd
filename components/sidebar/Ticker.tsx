// The breaking ticker: short timestamped updates, newest first, like a live page. Updates of followed
// live pages are grouped under the page's title (with "Stop following"); unread ones stand out.
// For the keyboard it is one tab stop: the arrow keys (and j/k, Home/End) move between its updates,
// Enter or o opens one, Esc closes it.
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import type { LiveFollow } from './live-follow';
import type { Item, Source } from '@/utils/model';
import { tickerTime, absoluteTime, isoTime } from '@/utils/format/time';
import { liveTitle, tickerGroups } from '@/utils/sidebar/live';
import { ArticleBody } from './ArticleBody';
import { t } from '@/utils/i18n';
import { keyAction, moveFocus } from './keyboard';

// Few enough that the articles still start on the first screen of a narrow sidebar.
const COLLAPSED = 3;

function Tick({ it, src, showSource, open, tabbable, onToggle, onFocus, store }: { it: Item; src?: Source; showSource: boolean; open: boolean; tabbable: boolean; onToggle(): void; onFocus(): void; store: SidebarStore }) {
  return (
    <li class={`tick${it.read ? ' read' : ' unread'}`} data-id={it.id}>
      <time dateTime={isoTime(it.published)} title={absoluteTime(it.published, store.locale)}>
        {tickerTime(it.published, store.now.value, store.locale)}
      </time>
      <div class="tick-text">
        <button type="button" id={`tk-${it.id}`} class="tick-btn" tabIndex={tabbable ? 0 : -1} aria-describedby={`tks-${it.id}`} aria-expanded={open} aria-controls={open ? `tb-${it.id}` : undefined} onClick={onToggle} onFocus={onFocus}>
          {it.title || t('sb_untitled')}
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
  const items = store.breaking.value;
  const groups = tickerGroups(items, store.sources.value);
  if (groups.length === 0) return null;
  const shownOf = (g: (typeof groups)[number]) => (expanded ? g.items : g.items.slice(0, COLLAPSED));
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
  const longest = Math.max(...groups.map((g) => g.items.length));

  const toggle = (id: string, read: 0 | 1) => {
    setOpenId(openId === id ? null : id);
    if (openId !== id && read === 0) void store.setRead([id], true);
  };

  return (
    <section class="ticker" aria-labelledby="ticker-h" onKeyDown={onKeyDown}>
      <h2 id="ticker-h" class="ticker-h">
        <span class="live-dot" aria-hidden="true" />
        {t('sb_breaking')}
        {unread > 0 && <span class="ticker-unread">{t('sb_unread_count', unread)}</span>}
      </h2>
      {groups.map((g) => {
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
