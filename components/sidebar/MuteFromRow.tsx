// "Mute stories like this…" under an opened article: the shared rule editor, prefilled with a phrase
// from the title (utils/mutes/suggest.ts) and offering the row's outlet as the rule's one source, with
// the live count of what it would hide.
import { useState } from 'preact/hooks';
import type { Item, MuteRule, Source } from '@/utils/model';
import { t } from '@/utils/i18n';
import { suggestMute } from '@/utils/mutes/suggest';
import { problemOf } from '@/utils/problems';
import { syncQuotaProblem } from '@/utils/sync-quota';
import { problemSentence } from '@/utils/problem-text';
import type { QueryError } from '@/utils/topics/query';
import { MuteEditor, type MuteDraft } from '../shared/MuteEditor';
import type { Preview } from '@/utils/topics/preview';

export interface MuteActions {
  sources: readonly Source[];
  preview(draft: MuteDraft): Promise<Preview>;
  save(rule: MuteRule): Promise<void>;
  now(): number;
}

/** The query's problem in words (the same words as the options page's topic editor). */
function queryText(e: QueryError | { code: 'empty' | 'tooLong'; start: number }): string {
  const what = t(`opt_qerr_${e.code}`);
  return e.code === 'empty' || e.code === 'tooLong' || e.code === 'nothingToMatch' ? what : t('opt_qerr_at', [what, e.start + 1]);
}

export function MuteFromRow({ item, source, mute, tab }: { item: Item; source?: Source; mute: MuteActions; tab: number }) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <button type="button" class="link-btn mute-like" tabIndex={tab} onClick={() => setEditing(true)}>
        {t('sb_mute_like_this')}
      </button>
    );
  }
  return (
    <MuteEditor idp={`mute-row-${item.id}`} draft={suggestMute(item, false)} sources={mute.sources}
      outlet={source && { id: source.id, name: source.name }} preview={mute.preview} save={mute.save} now={mute.now}
      errorText={(err) => problemSentence(syncQuotaProblem(err) ?? problemOf(err))} queryErrorText={queryText}
      onDone={() => setEditing(false)} />
  );
}
