// The options page: sources, topics, settings, import/export, on one page with a section nav.
import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { SourcesSection } from './SourcesSection';
import { StorageFullLine } from './KeepFewer';
import { TopicsSection } from './TopicsSection';
import { MutesSection } from './MutesSection';
import { SettingsSection } from './SettingsSection';
import { ImportExportSection } from './ImportExportSection';
import { ServerSection } from './ServerSection';
import { UndoBar } from './UndoBar';
import type { ManagerStart } from './SourceManager';
import type { OptionsStore } from './state';

export function OptionsApp({ store, start }: { store: OptionsStore; start?: ManagerStart }) {
  useEffect(() => {
    void store.loadOnce();
    const offWatch = store.watch();
    // Leaving the page ends the Undo offer: what was removed is deleted now.
    const leave = () => void store.commitRemoval();
    addEventListener('pagehide', leave);
    return () => {
      offWatch();
      removeEventListener('pagehide', leave);
    };
  }, []);
  useEffect(() => {
    if (!store.loaded.value) return;
    if (start?.failingFirst) document.getElementById('sources')?.scrollIntoView();
    // The sidebar's welcome links to options.html#import-export: the page renders after the browser looked for it.
    else if (location.hash === '#import-export') document.getElementById('import-export')?.scrollIntoView();
    // The sidebar's "Keep fewer articles" (its line while the browser has no room) opens options.html#keeping.
    else if (location.hash === '#keeping') document.getElementById('keeping')?.scrollIntoView();
  }, [store.loaded.value]);

  return (
    <>
      <a class="skip" href="#content">{t('opt_skip')}</a>
      <header class="top">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('opt_title')}</h1>
      </header>
      <nav aria-label={t('opt_sections')}>
        <ul>
          <li><a href="#sources">{t('opt_sources')}</a></li>
          <li><a href="#topics">{t('opt_topics')}</a></li>
          <li><a href="#mutes">{t('opt_mutes')}</a></li>
          <li><a href="#settings">{t('opt_settings')}</a></li>
          <li><a href="#import-export">{t('opt_import_export')}</a></li>
          <li><a href="#feed-server">{t('opt_server_title')}</a></li>
        </ul>
      </nav>
      <main id="content" tabIndex={-1} aria-busy={!store.loaded.value}>
        {/* Also before the page has loaded: on a disk with no room at all, the database may not open. */}
        <StorageFullLine store={store} />
        {store.loaded.value ? (
          <>
            <SourcesSection store={store} start={start} />
            <TopicsSection store={store} />
            <MutesSection store={store} />
            <SettingsSection store={store} />
            <ImportExportSection store={store} />
            <ServerSection model={store.server} now={store.now} locale={store.locale} onChanged={() => void store.reloadSources()} />
          </>
        ) : (
          <p class="muted">{t('opt_loading')}</p>
        )}
      </main>
      <UndoBar store={store} />
      <div class="visually-hidden" role="status" aria-live="polite">{store.status.value}</div>
    </>
  );
}
