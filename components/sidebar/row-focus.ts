// Moving the keyboard focus between article rows: the row's title focused and the row brought into view
// below the sticky header (the sidebar's keys, "Show new", the skip link, closing the reader).

/** Focuses the title of row `id`, and shows the row. */
export function focusTitle(id: string, again = true) {
  const el = document.getElementById(`t-${id}`);
  // A row not rendered yet (End on a long list) is focused once the list renders it: the list always
  // renders up to the focused row (ArticleList).
  if (!el && again) setTimeout(() => focusTitle(id, false));
  el?.focus({ preventScroll: true });
  const row = el?.closest('li');
  if (row) reveal(row);
}

/** Is `el` wholly on screen below the sticky header? */
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  return r.top >= top - 0.5 && r.bottom <= window.innerHeight + 0.5;
}

/** Brings a row into view below the sticky header (scroll-padding-top, see topbar-height.ts). At once,
 * not smoothly: a key press moves one row, and a smooth scroll aims at where rows would be at their
 * estimated height (content-visibility) and misses once they render, with large text by screens. */
export function reveal(row: Element) {
  if (inView(row)) return;
  row.scrollIntoView?.({ block: 'nearest', behavior: 'instant' });
  requestAnimationFrame(() => {
    if (!inView(row)) row.scrollIntoView?.({ block: 'nearest', behavior: 'instant' });
  });
}
