// "N new": new items wait here instead of moving what the user is reading.
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function NewPill({ store, onShow }: { store: SidebarStore; onShow(): void }) {
  const n = store.pendingNew.value;
  if (n <= 0) return null;
  return (
    <div class="pill-wrap">
      <button type="button" class="pill" onClick={onShow}>
        <span aria-hidden="true">↑ </span>
        {t('sb_new_items', n)}
      </button>
    </div>
  );
}
