// Add a source by address: a feed, or a web page whose announced feeds are offered (the one way to add
// a source: utils/sources/add-source.ts). The host permission is asked for inside the click, before
// anything else is awaited (browsers require it).
import { useRef, useState } from 'preact/hooks';
import { t, tn } from '@/utils/i18n';
import { FEED_KIND_LABEL } from '@/utils/sources/feed-kind-label';
import type { DiscoveredFeed } from '@/utils/sources';
import { addFeedAt, checkAddress } from '@/utils/sources/add-source';
import { hostPattern } from '@/utils/net/host-pattern';
import { findSameFeed } from '@/utils/normalize/feed-address';
import type { Problem } from '@/utils/problems';
import { problemSentence } from '@/utils/problem-text';
import { Field } from './Field';
import type { OptionsStore } from './state';

export function AddSourceForm({ store }: { store: OptionsStore }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<DiscoveredFeed[] | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const fail = (p: Problem | string) => {
    setError(typeof p === 'string' ? p : problemSentence(p));
    setBusy(false);
    urlRef.current?.focus();
  };

  /**
   * Reads the feed at `feedUrl` and adds it unless it is one the user has under another address
   * (utils/sources/add-source.ts). `fromList`: one of the feeds found on a page; the list stays open for the others.
   */
  async function addFeed(feedUrl: string, feedName: string, fromList = false): Promise<boolean> {
    setBusy(true);
    setError('');
    const r = await addFeedAt(store.adding, feedUrl, { name: feedName, fromList });
    if (r.kind === 'problem') return (fail(r.problem), false);
    if (r.kind !== 'added') {
      setBusy(false);
      if (r.kind === 'page') {
        setFound(r.feeds);
        store.announce(tn('opt_found_feeds', r.feeds.length));
      }
      return false;
    }
    await store.reloadSources();
    store.announce(t('opt_source_added', r.source.name));
    if (!fromList) {
      setUrl('');
      setName('');
      setFound(null);
    }
    setError('');
    setBusy(false);
    return true;
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    setFound(null);
    const check = checkAddress(url, store.sources.value);
    if ('problem' in check) return fail(check.problem);
    // First await of the click: the permission prompt needs the user gesture.
    const granted = await store.requestOrigins([hostPattern(check.url)]).catch(() => false);
    if (!granted) return fail(t('opt_err_permission'));
    await addFeed(check.url, name.trim());
  }

  async function addFound(f: DiscoveredFeed) {
    const granted = await store.requestOrigins([hostPattern(f.url)]).catch(() => false);
    if (!granted) return fail(t('opt_err_permission'));
    await addFeed(f.url, f.title, true);
  }

  /** Adds every found feed not yet added, one after another; the list stays open to show each one's state. */
  async function addAllFound(feeds: DiscoveredFeed[]) {
    const todo = feeds.filter((f) => !subscribed(f.url));
    // One permission request for all their sites, inside the click.
    const granted = await store.requestOrigins([...new Set(todo.map((f) => hostPattern(f.url)))]).catch(() => false);
    if (!granted) return fail(t('opt_err_permission'));
    let added = 0;
    for (const f of todo) if (await addFeed(f.url, f.title, true)) added++;
    store.announce(t('opt_added_all', [String(added), String(todo.length)]));
  }

  const subscribed = (u: string) => !!findSameFeed(store.sources.value, [u]);
  const notAdded = found?.filter((f) => !subscribed(f.url)) ?? [];
  return (
    <form class="card add-source" onSubmit={onSubmit} noValidate aria-labelledby="add-source-title">
      <h3 id="add-source-title">{t('opt_add_source')}</h3>
      <div class="row">
        <Field id="source-url" label={t('opt_source_url')} hint={t('opt_source_url_hint')} error={error} class="grow">
          {(p) => (
            <input {...p} ref={urlRef} type="url" inputMode="url" autoComplete="url" spellcheck={false} placeholder="https://example.com/feed.xml"
              value={url} onInput={(e) => { setUrl(e.currentTarget.value); if (error) setError(''); }} />
          )}
        </Field>
        <Field id="source-name" label={t('opt_source_name_optional')}>
          {(p) => <input {...p} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('opt_checking') : t('opt_add')}
        </button>
      </div>
      {found && (
        <div class="found" role="group" aria-labelledby="found-title">
          <div class="found-head">
            <p id="found-title">{t('opt_found_title')}</p>
            {notAdded.length > 1 && (
              <button type="button" disabled={busy} onClick={() => void addAllFound(found)}>
                {t('opt_add_all', String(notAdded.length))}
              </button>
            )}
          </div>
          <ul>
            {found.map((f) => (
              <li key={f.url}>
                <span class="found-name">{f.title || f.url}</span>
                <span class="kind">{FEED_KIND_LABEL[f.type] ?? f.type}</span>
                <span class="url">{f.url}</span>
                {subscribed(f.url) ? (
                  <span class="muted">{t('opt_already_added')}</span>
                ) : (
                  <button type="button" onClick={() => void addFound(f)} aria-label={t('opt_add_named', f.title || f.url)}>
                    {t('opt_add')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
