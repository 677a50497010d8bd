// Problems turned into the words shown next to a field.
import { t } from '@/utils/i18n';
import type { InspectProblem } from '@/utils/inspect-source';
import type { UrlProblem } from '@/utils/validate';
import type { TopicFieldErrors } from '@/utils/topics/validate';

export function urlProblemText(p: UrlProblem): string {
  return t(`opt_url_${p}`);
}

export function inspectProblemText(p: InspectProblem, status?: number, detail?: string): string {
  if (p === 'httpError') return t('opt_inspect_httpError', String(status ?? ''));
  if (p === 'brokenFeed') return t('opt_inspect_brokenFeed', detail ?? '');
  return t(`opt_inspect_${p}`);
}

export function topicNameText(e: NonNullable<TopicFieldErrors['name']>): string {
  return t(`opt_topic_name_${e}`);
}

/** "Unclosed quote (at character 5)". Positions are 1-based for people. */
export function topicQueryText(e: NonNullable<TopicFieldErrors['query']>): string {
  const what = t(`opt_qerr_${e.code}`);
  return e.code === 'empty' || e.code === 'tooLong' || e.code === 'nothingToMatch' ? what : t('opt_qerr_at', [what, e.start + 1]);
}
