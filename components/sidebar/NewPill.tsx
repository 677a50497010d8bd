// "N new": new items wait here instead of moving what the user is reading. The wrapper is a polite
// live region, present before the pill appears, so screen readers hear "3 new".
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function NewPill({ store, onShow }: { store: SidebarStore; onShow(): void }) {
  const n = store.pendingNew.value;
  return (
    <div class="pill-wrap" aria-live="polite">
      {n > 0 && (
        <button type="button" class="pill" onClick={onShow}>
          <span aria-hidden="true">↑ </span>
          {t('sb_new_items', n)}
        </button>
      )}
    </div>
  );
}
