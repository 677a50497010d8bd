// Failing sources, their stored problem in the user's words, with a way to fix them.
import type { SidebarStore } from './state';
import type { Source } from '@/utils/model';
import { t } from '@/utils/i18n';
import { sourceProblemText } from '@/utils/problem-text';

/** One line per problem, naming the sources that have it: five sources offline are one line, not five. */
function problemLines(failing: Source[], locale: string): Array<{ text: string; names: string }> {
  const byText = new Map<string, string[]>();
  for (const s of failing) {
    const text = sourceProblemText(s) || t('sb_source_error_unknown');
    byText.set(text, [...(byText.get(text) ?? []), s.name]);
  }
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return [...byText].map(([text, names]) => ({ text, names: list.format(names) }));
}

export function SourceErrors({ store }: { store: SidebarStore }) {
  const failing = store.failing.value;
  if (failing.length === 0) return null;
  return (
    <details class="notice warn">
      <summary>{failing.length === 1 ? t('sb_source_problems_one') : t('sb_source_problems', failing.length)}</summary>
      <ul class="problems">
        {problemLines(failing, store.locale).map((l) => (
          <li key={l.text}>
            <strong>{l.names}</strong>: {l.text}
          </li>
        ))}
      </ul>
      <button type="button" class="btn" onClick={() => store.openOptions('sources-failing')}>{t('sb_fix_sources')}</button>
    </details>
  );
}

export function OfflineNotice({ store }: { store: SidebarStore }) {
  if (store.online.value) return null;
  return <p class="notice" role="status">{t('sb_offline')}</p>;
}
