// "Feed server": connect Newsbar to a Google Reader API server (FreshRSS, Miniflux, …), see that it
// is connected and when it last synced, disconnect (keeping its sources as local ones or not).
// The API password is sent to the worker once and never shown again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { relativeTime } from '@/utils/format/time';
import { problemSentence } from '@/utils/problem-text';
import { Field } from './Field';
import type { ServerModel } from './models/server';

export function ServerSection({ model, now, locale, onChanged }: { model: ServerModel; now: () => number; locale: string; onChanged: () => void }) {
  const account = model.account.value;
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const addressRef = useRef<HTMLInputElement>(null);

  useEffect(() => model.watch(), []);

  async function onConnect(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    const r = await model.connect(address, user, password);
    setBusy(false);
    if (r.ok) {
      setPassword('');
      onChanged();
      return;
    }
    setError('permission' in r ? t('opt_server_err_permission') : problemSentence(r.problem));
    addressRef.current?.focus();
  }

  async function onReconnect(e: Event) {
    e.preventDefault();
    if (!account) return;
    setError('');
    setBusy(true);
    const r = await model.connect(account.address, account.user, password);
    setBusy(false);
    if (r.ok) setPassword('');
    else setError('permission' in r ? t('opt_server_err_permission') : problemSentence(r.problem));
  }

  async function onDisconnect(keep: boolean) {
    setBusy(true);
    await model.disconnect(keep);
    setBusy(false);
    setAsking(false);
    onChanged();
  }

  return (
    <section id="feed-server" aria-labelledby="feed-server-title">
      <h2 id="feed-server-title">{t('opt_server_title')}</h2>
      {account ? (
        <div class="card" data-testid="server-connected">
          <p>{t('opt_server_connected', [account.user, account.host])}</p>
          <p class="hint" data-testid="server-last-sync">
            {account.lastSyncAt ? t('opt_server_last_sync', relativeTime(account.lastSyncAt, now(), locale)) : t('opt_server_never_synced')}
          </p>
          {account.problem && <p class="error" role="alert" data-testid="server-problem">{problemSentence(account.problem)}</p>}
          {account.problem?.code === 'serverRefused' && (
            // The API password was changed on the server: a new one, without disconnecting.
            <form class="inline-form" onSubmit={onReconnect}>
              <Field id="server-new-password" label={t('opt_server_password')} error={error || undefined}>
                {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
              </Field>
              <button type="submit" disabled={busy}>{busy ? t('opt_server_connecting') : t('opt_server_connect')}</button>
            </form>
          )}
          <div class="row">
            <button type="button" disabled={busy} onClick={() => void model.syncNow()}>{t('opt_server_sync_now')}</button>
            <button type="button" disabled={busy} onClick={() => setAsking(true)}>{t('opt_server_disconnect')}</button>
          </div>
          {asking && (
            <div role="group" aria-labelledby="server-keep-q" data-testid="server-disconnect-ask">
              <p id="server-keep-q">{t('opt_server_keep_q')}</p>
              <button type="button" disabled={busy} onClick={() => void onDisconnect(true)}>{t('opt_server_keep')}</button>
              <button type="button" disabled={busy} onClick={() => void onDisconnect(false)}>{t('opt_server_remove')}</button>
              <button type="button" disabled={busy} onClick={() => setAsking(false)}>{t('opt_server_cancel')}</button>
            </div>
          )}
        </div>
      ) : (
        <form class="card" onSubmit={onConnect} data-testid="server-form">
          <p class="hint">{t('opt_server_intro')}</p>
          <Field id="server-address" label={t('opt_server_address')} hint={t('opt_server_address_hint')} error={error || undefined}>
            {(p) => <input {...p} ref={addressRef} type="text" inputMode="url" autoComplete="url" required value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}
          </Field>
          <Field id="server-user" label={t('opt_server_user')}>
            {(p) => <input {...p} type="text" autoComplete="username" required value={user} onInput={(e) => setUser(e.currentTarget.value)} />}
          </Field>
          <Field id="server-password" label={t('opt_server_password')} hint={t('opt_server_password_hint')}>
            {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
          </Field>
          <p class="hint">{t('opt_server_permission_why')}</p>
          <button type="submit" disabled={busy}>{busy ? t('opt_server_connecting') : t('opt_server_connect')}</button>
        </form>
      )}
    </section>
  );
}
