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

/** Within this long, the same words from two sources are one update (a page and its feed publish apart). */
const SAME_UPDATE_MS = 15 * 60_000;

const folded = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * One line per update: a followed live page's update that a subscribed feed also carries (its words,
 * minutes apart) is kept once, from the followed page. The order is kept.
 */
export function oneLinePerUpdate(items: Item[], sources: Source[]): Item[] {
  const live = new Set(sources.filter((s) => s.kind === 'live').map((s) => s.id));
  const kept = new Map<string, number[]>();
  const drop = new Set<Item>();
  // Updates of followed pages first: they are the ones kept.
  const byPreference = [...items].sort((a, b) => Number(live.has(b.sourceId)) - Number(live.has(a.sourceId)));
  for (const it of byPreference) {
    const key = folded(it.title);
    if (!key) continue;
    const times = kept.get(key) ?? [];
    if (times.some((t) => Math.abs(t - it.published) <= SAME_UPDATE_MS)) drop.add(it);
    else kept.set(key, [...times, it.published]);
  }
  return drop.size ? items.filter((i) => !drop.has(i)) : items;
}

/**
 * The rows of All and Unread. A followed live page's updates belong to the ticker: the list shows the
 * page once, as its newest update's row titled with the page and opening it. Other updates the ticker
 * shows are not repeated as rows, unless a row is where a live page can be followed.
 */
export function listRows(items: Item[], tickerIds: ReadonlySet<string>, sources: ReadonlyMap<string, Source>): Item[] {
  const pages = new Set<string>();
  const out: Item[] = [];
  for (const it of items) {
    const src = sources.get(it.sourceId);
    if (src?.kind === 'live') {
      if (pages.has(src.id)) continue;
      pages.add(src.id);
      out.push({ ...it, title: liveTitle(src), url: src.url });
    } else if (!tickerIds.has(it.id) || looksLive(it)) out.push(it);
  }
  return out;
}
