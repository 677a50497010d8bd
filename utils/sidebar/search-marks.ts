// Where a search's words occur in a title or summary, as ranges for <mark> (text stays text: the
// component splits it, no HTML is built). Words match as the search does: folded (case and accents
// ignored), the last word of an open query as a prefix.
import { parseQuery } from '../search/query';
import { tokensOf, type HighlightRange } from '../topics/match';

/** The last query's terms: every row asks twice (title and summary) with the same query. */
let last: { query: string; terms: ReturnType<typeof parseQuery> } | undefined;

export function searchRanges(text: string, query: string): HighlightRange[] {
  if (!text || !query.trim()) return [];
  if (last?.query !== query) last = { query, terms: parseQuery(query) };
  const terms = last.terms;
  if (terms.length === 0) return [];
  const out: HighlightRange[] = [];
  for (const tok of tokensOf(text)) {
    if (terms.some((t) => (t.prefix ? tok.w.startsWith(t.word) : tok.w === t.word))) out.push({ start: tok.start, end: tok.end, topicIds: [] });
  }
  return out;
}

/** Two sets of ranges as one, sorted, overlaps joined. */
export function mergeRanges(a: readonly HighlightRange[], b: readonly HighlightRange[]): HighlightRange[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: HighlightRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end), topicIds: [...new Set([...last.topicIds, ...r.topicIds])] };
    } else out.push({ ...r });
  }
  return out;
}
