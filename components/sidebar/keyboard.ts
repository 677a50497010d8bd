// Keyboard shortcuts of the sidebar, as a pure mapping from a key press to an action.

export type KeyAction = 'next' | 'prev' | 'open' | 'toggleRead' | 'star' | 'search' | 'back';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The event comes from a text field (search box). */
  inTextField: boolean;
  /** The event comes from a button, link or other control that handles Enter itself. */
  onControl: boolean;
}

export function keyAction(e: KeyInput): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined; // leave browser shortcuts alone
  if (e.key === 'Escape') return 'back';
  if (e.inTextField) return undefined;
  switch (e.key) {
    // Not the arrow keys: they keep scrolling the page and a long open article.
    case 'j':
      return 'next';
    case 'k':
      return 'prev';
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
