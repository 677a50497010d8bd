// The sticky top bar's real height, measured, as the CSS variable --topbar-h: the page's
// scroll-padding-top and the "N new" pill's place follow it, so a focused row never hides under the
// bar, also when the bar grows (large text, zoom, a wrapped toolbar). A bar that would take more than
// a third of the panel (200 % zoom in a short panel, very large text) stops being sticky: it scrolls
// away with the page and leaves the screen to the articles.
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/** The most of the panel's height a sticky bar may take. */
const MAX_SHARE = 1 / 3;

export function useTopbarHeight(header: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = header.current;
    if (!el) return;
    const root = document.documentElement;
    const set = () => {
      const h = el.getBoundingClientRect().height;
      const tall = h > window.innerHeight * MAX_SHARE;
      root.classList.toggle('topbar-static', tall);
      root.style.setProperty('--topbar-h', `${tall ? 0 : h}px`);
    };
    set();
    window.addEventListener('resize', set);
    const ro = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(set);
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      window.removeEventListener('resize', set);
    };
  }, [header]);
}
