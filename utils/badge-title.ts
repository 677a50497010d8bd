// The toolbar button's tooltip: how many articles are new (unread) and how many of them breaking, in
// the user's words (the badge alone shows one number, and only in some modes).
import type { BadgeCounts } from './badge';
import { t } from './i18n';

export function badgeTitle(c: BadgeCounts): string {
  if (c.unread <= 0) return t('badge_title_none');
  if (c.unreadBreaking <= 0) return t('badge_title_new', c.unread);
  return t('badge_title_new_breaking', [c.unread, c.unreadBreaking]);
}
