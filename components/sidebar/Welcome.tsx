// First run, before any source: three ways in — import an OPML file (in the options page), paste a
// site or feed, or pick a starter pack. Nothing is added without the user choosing it.
import { useState } from 'preact/hooks';
import type { SidebarStore } from './state';
import { STARTER_PACKS } from '@/utils/sources/starter-packs';
import { t } from '@/utils/i18n';
import { FEED_KIND_LABEL } from '@/utils/sources/feed-kind-label';

export function showsWelcome(store: SidebarStore): boolean {
  return !store.loading.value && store.sources.value.length === 0 && !store.searching.value;
}

export function Welcome({ store }: { store: SidebarStore }) {
  const [address, setAddress] = useState('');
  const w = store.welcome;
  const busy = w.busy.value;
  const error = w.error.value;
  return (
    <section class="welcome" aria-labelledby="welcome-h">
      <h2 id="welcome-h">{t('sb_welcome_title')}</h2>
      <p class="welcome-lead">{t('sb_welcome_lead')}</p>

      <h3 id="welcome-packs">{t('sb_welcome_packs')}</h3>
      <ul class="packs" aria-labelledby="welcome-packs">
        {STARTER_PACKS.map((p) => (
          <li key={p.id}>
            <button type="button" class="pack" disabled={busy} onClick={() => void w.addPack(p.id)}>
              <span class="pack-name">{t(`sb_pack_${p.id}`)}</span>
              <span class="pack-feeds">{p.feeds.map((f) => f.name.split(' – ')[0]).filter((n, i, a) => a.indexOf(n) === i).join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>

      <h3><label for="welcome-url">{t('sb_welcome_paste')}</label></h3>
      <form
        class="welcome-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void w.addAddress(address);
        }}
      >
        <input
          id="welcome-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="example.com"
          value={address}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'welcome-error' : undefined}
          onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? t('sb_loading') : t('sb_welcome_add')}
        </button>
      </form>
      {error && <p id="welcome-error" class="welcome-error" role="alert">{error}</p>}
      <FoundFeeds store={store} />

      <h3>{t('sb_welcome_import')}</h3>
      <p class="welcome-import">
        <span>{t('sb_welcome_import_text')}</span>{' '}
        <button type="button" class="link-btn" onClick={() => store.openOptions('import-export')}>
          {t('sb_welcome_import_btn')}
        </button>
      </p>
    </section>
  );
}

/** The feeds a pasted page offers, by the names the options page gives them: add one, or all. */
function FoundFeeds({ store }: { store: SidebarStore }) {
  const w = store.welcome;
  const found = w.found.value;
  if (!found) return null;
  const added = w.added.value;
  const left = found.filter((f) => !added.has(f.url)).length;
  return (
    <div class="found" role="group" aria-labelledby="welcome-found">
      <div class="found-head">
        <p id="welcome-found">{t('opt_found_title')}</p>
        {left > 1 && (
          <button type="button" class="btn" disabled={w.busy.value} onClick={() => void w.addAllFound()}>
            {t('opt_add_all', String(left))}
          </button>
        )}
      </div>
      <ul>
        {found.map((f) => (
          <li key={f.url}>
            <span class="found-name">{f.title || f.url}</span> <span class="kind">{FEED_KIND_LABEL[f.type] ?? f.type}</span>
            {added.has(f.url) ? (
              <span class="muted">{t('opt_already_added')}</span>
            ) : (
              <button type="button" class="link-btn" disabled={w.busy.value} onClick={() => void w.addFound(f)} aria-label={t('opt_add_named', f.title || f.url)}>
                {t('opt_add')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * After a pack or an address was added: says what, while the first articles are fetched (screen readers
 * hear it through the status line). Gone once articles show, or once every source failed (the empty
 * list says so then: "in a moment" would not be true).
 */
export function WelcomeDone({ store }: { store: SidebarStore }) {
  const done = store.welcome.done.value;
  const sources = store.sources.value;
  if (!done || store.visible.value.length > 0 || (sources.length > 0 && sources.every((s) => s.health === 'error'))) return null;
  return <p class="notice welcome-done">{done}</p>;
}
