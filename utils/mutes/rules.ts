// Mute rules, the pure part: a rule is a topic query (utils/topics/query.ts) with a scope (every
// source, chosen sources, or the sources filed in chosen folders). Compiled once per poll or re-match;
// an item then costs one prepared document shared with the topics and a few set look-ups per rule.
import type { Item, MuteRule, Source } from '../model';
import { isInFolder } from '../folder-path';
import { parseQuery, type QueryAst } from '../topics/query';
import { astMatches, docOf, type PreparedDoc } from '../topics/match';

export { isMuted, isMuteId, newMuteId } from './ids';

export interface CompiledMute {
  rule: MuteRule;
  /** Undefined when the query does not parse: such a rule hides nothing. */
  ast?: QueryAst;
  /** The sources in scope; undefined = every source. */
  sources?: ReadonlySet<string>;
}

/** Which sources a rule covers: its chosen sources plus those filed in its folders (now). */
export function scopeOf(rule: Pick<MuteRule, 'sourceIds' | 'folders'>, sources: readonly Pick<Source, 'id' | 'folder'>[]): ReadonlySet<string> | undefined {
  if (rule.sourceIds.length === 0 && rule.folders.length === 0) return undefined;
  const out = new Set(rule.sourceIds);
  for (const s of sources) if (rule.folders.some((f) => isInFolder(s.folder, f))) out.add(s.id);
  return out;
}

export function compileMute(rule: MuteRule, sources: readonly Pick<Source, 'id' | 'folder'>[]): CompiledMute {
  const r = parseQuery(rule.query);
  return { rule, ast: r.ok ? r.ast : undefined, sources: scopeOf(rule, sources) };
}

/** A rule list ready to test many items. */
export interface MuteSet {
  readonly size: number;
  /** The ids of the rules that hide this item (in the rules' order), [] when none. */
  match(doc: PreparedDoc): string[];
  /** The same for an item (its document prepared here). */
  matchItem(item: Item): string[];
}

export function muteSet(rules: readonly MuteRule[], sources: readonly Pick<Source, 'id' | 'folder'>[]): MuteSet {
  const compiled = rules.map((r) => compileMute(r, sources)).filter((c) => c.ast);
  const match = (doc: PreparedDoc): string[] => {
    const out: string[] = [];
    for (const c of compiled) {
      if (c.sources && (!doc.sourceId || !c.sources.has(doc.sourceId))) continue;
      if (astMatches(c.ast!, doc)) out.push(c.rule.id);
    }
    return out;
  };
  return { size: compiled.length, match, matchItem: (item) => (compiled.length ? match(docOf(item)) : []) };
}

export const NO_MUTES: MuteSet = { size: 0, match: () => [], matchItem: () => [] };


/**
 * The item as a poll stores it: its mutes, and a muted item never alerts. `muted` is always a list, so
 * writing it leaves exactly these mutes. An item the user starred is never hidden: starring is keeping.
 */
export function withMutes<T extends Item>(item: T, set: MuteSet): T {
  const muted = item.starred ? [] : set.matchItem(item);
  return muted.length ? { ...item, muted, alert: 0 } : { ...item, muted };
}
