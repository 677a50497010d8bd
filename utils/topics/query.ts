// The topic query language: a small, forgiving search syntax people already know from search boxes.
//
//   ukraine talks          every word must match (whole words, any case, accents ignored)
//   "peace talks"          an exact phrase: these words next to each other, in this order
//   kyiv OR kiev           either side; OR binds tighter than the implicit AND:
//                          `talks kyiv OR kiev` = talks AND (kyiv OR kiev)
//   -football              the item must not contain it (also -"phrase", -title:word)
//   title:ukraine          search the headline only (also title:"a phrase")
//   elect*                 a word starting with "elect" (election, elected, ...); also "general elect*"
//
// The parser never throws: a malformed query gives an error with its character range and a code the
// options page turns into plain words.
import { fold, tokenize } from '../normalize/text';

export type QueryField = 'any' | 'title';

/** One thing to look for: a word, a phrase (several consecutive words) or a prefix. */
export interface Term {
  /** Folded words; a phrase or a word like "U.S." has several. */
  tokens: string[];
  /** The last token matches as a prefix (`elect*`). */
  prefix: boolean;
  field: QueryField;
  /** Character range in the query, for errors and highlighting the query itself. */
  start: number;
  end: number;
}

/** Alternatives joined by OR: at least one must match. */
export interface Clause {
  terms: Term[];
}

export interface QueryAst {
  /** Every clause must match. */
  all: Clause[];
  /** None of these may match. */
  none: Term[];
}

export type QueryErrorCode = 'unclosedQuote' | 'danglingOr' | 'emptyExclusion' | 'emptyTitle' | 'nothingToMatch' | 'orExclusion';

export interface QueryError {
  code: QueryErrorCode;
  /** Plain English, for logs and tests; the UI shows the translated text for `code`. */
  message: string;
  start: number;
  end: number;
}

export type ParseResult = { ok: true; ast: QueryAst } | { ok: false; error: QueryError };

const MESSAGES: Record<QueryErrorCode, string> = {
  unclosedQuote: 'this quote is never closed',
  danglingOr: 'OR needs a word or phrase on both sides',
  emptyExclusion: 'a minus must be followed by the word to leave out',
  emptyTitle: '"title:" must be followed by a word or phrase',
  nothingToMatch: 'there is nothing to search for',
  orExclusion: 'OR cannot join an excluded word',
};

function fail(code: QueryErrorCode, start: number, end: number): ParseResult {
  return { ok: false, error: { code, message: MESSAGES[code], start, end: Math.max(end, start + 1) } };
}

type Lexeme =
  | { kind: 'or'; start: number; end: number }
  | { kind: 'term'; negate: boolean; field: QueryField; text: string; quoted: boolean; start: number; end: number };

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Splits the query into OR keywords and (possibly negated, possibly title:) words/phrases. */
function lex(q: string): Lexeme[] | QueryError {
  const out: Lexeme[] = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    if (isSpace(q[i])) {
      i++;
      continue;
    }
    const start = i;
    let negate = false;
    let field: QueryField = 'any';
    if (q[i] === '-') {
      negate = true;
      i++;
      if (i >= n || isSpace(q[i])) return { code: 'emptyExclusion', message: MESSAGES.emptyExclusion, start, end: start + 1 };
    }
    if (q.slice(i, i + 6).toLowerCase() === 'title:') {
      const fieldAt = i;
      i += 6;
      if (i >= n || isSpace(q[i])) return { code: 'emptyTitle', message: MESSAGES.emptyTitle, start: fieldAt, end: i };
      field = 'title';
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) return { code: 'unclosedQuote', message: MESSAGES.unclosedQuote, start: i, end: n };
      out.push({ kind: 'term', negate, field, text: q.slice(i + 1, close), quoted: true, start, end: close + 1 });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(q[j]) && q[j] !== '"') j++;
    const text = q.slice(i, j);
    if (!negate && field === 'any' && text === 'OR') out.push({ kind: 'or', start, end: j });
    else out.push({ kind: 'term', negate, field, text, quoted: false, start, end: j });
    i = j;
  }
  return out;
}

function toTerm(l: Extract<Lexeme, { kind: 'term' }>): Term | undefined {
  const prefix = /[\p{L}\p{N}]\*$/u.test(l.text);
  const tokens = tokenize(fold(l.text));
  if (tokens.length === 0) return undefined; // punctuation only ("&", "--"): nothing to look for
  return { tokens, prefix, field: l.field, start: l.start, end: l.end };
}

export function parseQuery(q: string): ParseResult {
  const lexed = lex(q);
  if (!Array.isArray(lexed)) return { ok: false, error: lexed };
  const all: Clause[] = [];
  const none: Term[] = [];
  let pendingOr: Extract<Lexeme, { kind: 'or' }> | undefined;
  let prev: Lexeme | undefined;
  for (const l of lexed) {
    if (l.kind === 'or') {
      if (!prev || prev.kind === 'or') return fail('danglingOr', l.start, l.end);
      if (prev.negate) return fail('orExclusion', l.start, l.end);
      pendingOr = l;
      prev = l;
      continue;
    }
    if (pendingOr && l.negate) return fail('orExclusion', pendingOr.start, pendingOr.end);
    const term = toTerm(l);
    if (l.negate) {
      if (term) none.push(term);
      else if (l.text.trim() === '') return fail('emptyExclusion', l.start, l.end);
    } else if (term) {
      if (pendingOr && all.length > 0) all[all.length - 1].terms.push(term);
      else all.push({ terms: [term] });
    } else if (l.quoted && l.text.trim() === '') {
      return fail(l.field === 'title' ? 'emptyTitle' : 'nothingToMatch', l.start, l.end);
    }
    pendingOr = undefined;
    prev = l;
  }
  if (pendingOr) return fail('danglingOr', pendingOr.start, pendingOr.end);
  if (all.length === 0) return fail('nothingToMatch', 0, q.length);
  return { ok: true, ast: { all, none } };
}
