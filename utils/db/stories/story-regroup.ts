// The one-off jobs over stored items when grouping starts or stops: after the update that brought
// stories (or the setting turned on), the items of the recent window are placed once, oldest first,
// in small transactions that each record how far they came (meta 'regroup'), so a stopped worker goes
// on where it was and nothing is placed twice. With the setting off, every story is taken apart
// again: each report a row of its own with its own topics, as before stories.
import type { NewsDb } from '../schema';
import type { Item, Topic } from '../../model';
import type { RegroupState, StoryTermsEntry } from './story-records';
import { writeItems } from '../items/item-writes';
import { fromRecord } from '../items/item-record';
import { forgetGrouper, grouperOf, groupsItems, STORY_WINDOW_MS, writeStoryTerms } from './story-grouper';
import { storyTerms } from '../../stories/terms';
import { mutesOfIds, topicsOfIds, topicsOfRecord } from '../tags';
import { withTopics, type TopicSet } from '../../topic-matches';

const CHUNK = 200;
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));


/** The job's state, made when it first runs: the items stored so far, in the window. */
async function regroupState(db: NewsDb, now: number): Promise<RegroupState> {
  const tx = db.transaction(['meta', 'items'], 'readwrite');
  const cur = (await tx.objectStore('meta').get('regroup')) as RegroupState | undefined;
  if (cur) return cur;
  const last = await tx.objectStore('items').openKeyCursor(null, 'prev');
  const state: RegroupState = { key: 'regroup', upto: (last?.primaryKey ?? 0) + 1, done: 0, since: now - STORY_WINDOW_MS };
  await tx.objectStore('meta').put(state);
  await tx.done;
  return state;
}

/**
 * Places the stored items of the window into stories, `chunk` at a time; resumes a job a stopped
 * worker left. Returns how many items it placed in a story of two or more (0 when already done).
 */
export async function regroupStored(db: NewsDb, topics: readonly Topic[], now: number, opts: { chunk?: number; pause?: () => Promise<void> } = {}): Promise<number> {
  let state = await regroupState(db, now);
  const topicsById = new Map(topics.map((t) => [t.id, t]));
  let joined = 0;
  while (!state.finished) {
    const step = writeItems(db, async (writer, tx) => {
      const records = await tx.objectStore('items').getAll(IDBKeyRange.bound(state.done, state.upto, true, true), opts.chunk ?? CHUNK);
      const sources = new Map((await tx.objectStore('sources').getAll()).map((s) => [s.id, s]));
      const grouper = await grouperOf(tx, now);
      const stored = records.map(fromRecord);
      const [tags, mutes] = await Promise.all([topicsOfIds(tx, stored.map((it) => it.id)), mutesOfIds(tx, stored.map((it) => it.id))]);
      const entries: StoryTermsEntry[] = [];
      // One after the other: an item placed joins the grouper before the next is placed. The items
      // themselves (not copies) get their topics, so the writer knows their store keys.
      for (const it of stored.map((x) => Object.assign(x, { topics: tags.get(x.id) ?? [] }))) {
        const source = sources.get(it.sourceId);
        if (it.published < state.since || it.story !== undefined || !groupsItems(source)) continue;
        const terms = storyTerms({ title: it.title, url: it.url });
        const story = grouper.place({ id: it.id, source: it.sourceId, published: it.published, terms });
        let placedIn = it.id;
        if (story !== null) {
          // A muted report gives the row no topics and never takes it (utils/mutes/story.ts).
          const hidden = (mutes.get(it.id)?.length ?? 0) > 0;
          const report = { favourite: !!source?.favourite && !hidden, follows: false, topics: hidden ? [] : it.topics, muted: hidden };
          const write = async (j: { lead: boolean }) => {
            // A stored item keeps its own read state: grouping what the user had loses nothing.
            const next: Item = { ...it, story, folded: j.lead ? 0 : 1, read: it.read, topics: [], alert: 0 };
            await writer.put(it, next);
            return next;
          };
          const out = await writer.stories.join(story, report, topicsById, write);
          if (out) {
            placedIn = story;
            joined++;
          }
        }
        grouper.add({ id: it.id, story: placedIn, source: it.sourceId, published: it.published, terms });
        entries.push([it.id, it.sourceId, it.published, terms.join(' ')]);
      }
      await writeStoryTerms(tx, entries, now);
      const last = records[records.length - 1];
      const next: RegroupState = { ...state, done: last?.k ?? state.upto, finished: records.length < (opts.chunk ?? CHUNK) || undefined };
      await tx.objectStore('meta').put(next);
      return next;
    });
    try {
      state = await step;
    } catch (e) {
      forgetGrouper(db);
      throw e;
    }
    if (!state.finished) await (opts.pause ?? macrotask)();
  }
  return joined;
}

/**
 * Takes every story apart (grouping turned off): each report a row of its own with its own topics; the
 * story words and the job's state go too, so turning grouping on again groups the window afresh.
 * `topics` is the compiled topic set (utils/topics/rematch.ts topicSet) each row is matched against.
 */
export async function ungroupAll(db: NewsDb, topics: TopicSet): Promise<number> {
  let n = 0;
  for (;;) {
    const done = await writeItems(db, async (writer, tx) => {
      const stories = await tx.objectStore('stories').getAll(null, 50);
      for (const rec of stories) {
        for (const it of await writer.stories.reportsOf(rec.id)) {
          const own = Object.assign(it, { topics: topicsOfRecord(await tx.objectStore('tags').get(it.id)) });
          const row = withTopics({ ...own, folded: 0, story: undefined }, topics);
          delete row.story;
          delete row.folded;
          await writer.put(own, row);
          n++;
        }
        writer.stories.drop(rec.id);
      }
      if (stories.length < 50) {
        await tx.objectStore('storyTerms').clear();
        await tx.objectStore('meta').delete('regroup');
        return true;
      }
      return false;
    });
    if (done) break;
  }
  forgetGrouper(db);
  return n;
}
