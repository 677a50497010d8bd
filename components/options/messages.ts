// Problems turned into the words shown next to a field.
import { t } from '@/utils/i18n';
import type { TopicFieldErrors } from '@/utils/topics/validate';

export function topicNameText(e: NonNullable<TopicFieldErrors['name']>): string {
  return t(`opt_topic_name_${e}`);
}

/** "Unclosed quote (at character 5)". Positions are 1-based for people. */
export function topicQueryText(e: NonNullable<TopicFieldErrors['query']>): string {
  const what = t(`opt_qerr_${e.code}`);
  return e.code === 'empty' || e.code === 'tooLong' || e.code === 'nothingToMatch' ? what : t('opt_qerr_at', [what, e.start + 1]);
}
