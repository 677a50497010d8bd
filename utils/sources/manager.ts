// The source manager's view of the list: each source's status in one word, its articles per day,
// and searching, filtering and sorting hundreds of them. Pure: the options page renders the result.
import type { Source } from '../model';

export type SourceStatus = 'failing' | 'paused' | 'never' | 'ok';
export type StatusFilter = 'all' | Exclude<SourceStatus, 'ok'>;
export type SortKey = 'name' | 'folder' | 'kind' | 'lastSuccess' | 'perDay' | 'status';

const DAY = 86_400_000;

/** Failing wins over paused (a paused source that failed still needs fixing), then never fetched. */
export function statusOf(s: Source): SourceStatus {
  if (s.health === 'error') return 'failing';
  if (!s.enabled) return 'paused';
  if (!s.lastSuccessAt) return 'never';
  return 'ok';
}

/**
 * Articles a day over the days the source's articles can span: since it was added, and no further back
 * than retention keeps them. Less than a day counts as one day.
 */
export function articlesPerDay(s: Source, stored: number, now: number, retentionDays: number): number {
  const since = Math.max(s.addedAt, now - retentionDays * DAY);
  return stored / Math.max(1, (now - since) / DAY);
}

export interface ManagerQuery {
  search: string;
  status: StatusFilter;
  /** '' = every folder; NO_FOLDER = the sources filed under none. */
  folder: string;
  sort: SortKey;
  descending: boolean;
}

export const NO_FOLDER = '\u0000none';

const STATUS_ORDER: Record<SourceStatus, number> = { failing: 0, never: 1, paused: 2, ok: 3 };

export interface ManagedSource {
  source: Source;
  status: SourceStatus;
  perDay: number;
}

/** The sources that match the query, in its order (ties broken by name, so the order is stable). */
export function manageView(
  list: readonly Source[],
  counts: Readonly<Record<string, number>>,
  q: ManagerQuery,
  now: number,
  retentionDays: number,
): readonly ManagedSource[] {
  return searchRows(sortedRows(list, counts, q, now, retentionDays), q.search);
}

/**
 * The sources that pass the status and folder filters, in the query's order. A search only narrows
 * this (searchRows keeps the order), so typing re-sorts nothing.
 */
export function sortedRows(
  list: readonly Source[],
  counts: Readonly<Record<string, number>>,
  q: Omit<ManagerQuery, 'search'>,
  now: number,
  retentionDays: number,
): ManagedSource[] {
  const rows: ManagedSource[] = [];
  for (const source of list) {
    const status = statusOf(source);
    if (q.status !== 'all' && status !== q.status) continue;
    if (q.folder && (q.folder === NO_FOLDER ? source.folder : source.folder !== q.folder)) continue;
    rows.push({ source, status, perDay: articlesPerDay(source, counts[source.id] ?? 0, now, retentionDays) });
  }
  const byName = (a: ManagedSource, b: ManagedSource) => a.source.name.localeCompare(b.source.name);
  const cmp: Record<SortKey, (a: ManagedSource, b: ManagedSource) => number> = {
    name: byName,
    folder: (a, b) => (a.source.folder ?? '\uffff').localeCompare(b.source.folder ?? '\uffff'),
    kind: (a, b) => a.source.kind.localeCompare(b.source.kind),
    lastSuccess: (a, b) => (a.source.lastSuccessAt ?? 0) - (b.source.lastSuccessAt ?? 0),
    perDay: (a, b) => a.perDay - b.perDay,
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  };
  const sign = q.descending ? -1 : 1;
  return rows.sort((a, b) => sign * cmp[q.sort](a, b) || byName(a, b));
}

/** What a search looks in, lower-cased once per source (a changed source is a new object). */
const haystacks = new WeakMap<Source, string>();

function haystackOf(s: Source): string {
  let h = haystacks.get(s);
  if (h === undefined) haystacks.set(s, (h = `${s.name} ${s.url} ${s.folder ?? ''}`.toLocaleLowerCase()));
  return h;
}

/**
 * The rows whose name, address or folder hold every word of `search`, in their order. When all of
 * them match, `rows` itself, so the table sees nothing changed.
 */
export function searchRows(rows: readonly ManagedSource[], search: string): readonly ManagedSource[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  const out = rows.filter((r) => {
    const hay = haystackOf(r.source);
    return words.every((w) => hay.includes(w));
  });
  return out.length === rows.length ? rows : out;
}

/** The folders in use, sorted, each with how many sources it holds. */
export function foldersOf(list: readonly Source[]): Array<{ name: string; count: number }> {
  const m = new Map<string, number>();
  for (const s of list) if (s.folder) m.set(s.folder, (m.get(s.folder) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
}
