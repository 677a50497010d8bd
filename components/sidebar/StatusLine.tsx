// One polite status line per poll ("5 new, 1 breaking"), for screen readers. Each announcement is a
// new node (keyed by its number), so the same words after the next poll are read out again.
import type { SidebarStore } from './state';

export function StatusLine({ store }: { store: SidebarStore }) {
  const a = store.announcement.value;
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {a.text && <p key={a.seq}>{a.text}</p>}
    </div>
  );
}
