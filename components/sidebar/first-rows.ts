// A list replaced by a fresh answer (a search's results, the first page on opening) paints its first
// screenful at once and the rest a screenful at a time in idle moments after that: typing to results
// shown does not wait for rows nobody sees yet, and no long task follows to hold up the next key press.
// A list that only changes (a page more, an item marked read, new items on top) renders whole, so
// nothing the user may be looking at disappears for a frame.
import { useEffect, useRef, useState } from 'preact/hooks';

/** The fewest rows that fill the panel's height: rows are at least this tall (a title and the meta line). */
const MIN_ROW_PX = { normal: 56, compact: 32 };

/** A screenful of rows, at the smallest row height of the density shown. */
export function screenfulOfRows(compact: boolean): number {
  return Math.ceil((globalThis.innerHeight || 900) / MIN_ROW_PX[compact ? 'compact' : 'normal']) + 1;
}

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 100 });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 0);
  return () => clearTimeout(h);
};

/** How many of `items` to render now. */
export function useRowsShown<T extends { id: string }>(items: readonly T[], screenful: number): number {
  const state = useRef({ items: [] as readonly T[], count: 0 });
  const [, rerender] = useState(0);
  const s = state.current;
  if (s.items !== items) {
    // Fresh: none of its first screenful was among the rows shown of the list before.
    const shown = new Set(s.items.slice(0, s.count).map((it) => it.id));
    const fresh = items.length > screenful && items.slice(0, screenful).every((it) => !shown.has(it.id));
    s.items = items;
    s.count = fresh ? screenful : items.length;
  }
  const count = Math.min(s.count, items.length);
  // Effects run after the browser has painted: the rows so far are on screen by then.
  useEffect(() => {
    if (count >= items.length) return;
    return idle(() => {
      s.count = count + screenful;
      rerender((n) => n + 1);
    });
  }, [items, count]);
  return count;
}
