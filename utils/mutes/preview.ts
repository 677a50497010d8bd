// "How many stored items would this rule hide?" for the mute editor: the topic preview's candidate
// search and matcher (utils/topics/preview.ts), limited to the rule's scope. Reads only.
import type { MuteRule, Source } from '../model';
import type { NewsDb } from '../db/schema';
import { previewTopic, type Preview } from '../topics/preview';
import { scopeOf } from './rules';

export async function previewMute(
  db: NewsDb,
  rule: Pick<MuteRule, 'query' | 'sourceIds' | 'folders'>,
  sources: readonly Pick<Source, 'id' | 'folder'>[],
  limit = 20,
): Promise<Preview> {
  const scope = scopeOf(rule, sources);
  // A scope that names only empty folders covers no source: nothing to hide (a topic's [] means all).
  if (scope && scope.size === 0) return { items: [], total: 0, capped: false };
  const p = await previewTopic(db, { query: rule.query, sourceIds: scope ? [...scope] : [] }, limit);
  // Starred items are never hidden (utils/mutes/rules.ts withMutes).
  const items = p.items.filter((it) => !it.starred);
  return { items, total: p.total - (p.items.length - items.length), capped: p.capped };
}
