// Failing sources, their stored problem in the user's words, with a way to fix them.
import type { SidebarStore } from './state';
import { t } from '@/utils/i18n';
import { sourceProblemText } from '@/utils/problem-text';

export function SourceErrors({ store }: { store: SidebarStore }) {
  const failing = store.failing.value;
  if (failing.length === 0) return null;
  return (
    <details class="notice warn">
      <summary>{failing.length === 1 ? t('sb_source_problems_one') : t('sb_source_problems', failing.length)}</summary>
      <ul class="problems">
        {failing.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>: {sourceProblemText(s) || t('sb_source_error_unknown')}
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
