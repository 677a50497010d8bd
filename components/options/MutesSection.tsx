// The options page's mute rules: each rule with where it applies and how much it hides now; add,
// edit (the shared editor, with its live count) and remove. Removing brings back what the rule hid.
import { useState } from 'preact/hooks';
import type { MuteRule } from '@/utils/model';
import { t, tn } from '@/utils/i18n';
import { syncQuotaProblem } from '@/utils/sync-quota';
import { problemOf } from '@/utils/problems';
import { problemSentence } from '@/utils/problem-text';
import { MuteEditor } from '../shared/MuteEditor';
import { topicQueryText } from './messages';
import type { OptionsStore } from './state';

function scopeText(store: OptionsStore, rule: MuteRule): string {
  const names = new Map(store.sources.value.map((s) => [s.id, s.name]));
  return [...rule.folders.map((f) => t('mute_folder', f)), ...rule.sourceIds.map((id) => names.get(id) ?? id)].join(', ');
}

function Editor({ store, rule, onDone }: { store: OptionsStore; rule?: MuteRule; onDone: () => void }) {
  return (
    <MuteEditor idp={rule ? `mute-${rule.id}` : 'mute-new'} rule={rule} sources={store.sources.value}
      preview={(d) => store.previewMute(d)} save={(r) => store.saveMute(r)} now={store.now}
      errorText={(err) => problemSentence(syncQuotaProblem(err) ?? problemOf(err))} queryErrorText={topicQueryText}
      onDone={(saved) => {
        if (saved) store.announce(t(rule ? 'opt_mute_saved' : 'opt_mute_added'));
        onDone();
      }} />
  );
}

export function MutesSection({ store }: { store: OptionsStore }) {
  const [editing, setEditing] = useState<string | null>(null); // rule id, 'new' or null
  const rules = store.mutes.value;
  return (
    <section id="mutes" aria-labelledby="mutes-title">
      <h2 id="mutes-title">{t('opt_mutes')}</h2>
      <p class="intro">{t('opt_mutes_intro')}</p>
      {rules.length === 0 && editing !== 'new' && <p class="empty">{t('opt_no_mutes')}</p>}
      {rules.length > 0 && (
        <ul class="topics" aria-label={t('opt_your_mutes')}>
          {rules.map((r) =>
            editing === r.id ? (
              <li key={r.id}><Editor store={store} rule={r} onDone={() => setEditing(null)} /></li>
            ) : (
              <li key={r.id} class="topic mute-rule" aria-labelledby={`mute-${r.id}-query`}>
                <code class="topic-query" id={`mute-${r.id}-query`}>{r.query}</code>
                {(r.sourceIds.length > 0 || r.folders.length > 0) && <p class="muted">{t('opt_mute_scope', scopeText(store, r))}</p>}
                <p class="muted">{tn('opt_mute_hides', store.muteCounts.value[r.id] ?? 0)}</p>
                <div class="source-actions">
                  <button type="button" onClick={() => setEditing(r.id)} aria-describedby={`mute-${r.id}-query`}>{t('opt_edit')}</button>
                  <button type="button" class="danger-text" aria-describedby={`mute-${r.id}-query`}
                    onClick={() => void store.removeMute(r.id).then(() => store.announce(t('opt_mute_removed')))}>{t('opt_remove')}</button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <Editor store={store} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>{t('opt_add_mute')}</button>
      )}
    </section>
  );
}
