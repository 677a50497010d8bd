// The one way story records change: reports join a story, leave it (deleted, or taken out by the
// user) and the story's row moves, all through the item writer of the transaction that writes the
// items, so a story and its items are kept or lost together. The rules, in order:
// 1. A story's row is its lead: its first report, unless a favourite source reports it (then that).
//    The other reports are folded (item-record.ts `fq`): no row of their own, counted as articles only.
// 2. The lead carries the story's topics (every report's matches), so the topic filter and its count
//    show the story once; folded reports keep no tags.
// 3. One read state per story: a report joining a read story is stored read and counted as fresh
//    ("2 new reports"), unless its source or a topic it matches follows the story's developments: then
//    the story comes back unread.
// 4. A story of one is no story: its record goes and its last item is a plain row again.
import type { Item, StoryInfo, Topic } from '../../model';
import type { ItemWriter, ItemTx } from '../items/item-writes';
import type { StoryRecord } from './story-records';
import { getItem, getItems } from '../items/item-reads';
import { mutesOfRecord, topicsOfRecord } from '../tags';
import { applyMatches } from '../../topic-matches';

/** A story's row as the list shows it, from its record. */
export function storyInfoOf(rec: StoryRecord): StoryInfo {
  return { reports: rec.items.length, sources: new Set(rec.sources).size, newReports: rec.fresh ?? 0 };
}

/** The rows with their stories' "+N sources" (one look-up per row in a story). */
export async function withStoryInfo<T extends Item>(tx: { objectStore(name: 'stories'): { get(id: string): Promise<StoryRecord | undefined> } }, items: T[]): Promise<T[]> {
  if (!items.some((it) => it.story !== undefined)) return items;
  const recs = await Promise.all(items.map((it) => (it.story !== undefined ? tx.objectStore('stories').get(it.story) : undefined)));
  return items.map((it, i) => {
    const rec = recs[i];
    return rec && rec.items.length > 1 ? { ...it, storyInfo: storyInfoOf(rec) } : it;
  });
}

/** A story id given to a first report the user took out of its own story (its old id stays the others'). */
export const apartStoryId = (id: string): string => `${id}^`;

/** What a new report needs decided before it is written: its read state, and whether it is the row. */
export interface Joining {
  read: 0 | 1;
  lead: boolean;
}

export class StoryWrites {
  /** Story records read or changed in this transaction (null: none is stored). */
  private readonly records = new Map<string, StoryRecord | null>();
  private readonly dirty = new Set<string>();
  /** Each story's row as this transaction has written it (leadOf). */
  private readonly leads = new Map<string, Item>();
  /** Per story, the chain its changes run in, so two reports joining one story never race. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly tx: ItemTx, private readonly writer: ItemWriter) {}

  /** Runs `step` after the story's earlier changes in this transaction. */
  serial<T>(story: string, step: () => Promise<T>): Promise<T> {
    const run = (this.chains.get(story) ?? Promise.resolve()).then(step);
    this.chains.set(story, run.catch(() => {}));
    return run;
  }

  async record(id: string): Promise<StoryRecord | undefined> {
    if (!this.records.has(id)) this.records.set(id, (await this.tx.objectStore('stories').get(id)) ?? null);
    return this.records.get(id) ?? undefined;
  }

  private set(id: string, rec: StoryRecord | null) {
    this.records.set(id, rec);
    this.dirty.add(id);
  }

  /** An item with its current tags (the writer needs them to keep the topic counters exact). */
  private async withTags(it: Item): Promise<Item> {
    if (it.topics && it.muted) return it;
    const rec = await this.tx.objectStore('tags').get(it.id);
    return { ...it, topics: it.topics ?? topicsOfRecord(rec), muted: it.muted ?? mutesOfRecord(rec) };
  }

  /**
   * The story's row with its tags: its record's lead, or (a story of one so far) the item whose id it is.
   * Read once per transaction, the three look-ups at once on the likely row (a story's id is its first
   * report's, its row unless a favourite took it); then kept here as the joins change it.
   */
  async leadOf(story: string): Promise<Item | undefined> {
    const known = this.leads.get(story);
    if (known) return known;
    const [rec, guess, tags] = await Promise.all([this.record(story), getItem(this.tx.objectStore('items'), story), this.tx.objectStore('tags').get(story)]);
    // (A record left with no reports only remembers the items taken apart: its id names the row.)
    const leadId = rec?.lead || story;
    const it = leadId === story ? guess && { ...guess, topics: topicsOfRecord(tags), muted: mutesOfRecord(tags) } : await getItem(this.tx.objectStore('items'), leadId).then((x) => x && this.withTags(x));
    if (it) this.leads.set(story, it);
    return it;
  }

  /**
   * A new report joins `story`: decides its read state and whether it becomes the row (rule 1 and 3),
   * then `write` stores it (as given: folded or the row, with `story` set) and resolves to it with its id;
   * the story's record and its lead follow. `topics` are the report's own matches (rule 2).
   * Resolves to the written item, the story's row, and whether the story alerts now (once per story:
   * only when the report matches a topic that notifies and the story had none; the alert names the row,
   * which carries the story's topics), or undefined when the story's row is gone (the caller
   * stores it alone).
   */
  join(
    story: string,
    report: { favourite: boolean; follows: boolean; topics: readonly string[]; muted?: boolean },
    topicsById: ReadonlyMap<string, Topic>,
    write: (j: Joining) => Promise<Item>,
  ): Promise<{ item: Item; row: string; alert: boolean } | undefined> {
    return this.serial(story, async () => {
      const lead = await this.leadOf(story);
      if (!lead) return undefined;
      // A story whose row is muted takes only muted reports: a report that is not starts its own row
      // (utils/mutes/story.ts), so a hidden row never hides what the rules let through.
      if (!report.muted && lead.muted?.length) return undefined;
      const stored = await this.record(story);
      const rec: StoryRecord = stored?.items.length ? stored : { id: story, lead: lead.id, items: [lead.id], sources: [lead.sourceId], apart: stored?.apart };
      const follows = report.follows || report.topics.some((t) => topicsById.get(t)?.followStories);
      const readStory = lead.read === 1 && !follows;
      // Only a favourite's report can take the row: the row's source is looked up then, not for every join.
      const takesRow = report.favourite && !(await this.tx.objectStore('sources').get(lead.sourceId))?.favourite;
      const it = await write({ read: readStory ? 1 : 0, lead: takesRow });
      // The story's topics: the lead's and the report's (rule 2).
      const matched = applyMatches(lead, report.topics, topicsById, new Set(report.topics)) ?? lead;
      let nextLead: Item = { ...matched, story, read: readStory ? 1 : 0 };
      if (takesRow) {
        // The favourite's report is the row now: it takes the story's topics and flags; the old row folds.
        await this.writer.put(lead, { ...lead, story, folded: 1, topics: [], alert: 0, read: nextLead.read });
        const row: Item = { ...it, topics: nextLead.topics, alert: nextLead.alert, breaking: nextLead.breaking || it.breaking ? 1 : 0 };
        await this.writer.put(it, row);
        this.leads.set(story, row);
        rec.lead = it.id;
      } else {
        if (lead.read === 1 && follows) nextLead = { ...nextLead, read: 0 };
        await this.writer.put(lead, nextLead);
        this.leads.set(story, nextLead);
      }
      this.set(story, {
        ...rec,
        items: [...rec.items, it.id],
        sources: [...rec.sources, it.sourceId],
        fresh: readStory ? (rec.fresh ?? 0) + 1 : rec.fresh,
      });
      return { item: it, row: rec.lead, alert: lead.alert === 0 && report.topics.some((t) => topicsById.get(t)?.notify) };
    });
  }

  /**
   * An item leaves its story (deleted, or taken out by the user, `apart`). The story's next report takes
   * the row (and the story's topics) if it was the lead; a story left with one report is no story (rule 4).
   * The item itself is the caller's to write or delete.
   */
  leave(it: Item, apart: boolean): Promise<void> {
    const story = it.story;
    if (story === undefined) return Promise.resolve();
    this.left = true;
    this.leads.delete(story);
    return this.serial(story, async () => {
      const rec = await this.record(story);
      if (!rec) return;
      const at = rec.items.indexOf(it.id);
      if (at < 0) return;
      const items = rec.items.filter((_, i) => i !== at);
      const sources = rec.sources.filter((_, i) => i !== at);
      const next: StoryRecord = { ...rec, items, sources };
      if (apart) next.apart = [...(rec.apart ?? []), it.id];
      const store = this.tx.objectStore('items');
      if (items.length < 2) {
        // Rule 4: the one left is a plain row again (with the lead's topics when it was folded under it).
        const last = items[0] !== undefined ? await getItem(store, items[0]) : undefined;
        if (last) {
          const lastTagged = await this.withTags(last);
          const row: Item = { ...lastTagged, story: undefined, folded: 0 };
          if (last.folded === 1 && rec.lead === it.id) Object.assign(row, { topics: (await this.withTags(it)).topics, alert: it.alert });
          delete row.story;
          delete row.folded;
          await this.writer.put(lastTagged, row);
        }
        // The record is kept while it names items taken apart (they never join it again).
        this.set(story, next.apart?.length ? { ...next, items: [], sources: [], lead: '' } : null);
        return;
      }
      if (rec.lead === it.id) {
        const heir = await getItem(store, items[0]!);
        if (heir) {
          const tagged = await this.withTags(it);
          const row: Item = { ...heir, folded: 0, topics: tagged.topics, alert: it.alert, read: it.read };
          delete row.folded;
          await this.writer.put({ ...heir, topics: [] }, row);
          next.lead = heir.id;
        }
      }
      this.set(story, next);
    });
  }

  /** Every report of the story (its row first), as stored now. */
  async reportsOf(story: string): Promise<Item[]> {
    const rec = await this.record(story);
    if (!rec) return [];
    const found = await getItems(this.tx.objectStore('items'), [rec.lead, ...rec.items.filter((id) => id !== rec.lead)]);
    return found.filter((it): it is Item => !!it);
  }

  /** An item of the story was written: the row kept here may be out of date (the joins set it again). */
  written(story: string): void {
    this.leads.delete(story);
  }

  /** Clears "N new reports" (the story was read or marked unread by the user). */
  async seen(story: string): Promise<void> {
    const rec = await this.record(story);
    if (rec?.fresh) this.set(story, { ...rec, fresh: 0 });
  }

  /** The story's record goes (grouping turned off: its reports were made rows by the caller). */
  drop(story: string): void {
    this.set(story, null);
  }

  /** Writes the records changed; called by writeItems after the work, before the counters. */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
    if (this.dirty.size === 0) return;
    const store = this.tx.objectStore('stories');
    await Promise.all([...this.dirty].map((id) => {
      const rec = this.records.get(id);
      return rec ? store.put(rec) : store.delete(id);
    }));
    this.dirty.clear();
  }

  /** Reports left a story in this transaction: a grouper that saw them must be made again. */
  left = false;
}
