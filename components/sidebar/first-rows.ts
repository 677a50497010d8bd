// A list replaced by a fresh answer (a search's results, the first page on opening) paints its first
// screenful at once and the rest a screenful at a time in idle moments after that: typing to results
// shown does not wait for rows nobody sees yet, and no long task follows to hold up the next key press.
// A list that grows at the end (the rest of a search's answer, a page more) keeps the rows it shows and
// adds the new ones the same way. A list that otherwise changes (an item marked read, new items on top)
// renders whole, so nothing the user may be looking at disappears for a frame.
import { useEffect, useRef, useState } from 'preact/hooks';

/** The fewest rows that fill the panel's height: rows are at least this tall (a title and the meta line). */
const MIN_ROW_PX = { normal: 56, compact: 32 };

/** A screenful of rows, at the smallest row height of the density shown. */
export function screenfulOfRows(compact: boolean): number {
  return Math.ceil((globalThis.innerHeight || 900) / MIN_ROW_PX[compact ? 'compact' : 'normal']) + 1;
}

/** Runs `fn` in an idle moment (at the latest after `timeoutMs`); returns its cancel. */
export const whenIdle = (fn: () => void, timeoutMs = 100): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 0);
  return () => clearTimeout(h);
};

/** Resolves once what was rendered before the call has been painted (or soon, where nothing paints). */
export function afterPaint(): Promise<void> {
  return new Promise((done) => {
    // A frame's callbacks run before its paint; a task queued from one runs after it.
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(done));
    else setTimeout(done);
  });
}

/** How many of `items` to render now; at least `need` (the focused row and the one a key press reaches next). */
export function useRowsShown<T extends { id: string }>(items: readonly T[], screenful: number, need = 0): number {
  const state = useRef({ items: [] as readonly T[], count: 0 });
  const [, rerender] = useState(0);
  const s = state.current;
  if (s.items !== items) {
    const before = s.items.slice(0, s.count);
    const shown = new Set(before.map((it) => it.id));
    // Fresh: none of its first screenful was among the rows shown of the list before.
    const fresh = items.length > screenful && items.slice(0, screenful).every((it) => !shown.has(it.id));
    // Grown at the end (the rest of a search's answer, a page more): the rows shown stay, the new ones follow.
    const grown = before.length > 0 && items.length > before.length && before.every((it, i) => items[i]!.id === it.id);
    s.items = items;
    s.count = fresh ? screenful : grown ? before.length : items.length;
  }
  const count = Math.min(Math.max(s.count, need), items.length);
  // Effects run after the browser has painted: the rows so far are on screen by then.
  useEffect(() => {
    if (count >= items.length) return;
    return whenIdle(() => {
      s.count = count + screenful;
      rerender((n) => n + 1);
    });
  }, [items, count]);
  return count;
}
