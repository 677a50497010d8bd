// The sticky top bar's real height, measured, as the CSS variable --topbar-h: the page's
// scroll-padding-top and the "N new" pill's place follow it, so a focused row never hides under the
// bar, also when the bar grows (large text, zoom, a wrapped toolbar).
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useTopbarHeight(header: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = header.current;
    if (!el) return;
    const set = () => document.documentElement.style.setProperty('--topbar-h', `${el.getBoundingClientRect().height}px`);
    set();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, [header]);
}
