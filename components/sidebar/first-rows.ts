// A list replaced by a fresh answer (a search's results, the first page on opening) paints its first
// screenful at once and the rest a screenful at a time in idle moments after that: typing to results
// shown does not wait for rows nobody sees yet, and no long task follows to hold up the next key press.
// A list that only changes (a page more, an item marked read, new items on top) renders whole, so
// nothing the user may be looking at disappears for a frame.
import { useEffect, useRef, useState } from 'preact/hooks';

/** More rows than a tall side panel shows at the smallest row height. */
export const FIRST_ROWS = 16;

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 100 });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 0);
  return () => clearTimeout(h);
};

/** How many of `items` to render now. */
export function useRowsShown<T extends { id: string }>(items: readonly T[]): number {
  const state = useRef({ items: null as readonly T[] | null, count: 0, shown: new Set<string>() });
  const [, rerender] = useState(0);
  const s = state.current;
  if (s.items !== items) {
    const fresh = items.length > FIRST_ROWS && items.slice(0, FIRST_ROWS).every((it) => !s.shown.has(it.id));
    s.items = items;
    s.count = fresh ? FIRST_ROWS : items.length;
  }
  const count = Math.min(s.count, items.length);
  s.shown = new Set(items.slice(0, count).map((it) => it.id));
  // Effects run after the browser has painted: the rows so far are on screen by then.
  useEffect(() => {
    if (count >= items.length) return;
    return idle(() => {
      s.count = count + FIRST_ROWS;
      rerender((n) => n + 1);
    });
  }, [items, count]);
  return count;
}
