// "Removed … Undo": removing sources asks nothing, and offers this for a few seconds instead.
import { t } from '@/utils/i18n';
import type { OptionsStore } from './state';

export function UndoBar({ store }: { store: OptionsStore }) {
  const r = store.removal.value;
  if (!r) return null;
  const text = r.ids.length === 1 ? t('opt_removed_one', [r.names[0] ?? '', String(r.articles)]) : t('opt_removed_many', [String(r.ids.length), String(r.articles)]);
  return (
    <div class="undo-bar" role="status">
      <span>{text}</span>
      <button type="button" onClick={() => { void store.undoRemoval(); store.announce(t('opt_undone')); }}>{t('opt_undo')}</button>
    </div>
  );
}
