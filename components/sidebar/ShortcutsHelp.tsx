// The "?" panel: the sidebar's keyboard shortcuts. A modal dialog: focus goes in, stays in (Tab
// cycles inside), and goes back where it was when Esc or Close ends it.
import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from './keyboard';
import { t } from '@/utils/i18n';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === '?') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      // The close button is the one control: Tab and Shift+Tab stay on it.
      e.preventDefault();
      ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
    // The list's keys do not act behind the panel.
    e.stopPropagation();
  };
  return (
    <div class="help-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-h" tabIndex={-1} ref={ref} onKeyDown={onKeyDown}>
        <h2 id="help-h">{t('sb_shortcuts')}</h2>
        <dl>
          {SHORTCUTS.map(([k, label]) => (
            <div key={k} class="help-row">
              <dt><kbd>{k}</kbd></dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" class="btn" onClick={onClose}>{t('sb_close')}</button>
      </div>
    </div>
  );
}
