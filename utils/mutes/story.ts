// How mute rules meet stories (docs/ARCHITECTURE.md, "Mute rules"):
// - Each report is judged alone. A muted report stays in its story (editing the rule must be able to
//   bring it back without regrouping) but is hidden where it is listed on its own (its source's and
//   folder's lists) and counts nowhere; it gives the row none of its topics and never takes the row.
// - A story's row is hidden only when every report of it is muted: the row's tags then carry the rules
//   that hide the row's own report. A report that is not muted never joins a story whose row is muted
//   (story-writes.ts `join`): it starts a row of its own.
import type { Item } from '../model';

/**
 * The mutes an item should carry: `own` are the rules its own text matches; `reports` are the
 * other reports' own matches when it is a story's row.
 */
export function mutesOfRow(item: Partial<Pick<Item, 'starred' | 'folded' | 'story'>>, own: string[], reports: ReadonlyArray<readonly string[]>): string[] {
  if (item.starred || own.length === 0) return [];
  if (item.folded === 1 || item.story === undefined) return own;
  return reports.every((r) => r.length > 0) ? own : [];
}
