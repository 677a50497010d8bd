// Live pages in the sidebar: which articles look like live coverage, and the ticker's groups.
import type { Item, Source } from '../model';

/** An article that is probably a live page: its title starts "Live", or its address has /live/. */
export function looksLive(item: Pick<Item, 'title' | 'url'>): boolean {
  if (/^live\b/i.test(item.title.trim())) return true;
  try {
    return /\/live\//i.test(`${new URL(item.url).pathname}/`);
  } catch {
    return false;
  }
}

export interface TickerGroup {
  /** The live page (source) the updates come from; undefined for other breaking items. */
  source?: Source;
  items: Item[];
}

/**
 * The ticker's groups: one per followed live page (even when it has no update in the window, so it can
 * still be stopped), newest first inside; other breaking items in one group without a heading. Groups
 * with the newest update come first; quiet live pages last.
 */
export function tickerGroups(breaking: Item[], sources: Source[]): TickerGroup[] {
  const live = new Map<string, TickerGroup>();
  for (const s of sources) if (s.kind === 'live') live.set(s.id, { source: s, items: [] });
  const other: TickerGroup = { items: [] };
  for (const it of breaking) (live.get(it.sourceId) ?? other).items.push(it);
  const groups = [...live.values()];
  if (other.items.length) groups.push(other);
  for (const g of groups) g.items.sort((a, b) => b.published - a.published);
  const newest = (g: TickerGroup) => g.items[0]?.published ?? -Infinity;
  return groups.sort((a, b) => newest(b) - newest(a));
}

/** The heading of a live page's group: the page's own title, else the source's name. */
export function liveTitle(s: Source): string {
  return s.live?.title || s.name;
}
