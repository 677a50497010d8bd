// Snoozing topic alerts from the sidebar: a small menu (1 hour, until tomorrow) beside the toolbar
// tools, and while snoozed a visible chip saying until when, with a way to turn them back on.
import type { SidebarStore } from './state';
import { absoluteTime } from '@/utils/format/time';
import { t } from '@/utils/i18n';
import { BellIcon } from '../shared/BellIcon';

const notifying = (store: SidebarStore) => store.topics.value.some((tp) => tp.notify);
const snoozedUntil = (store: SidebarStore) => (store.settings.value.snoozeUntil > store.now.value ? store.settings.value.snoozeUntil : 0);

export function SnoozeMenu({ store }: { store: SidebarStore }) {
  if (!notifying(store) || snoozedUntil(store)) return null;
  return (
    <details class="snooze-menu">
      <summary class="icon-btn" aria-label={t('sb_snooze')} title={t('sb_snooze')}>
        <BellIcon />
      </summary>
      <div class="menu" role="group" aria-label={t('sb_snooze')}>
        <button type="button" class="btn" onClick={(e) => { void store.snooze('1h'); (e.currentTarget.closest('details') as HTMLDetailsElement).open = false; }}>{t('sb_snooze_1h')}</button>
        <button type="button" class="btn" onClick={(e) => { void store.snooze('tomorrow'); (e.currentTarget.closest('details') as HTMLDetailsElement).open = false; }}>{t('sb_snooze_tomorrow')}</button>
      </div>
    </details>
  );
}

export function SnoozeChip({ store }: { store: SidebarStore }) {
  const until = snoozedUntil(store);
  if (!until) return null;
  return (
    <p class="notice snooze-chip" role="status">
      <BellIcon off />{' '}
      {t('sb_snoozed_until', absoluteTime(until, store.locale))}
      <button type="button" class="link-btn" onClick={() => void store.snooze('off')}>{t('sb_alerts_on')}</button>
    </p>
  );
}
