// The query language, explained where queries are written.
import { t } from '@/utils/i18n';

const EXAMPLES: Array<[string, string]> = [
  ['ukraine talks', 'opt_qhelp_words'],
  ['"peace talks"', 'opt_qhelp_phrase'],
  ['kyiv OR kiev', 'opt_qhelp_or'],
  ['election -football', 'opt_qhelp_not'],
  ['title:storm', 'opt_qhelp_titleonly'],
  ['elect*', 'opt_qhelp_prefix'],
];

export function QueryHelp() {
  return (
    <details class="query-help">
      <summary>{t('opt_qhelp_title')}</summary>
      <dl>
        {EXAMPLES.map(([q, key]) => (
          <div key={q}>
            <dt><code>{q}</code></dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('opt_qhelp_rules')}</p>
    </details>
  );
}
