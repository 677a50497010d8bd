// What the toolbar badge shows, from counts: pure, so every mode is tested without a browser.
import type { BadgeMode } from './model';

export const BADGE_COLOR = '#3b5b8c';
export const BREAKING_COLOR = '#c41e3a';

export interface BadgeCounts {
  unread: number;
  /** Unread breaking items still inside the breaking window. */
  unreadBreaking: number;
  /** Unread items matched by a topic that notifies. */
  unreadAlerts: number;
}

export interface BadgeView {
  text: string;
  color: string;
}

export function badgeText(n: number): string {
  if (n <= 0) return '';
  return n > 99 ? '99+' : String(n);
}

export function badgeFor(mode: BadgeMode, c: BadgeCounts): BadgeView {
  const color = c.unreadBreaking > 0 ? BREAKING_COLOR : BADGE_COLOR;
  switch (mode) {
    case 'off':
      return { text: '', color: BADGE_COLOR };
    case 'breaking':
      return { text: badgeText(c.unreadBreaking), color: BREAKING_COLOR };
    case 'alerts':
      return { text: badgeText(c.unreadAlerts), color };
    default:
      return { text: badgeText(c.unread), color };
  }
}
