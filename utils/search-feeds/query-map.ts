// A topic's query (utils/topics/query.ts) as a news search engine's query. Phrases, OR, exclusions and
// title: (intitle:) carry over; a prefix (elect*) has no equivalent, so a clause holding one is left out
// of the search (the search asks for more, never less) and the topic's own matcher filters every item
// fetched (`exact` is false then; it filters anyway, since engines match stems and parts of words).
import type { QueryAst, Term } from '../topics/query';

export type SearchEngine = 'google' | 'bing';

export interface MappedQuery {
  /** The search words ("" when nothing in the query can be asked for: no search can be made). */
  q: string;
  /** Everything the query says was asked for (the local filter then only trims the engine's looseness). */
  exact: boolean;
}

const expressible = (t: Term) => !t.prefix;

function termText(t: Term): string {
  const words = t.tokens.length > 1 ? `"${t.tokens.join(' ')}"` : t.tokens[0]!;
  return t.field === 'title' ? `intitle:${words}` : words;
}

export function mapQuery(ast: QueryAst, engine: SearchEngine): MappedQuery {
  let exact = true;
  const parts: string[] = [];
  for (const clause of ast.all) {
    if (!clause.terms.every(expressible)) {
      exact = false;
      continue;
    }
    const alts = clause.terms.map(termText);
    // Google's OR binds tighter than the implied AND, as the topics' does; Bing wants parentheses.
    parts.push(alts.length > 1 && engine === 'bing' ? `(${alts.join(' OR ')})` : alts.join(' OR '));
  }
  for (const t of ast.none) {
    if (!expressible(t)) {
      exact = false;
      continue;
    }
    parts.push(`-${termText(t)}`);
  }
  // Only exclusions is no search at all.
  if (parts.every((p) => p.startsWith('-'))) return { q: '', exact: false };
  return { q: parts.join(' '), exact };
}
