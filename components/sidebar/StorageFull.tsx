// The one calm line while the browser has no room left for Newsbar's database, with the way out.
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';

export function StorageFull({ store }: { store: SidebarStore }) {
  if (!store.storageFull.value) return null;
  return (
    <div class="notice storage-full" role="status">
      <p>{t('sb_storage_full')}</p>
      <button type="button" class="btn" onClick={() => store.openOptions('keeping')}>{t('sb_keep_fewer')}</button>
    </div>
  );
}
