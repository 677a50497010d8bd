// "What would this topic match?" for the topic editor: the word index narrows the stored items to
// candidates, the matcher decides. Reads only; cheap enough to run as the user types.
import { getItemsByKey } from '../db/items/item-reads';
import type { Item, Topic } from '../model';
import type { NewsDb } from '../db/schema';
import { parseQuery, type Clause, type Term } from './query';
import { compileTopic, compiledMatches, docOf } from './match';
import { STOP_WORDS } from '../search/words';
import { termCandidates } from '../db/search/search-items';
import type { SearchTerm } from '../search/query';
import { newestKeys } from '../db/queries';

export interface Preview {
  items: Item[];
  total: number;
  /** More candidates than were checked: `total` is a lower bound. */
  capped: boolean;
}

const MAX_CANDIDATES = 3000;

function searchTerm(term: Term): SearchTerm {
  // Every word of a term must be in the item's words; the first one is enough to narrow.
  return { word: term.tokens[0], prefix: term.prefix && term.tokens.length === 1 };
}

/** Candidates of a clause, counted from the index's postings (no item is read). */
async function clauseSize(db: NewsDb, c: Clause): Promise<number> {
  // Stop words are not in the search index: such a term cannot narrow anything.
  if (c.terms.some((t) => !t.prefix && STOP_WORDS.has(t.tokens[0]))) return Infinity;
  const sizes = await Promise.all(c.terms.map((t) => termCandidates(db, searchTerm(t), 0).then((r) => r.total)));
  return sizes.reduce((a, b) => a + b, 0);
}

export async function previewTopic(db: NewsDb, topic: Pick<Topic, 'query' | 'sourceIds'>, limit = 20): Promise<Preview> {
  const parsed = parseQuery(topic.query);
  if (!parsed.ok) return { items: [], total: 0, capped: false };
  // The clause with the fewest candidates gives the candidate set.
  const sizes = await Promise.all(parsed.ast.all.map((c) => clauseSize(db, c)));
  const best = parsed.ast.all[sizes.indexOf(Math.min(...sizes))];
  const keys = new Set<number>();
  if (Math.min(...sizes) === Infinity) {
    // Nothing to narrow by: the newest items are the candidates.
    for (const k of await newestKeys(db, MAX_CANDIDATES)) keys.add(k);
  } else {
    for (const t of best.terms) {
      for (const k of (await termCandidates(db, searchTerm(t), MAX_CANDIDATES)).keys) keys.add(k);
    }
  }
  const capped = keys.size >= MAX_CANDIDATES;
  const tx = db.transaction('items');
  const items = await getItemsByKey(tx.store, [...keys].slice(0, MAX_CANDIDATES));
  const compiled = compileTopic({ id: 'preview', name: '', query: topic.query, sourceIds: topic.sourceIds, notify: false, breaking: false, createdAt: 0 });
  const hits = items.filter((it): it is Item => !!it && compiledMatches(compiled, docOf(it)));
  hits.sort((a, b) => b.published - a.published);
  return { items: hits.slice(0, limit), total: hits.length, capped };
}
