// Badge, stories, breaking window, retention, quiet hours, snooze and remote images, with the bounds of
// the one table of settings (utils/settings-spec.ts). Every change saves at once (browser.storage.sync),
// and is announced.
import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/model';
import { BADGE_MODES, boundsOf, isHhMm } from '@/utils/settings-spec';
import { t } from '@/utils/i18n';
import { absoluteTime } from '@/utils/format/time';
import { snoozeUntil } from '@/utils/topics/notify';
import { Check, Field } from './Field';
import { syncQuotaProblem } from '@/utils/sync-quota';
import { problemOf } from '@/utils/problems';
import { problemSentence } from '@/utils/problem-text';
import { NumberField } from './NumberField';
import { KeepFewer } from './KeepFewer';
import type { OptionsStore } from './state';

export function SettingsSection({ store }: { store: OptionsStore }) {
  const s = store.settings.value;
  const [quietError, setQuietError] = useState('');
  const [saveError, setSaveError] = useState('');
  const now = store.now();
  const save = async (patch: Partial<Settings>) => {
    try {
      await store.updateSettings(patch);
    } catch (e) {
      // Synced storage refused (quota): say so; the controls keep what the user chose.
      setSaveError(problemSentence(syncQuotaProblem(e) ?? problemOf(e)));
      return;
    }
    setSaveError('');
    store.announce(t('opt_saved'));
  };
  const saveQuiet = (k: 'quietStart' | 'quietEnd', v: string) => {
    if (!isHhMm(v)) return setQuietError(t('opt_quiet_invalid'));
    setQuietError('');
    void save({ [k]: v });
  };
  const snoozed = s.snoozeUntil > now;

  return (
    <section id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('opt_settings')}</h2>
      {saveError && <p class="error" role="alert">{saveError}</p>}

      <fieldset class="card">
        <legend>{t('opt_badge')}</legend>
        {BADGE_MODES.map((m) => (
          <div class="radio" key={m}>
            <input type="radio" id={`badge-${m}`} name="badge-mode" value={m} checked={s.badgeMode === m}
              aria-describedby={`badge-${m}-hint`} onChange={() => void save({ badgeMode: m })} />
            <label for={`badge-${m}`}>{t(`opt_badge_${m}`)}</label>
            <p class="hint" id={`badge-${m}-hint`}>{t(`opt_badge_${m}_hint`)}</p>
          </div>
        ))}
      </fieldset>

      <fieldset class="card">
        <legend>{t('opt_stories')}</legend>
        <Check id="group-stories" checked={s.groupStories} hint={t('opt_group_stories_hint')} onChange={(on) => void save({ groupStories: on })}>
          {t('opt_group_stories')}
        </Check>
        <Check id="count-articles" checked={s.countArticles} hint={t('opt_count_articles_hint')} onChange={(on) => void save({ countArticles: on })}>
          {t('opt_count_articles')}
        </Check>
      </fieldset>

      <fieldset class="card">
        <legend>{t('opt_alerts')}</legend>
        <div class="row">
          <Field id="quiet-start" class="compact" label={t('opt_quiet_start')} error={quietError}>
            {(p) => <input {...p} type="time" value={s.quietStart} onChange={(e) => saveQuiet('quietStart', e.currentTarget.value)} />}
          </Field>
          <Field id="quiet-end" class="compact" label={t('opt_quiet_end')}>
            {(p) => <input {...p} type="time" value={s.quietEnd} onChange={(e) => saveQuiet('quietEnd', e.currentTarget.value)} />}
          </Field>
        </div>
        <p class="hint">{t('opt_quiet_hint')}</p>
        <NumberField id="alert-items-max" label={t('opt_alert_items_max')} hint={t('opt_alert_items_max_hint')} unit={t('opt_unit_items')}
          value={s.alertItemsMax} {...boundsOf('alertItemsMax')} onSave={(n) => save({ alertItemsMax: n })} />
        <div class="snooze" role="group" aria-labelledby="snooze-label">
          <p id="snooze-label">
            {snoozed ? t('opt_snoozed_until', absoluteTime(s.snoozeUntil, store.locale)) : t('opt_snooze')}
          </p>
          {snoozed ? (
            <button type="button" onClick={() => void save({ snoozeUntil: 0 })}>{t('opt_snooze_resume')}</button>
          ) : (
            <>
              <button type="button" onClick={() => void save({ snoozeUntil: snoozeUntil('1h', store.now()) })}>{t('opt_snooze_1h')}</button>
              <button type="button" onClick={() => void save({ snoozeUntil: snoozeUntil('tomorrow', store.now()) })}>{t('opt_snooze_tomorrow')}</button>
            </>
          )}
        </div>
      </fieldset>

      <fieldset class="card" id="keeping">
        <legend>{t('opt_keeping')}</legend>
        <div class="row">
          <NumberField id="breaking-window" label={t('opt_breaking_window')} hint={t('opt_breaking_window_hint')} unit={t('opt_unit_minutes')}
            value={s.breakingWindowMin} {...boundsOf('breakingWindowMin')} onSave={(n) => save({ breakingWindowMin: n })} />
          <NumberField id="retention-days" label={t('opt_retention_days')} unit={t('opt_unit_days')}
            value={s.retentionDays} {...boundsOf('retentionDays')} onSave={(n) => save({ retentionDays: n })} />
          <NumberField id="max-items" label={t('opt_max_items')} unit={t('opt_unit_items')}
            value={s.maxItemsPerSource} {...boundsOf('maxItemsPerSource')} onSave={(n) => save({ maxItemsPerSource: n })} />
        </div>
        <p class="hint">{t('opt_retention_hint')}</p>
        <KeepFewer store={store} />
      </fieldset>

      <fieldset class="card">
        <legend>{t('opt_images')}</legend>
        <Check id="load-images" checked={s.loadRemoteImages} hint={t('opt_load_images_hint')} onChange={(on) => void save({ loadRemoteImages: on })}>
          {t('opt_load_images')}
        </Check>
      </fieldset>
    </section>
  );
}
