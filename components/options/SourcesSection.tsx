import { t } from '@/utils/i18n';
import { AddSourceForm } from './AddSourceForm';
import { ApiSourceForm } from './ApiSourceForm';
import { SourceManager, type ManagerStart } from './SourceManager';
import type { OptionsStore } from './state';

const kb = (bytes: number) => String(Math.ceil(bytes / 1024));

/** Says plainly whether the source list follows the user to their other browsers. */
function SyncNote({ store }: { store: OptionsStore }) {
  const st = store.syncStatus.value;
  if (!st) return null;
  return st.tooLarge
    ? <p class="hint sync-note warn-text">{t('opt_sync_too_large', [kb(st.bytes), kb(st.budget)])}</p>
    : <p class="hint sync-note">{t('opt_sync_ok', [kb(st.bytes), kb(st.budget)])}</p>;
}

export function SourcesSection({ store, start }: { store: OptionsStore; start?: ManagerStart }) {
  const sources = store.sources.value;
  return (
    <section id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('opt_sources')}</h2>
      <AddSourceForm store={store} />
      <details class="card">
        <summary>{t('opt_api_title')}</summary>
        <ApiSourceForm store={store} />
      </details>
      {sources.length === 0 ? <p class="empty">{t('opt_no_sources')}</p> : <SourceManager store={store} start={start} />}
      <SyncNote store={store} />
    </section>
  );
}
