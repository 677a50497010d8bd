// How the sidebar is shown on this device: the list compact (one line per article) or with summaries
// and pictures; the ticker collapsed to one line or showing its latest updates; the folder list open or
// closed (closed at first: the articles start on the first screen). Kept in the page's localStorage,
// read synchronously so the first paint is already right.
import { createModel, signal } from '@preact/signals';
import { FOLDERS_OPEN_KEY, SIDEBAR_COMPACT_KEY, SIDEBAR_SHOW_MUTED_KEY, TICKER_COLLAPSED_KEY } from '@/utils/storage-keys';

function readFlag(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(key) === '1';
  } catch {
    return false; // storage refused (private mode): the default view
  }
}

function keepFlag(key: string, v: boolean) {
  try {
    globalThis.localStorage?.setItem(key, v ? '1' : '0');
  } catch {
    // not kept: still switched for this page
  }
}

/** A flag read at start (so the first paint is right) and kept on every change. */
function keptFlag(key: string) {
  const flag = signal(readFlag(key));
  const set = (v: boolean) => {
    flag.value = v;
    keepFlag(key, v);
  };
  return [flag, set] as const;
}

export const ViewModel = createModel(() => {
  const [compact, setCompact] = keptFlag(SIDEBAR_COMPACT_KEY);
  const [tickerCollapsed, setTickerCollapsed] = keptFlag(TICKER_COLLAPSED_KEY);
  const [foldersOpen, setFoldersOpen] = keptFlag(FOLDERS_OPEN_KEY);
  /** Muted articles shown, dimmed (utils/mutes/). */
  const [showMuted, setShowMuted] = keptFlag(SIDEBAR_SHOW_MUTED_KEY);
  return { compact, tickerCollapsed, foldersOpen, showMuted, setShowMuted, setCompact, setTickerCollapsed, setFoldersOpen };
});
