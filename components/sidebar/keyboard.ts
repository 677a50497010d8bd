// Keyboard shortcuts of the sidebar, as a pure mapping from a key press to an action.

export type KeyAction = 'next' | 'prev' | 'first' | 'last' | 'open' | 'toggleRead' | 'star' | 'search' | 'back' | 'showNew' | 'help';

/** The keys the "?" panel and the README list: the keys as shown, and the message naming what they do. */
export const SHORTCUTS = [
  ['j / ↓', 'sb_key_next'],
  ['k / ↑', 'sb_key_prev'],
  ['Home / End', 'sb_key_ends'],
  ['o / Enter', 'sb_key_open'],
  ['m', 'sb_key_read'],
  ['s', 'sb_key_star'],
  ['n', 'sb_key_new'],
  ['/', 'sb_key_search'],
  ['Esc', 'sb_key_back'],
  ['?', 'sb_key_help'],
] as const;

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The event comes from a text field (search box). */
  inTextField: boolean;
  /** The event comes from a button, link or other control that handles Enter itself. */
  onControl: boolean;
  /** The event comes from an item of a list the arrow keys move in (an article's title, a ticker update). */
  onRow?: boolean;
}

export function keyAction(e: KeyInput): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined; // leave browser shortcuts alone
  if (e.key === 'Escape') return 'back';
  if (e.inTextField) return undefined;
  switch (e.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'prev';
    // Arrow keys (and Home/End) move between articles from an article's title; elsewhere they keep
    // scrolling the page and a long open article.
    case 'ArrowDown':
      return e.onRow ? 'next' : undefined;
    case 'ArrowUp':
      return e.onRow ? 'prev' : undefined;
    case 'Home':
      return e.onRow ? 'first' : undefined;
    case 'End':
      return e.onRow ? 'last' : undefined;
    case 'n':
      return 'showNew';
    case '?':
      return 'help';
    case 'o':
      return 'open';
    case 'Enter':
      return e.onControl ? undefined : 'open';
    case 'm':
      return 'toggleRead';
    case 's':
      return 'star';
    case '/':
      return 'search';
    default:
      return undefined;
  }
}

/** The id after (or before) `current` in `ids`; the first one when nothing is focused yet. */
export function moveFocus(ids: string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const i = current === null ? -1 : ids.indexOf(current);
  if (i < 0) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, i + step))];
}
