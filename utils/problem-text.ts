// A Problem in words, in the user's language (messages `problem_*` in public/_locales). The one place
// problems are worded: the sidebar, the options page and the command line all call it.
import { t } from './i18n';
import type { Problem } from './problems';
import type { Source } from './model';

function httpText(status: number): string {
  if (status === 401 || status === 403) return t('problem_http_refused', status);
  if (status === 404 || status === 410 || status === 429 || status === 503) return t(`problem_http_${status}`);
  if (status >= 500) return t('problem_http_5xx', status);
  return t('problem_http_other', status);
}

/** The problem as a phrase ("the server answered 404: …"), to follow a source's name or a label. */
export function problemText(p: Problem): string {
  switch (p.code) {
    case 'http': {
      const base = httpText(p.status);
      return p.retryAfterMin ? t('problem_http_wait', [base, p.retryAfterMin]) : base;
    }
    case 'timeout':
      return t('problem_timeout', p.seconds);
    case 'tooLarge':
      return t('problem_tooLarge', p.limitMb);
    case 'badXml':
    case 'badJson':
      return p.line ? t(`problem_${p.code}_at`, [p.line, p.column ?? 1]) : t(`problem_${p.code}`);
    case 'notPage':
      return t('problem_notPage', p.type);
    case 'notApi':
      return t('problem_notApi', p.api);
    case 'apiError':
      return t('problem_apiError', [p.api, p.said]);
    case 'duplicate':
      return p.name ? t('problem_duplicate_named', p.name) : t('problem_duplicate');
    case 'tooDeep':
      return t('problem_tooDeep', p.levels);
    case 'syncQuota':
      return t(`problem_syncQuota_${p.limit}`);
    case 'jsonFeedVersion':
      return t('problem_jsonFeedVersion', p.version);
    case 'unexpected':
      return t('problem_unexpected', p.detail);
    case 'legacy':
      return p.text;
    default:
      return t(`problem_${p.code}`);
  }
}

/**
 * A problem fetching a web page (the reader), as a phrase: where problemText speaks of a feed, a page's
 * own words (`problem_page_*`); the rest as any fetch's.
 */
export function pageProblemText(p: Problem): string {
  if (p.code === 'tooLarge') return t('problem_page_tooLarge', p.limitMb);
  if (p.code === 'http' && !p.retryAfterMin) {
    if (p.status === 401 || p.status === 403) return t('problem_page_http_refused', p.status);
    if (p.status === 410) return t('problem_page_http_410');
    if (p.status < 500 && p.status !== 404 && p.status !== 429) return t('problem_page_http_other', p.status);
  }
  return problemText(p);
}

/** The problem as a sentence of its own, for a message next to a field. */
export function problemSentence(p: Problem): string {
  const s = problemText(p);
  const cap = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…]$/.test(cap) ? cap : `${cap}.`;
}

/** What is wrong with a source, in words, or '' when nothing is. */
export function sourceProblemText(s: Pick<Source, 'problem'>): string {
  return s.problem ? problemText(s.problem) : '';
}
