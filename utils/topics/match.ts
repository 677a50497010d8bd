// Matching items against topics: compile each query once, tokenize each item once, then every
// topic is a few set look-ups (words) or short scans (phrases, prefixes).
import { searchSourceId } from '../search-feeds/source-id';
import type { Item, Topic } from '../model';
import { fold, htmlToText } from '../normalize/text';
import { parseQuery, type QueryAst, type Term } from './query';

/** What the matcher reads of an item: plain text only. */
export interface MatchDoc {
  title: string;
  /** Plain text of the summary (htmlToText(item.summaryHtml)). */
  text: string;
  sourceId?: string;
}

/** A word of a text with where it is, so matches can be highlighted in the original text. */
export interface Token {
  w: string;
  start: number;
  end: number;
}

/** Letters, digits and their combining marks (so "e\u0301" stays one word). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Folded words with their positions in `text` (same words as tokenize(fold(text)) for real text). */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]);
    if (w) out.push({ w, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface PreparedDoc {
  title: Token[];
  body: Token[];
  titleSet: Set<string>;
  anySet: Set<string>;
  sourceId?: string;
}

export function prepareDoc(doc: MatchDoc): PreparedDoc {
  const title = tokensOf(doc.title);
  const body = tokensOf(doc.text);
  const titleSet = new Set(title.map((t) => t.w));
  const anySet = new Set(titleSet);
  for (const t of body) anySet.add(t.w);
  return { title, body, titleSet, anySet, sourceId: doc.sourceId };
}

/** Start indexes in `toks` where the term matches (consecutive words; the last one may be a prefix). */
function findIn(toks: Token[], term: Term): number[] {
  const hits: number[] = [];
  const k = term.tokens.length;
  for (let i = 0; i + k <= toks.length; i++) {
    let ok = true;
    for (let j = 0; j < k && ok; j++) {
      const want = term.tokens[j];
      const got = toks[i + j].w;
      ok = term.prefix && j === k - 1 ? got.startsWith(want) : got === want;
    }
    if (ok) hits.push(i);
  }
  return hits;
}

function termMatches(doc: PreparedDoc, term: Term): boolean {
  const set = term.field === 'title' ? doc.titleSet : doc.anySet;
  // Fast path: a plain word is a set look-up; anything else needs every word present first.
  if (term.tokens.length === 1 && !term.prefix) return set.has(term.tokens[0]);
  for (let j = 0; j < term.tokens.length - (term.prefix ? 1 : 0); j++) if (!set.has(term.tokens[j])) return false;
  if (findIn(doc.title, term).length > 0) return true;
  return term.field === 'any' && findIn(doc.body, term).length > 0;
}

export function astMatches(ast: QueryAst, doc: PreparedDoc): boolean {
  for (const t of ast.none) if (termMatches(doc, t)) return false;
  return ast.all.every((c) => c.terms.some((t) => termMatches(doc, t)));
}

export interface CompiledTopic {
  topic: Topic;
  /** Undefined when the query does not parse: such a topic matches nothing. */
  ast?: QueryAst;
  sources?: Set<string>;
}

export function compileTopic(topic: Topic): CompiledTopic {
  const r = parseQuery(topic.query);
  return {
    topic,
    ast: r.ok ? r.ast : undefined,
    // A topic limited to some sources still sees its own search's items.
    sources: topic.sourceIds.length > 0 ? new Set([...topic.sourceIds, ...(topic.search ? [searchSourceId(topic.id)] : [])]) : undefined,
  };
}

export function compiledMatches(c: CompiledTopic, doc: PreparedDoc): boolean {
  if (!c.ast) return false;
  if (c.sources && (!doc.sourceId || !c.sources.has(doc.sourceId))) return false;
  return astMatches(c.ast, doc);
}

/** A reusable matcher over a topic list: `match(doc)` gives the ids of the topics that match. */
export function compileTopics(topics: readonly Topic[]) {
  const compiled = topics.map(compileTopic);
  return {
    compiled,
    match(doc: MatchDoc | PreparedDoc): string[] {
      if (compiled.length === 0) return [];
      const p = 'anySet' in doc ? doc : prepareDoc(doc);
      return compiled.filter((c) => compiledMatches(c, p)).map((c) => c.topic.id);
    },
  };
}

export interface HighlightRange {
  start: number;
  end: number;
  /** The topics whose terms cover this range. */
  topicIds: string[];
}

// Highlighting runs per rendered item: keep compiled queries between calls.
const astCache = new Map<string, QueryAst | undefined>();
function cachedAst(query: string): QueryAst | undefined {
  if (!astCache.has(query)) {
    if (astCache.size > 500) astCache.clear();
    const r = parseQuery(query);
    astCache.set(query, r.ok ? r.ast : undefined);
  }
  return astCache.get(query);
}

/**
 * Character ranges of `text` that the topics' (positive) terms match, sorted and non-overlapping,
 * for highlighting. `field` says which text it is: title: terms only highlight in the title.
 * Pass the topics the item matched (item.topics); source scopes are not checked here.
 */
export function highlightRanges(text: string, topics: readonly Topic[], field: 'title' | 'summary' = 'title'): HighlightRange[] {
  if (!text || topics.length === 0) return [];
  const toks = tokensOf(text);
  const raw: Array<{ start: number; end: number; id: string }> = [];
  for (const topic of topics) {
    const ast = cachedAst(topic.query);
    if (!ast) continue;
    for (const clause of ast.all) {
      for (const term of clause.terms) {
        if (term.field === 'title' && field !== 'title') continue;
        for (const i of findIn(toks, term)) {
          raw.push({ start: toks[i].start, end: toks[i + term.tokens.length - 1].end, id: topic.id });
        }
      }
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HighlightRange[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      if (!last.topicIds.includes(r.id)) last.topicIds.push(r.id);
    } else out.push({ start: r.start, end: r.end, topicIds: [r.id] });
  }
  return out;
}

/** What the matcher reads of a stored item: its title, its summary as plain text and its source. */
export function docOf(item: Item) {
  return prepareDoc({ title: item.title, text: htmlToText(item.summaryHtml ?? ''), sourceId: item.sourceId });
}
