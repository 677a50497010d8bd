// "Keep fewer articles": the line while the browser has no room, and a one-click removal of unstarred
// articles older than N days that says how much it freed.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { formatBytes } from '@/utils/format/bytes';
import type { OptionsStore } from './state';

/** The sidebar's line, on the options page too. */
export function StorageFullLine({ store }: { store: OptionsStore }) {
  if (!store.storageFull.value) return null;
  return <p class="notice warn storage-full" role="status">{t('opt_storage_full')}</p>;
}

export function KeepFewer({ store }: { store: OptionsStore }) {
  const retention = store.settings.value.retentionDays;
  const [days, setDays] = useState(String(Math.max(1, Math.min(7, Math.floor(retention / 2)))));
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 365;

  async function run() {
    if (!valid) return;
    setBusy(true);
    try {
      const r = await store.removeOlder(n);
      if (r.removed === 0) setSaid(t('opt_cleanup_none'));
      else if (r.freed) setSaid(t('opt_cleanup_done', [String(r.removed), formatBytes(r.freed, store.locale)]));
      else setSaid(t('opt_cleanup_done_later', String(r.removed)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="keep-fewer">
      <label for="cleanup-days">{t('opt_cleanup')}</label>
      <span class="with-unit">
        <input id="cleanup-days" type="number" inputMode="numeric" min={1} max={365} step={1} value={days} aria-describedby="cleanup-hint"
          onInput={(e) => setDays(e.currentTarget.value)} />
        <span class="unit">{t('opt_unit_days')}</span>
      </span>
      <button type="button" id="cleanup-run" disabled={busy || !valid} onClick={() => void run()}>{t('opt_cleanup_run')}</button>
      <p class="hint" id="cleanup-hint">{t('opt_cleanup_hint')}</p>
      <p class="cleanup-result" role="status">{said}</p>
    </div>
  );
}
