// The cluster command's grouping, and the worker's in one go: each item in arrival order is placed, then
// added, so an item's story never changes once given and a new story is named after its first item.
import { DEFAULT_WINDOW_MS, StoryGrouper, type StoryGrouperOptions } from './grouper';
import { storyTerms } from './terms';

export interface ClusterInput { id: string; title: string; url?: string; source: string; published: number; summary?: string }

/** The command's grouping: each input in arrival order through storyTerms + StoryGrouper.place/add; a new story's id is its first item's id. */
export function clusterItems(inputs: ClusterInput[], options?: StoryGrouperOptions): Map<string, string> {
  const grouper = new StoryGrouper(options);
  const out = new Map<string, string>();
  const windowMs = options?.windowMs ?? DEFAULT_WINDOW_MS;
  for (const it of inputs) {
    grouper.prune(it.published - windowMs); // the window moves with the items
    const terms = storyTerms(it);
    const story = grouper.place({ id: it.id, source: it.source, published: it.published, terms }) ?? it.id;
    grouper.add({ id: it.id, story, source: it.source, published: it.published, terms });
    out.set(it.id, story);
  }
  return out;
}
