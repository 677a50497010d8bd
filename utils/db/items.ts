// Writing items: dedupe, update in place, retention, all inside the poll's one transaction.
import type { NewsDb } from './schema';
import type { Item, ParsedItem, Settings, Source } from '../model';
import { shownPublished } from '../normalize/dates';
import { itemIdentity } from '../normalize/ids';
import { writeItems, type ItemTx, type ItemWriter } from './items/item-writes';
import { sourceItemsKey } from './counters';
import { joinedBy, linkTableOf, storyFromOtherSource } from './stories/same-story';
import { applyMatches, withTopics, type TopicSet } from '../topic-matches';
import { isMuted, withMutes } from '../mutes/rules';
import { mutesOfRow } from '../mutes/story';
import { fromRecord, knownKeyOf } from './items/item-record';
import { NEW_ITEM_ID, storeKeyOfId } from './items/item-ids';
import { sourceItemsRange } from './items/item-reads';
import { IdentityMap, identityHash, linkHash, readIdentities, writeIdentities } from './items/identities';
import { forgetGrouper, grouperOf, groupsItems, writeStoryTerms } from './stories/story-grouper';
import type { Joining } from './stories/story-writes';
import type { StoryTermsEntry } from './stories/story-records';
import { storyTerms } from '../stories/terms';

export interface StoreResult {
  /** New rows: items, and stories they start. */
  newIds: string[];
  updatedIds: string[];
  /** New reports of stories already listed: folded into their story's row (utils/db/stories/story-writes.ts). */
  joinedIds: string[];
  removed: number;
}

/** What a poll's write needs of the settings. */
export type StoreSettings = Pick<Settings, 'retentionDays' | 'maxItemsPerSource'> & { groupStories?: boolean };

const DAY = 86_400_000;

/** A source's items in the bySource index ([source key, published]). */
const sourceRange = (sourceId: string) => sourceItemsRange(sourceId);

/** Keeps the first of several items the source sent with the same identity (duplicate guids). */
export function dedupeBatch(items: ParsedItem[]): ParsedItem[] {
  const seen = new Set<string>();
  return items.filter((p) => {
    const k = itemIdentity(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sameText(a: Item, p: ParsedItem): boolean {
  return a.title === p.title && a.summaryHtml === p.summaryHtml && a.contentHtml === p.contentHtml && a.imageUrl === p.imageUrl && a.url === p.url;
}

function newItem(source: Source, p: ParsedItem, now: number): Item {
  const published = shownPublished(p.published, now);
  return {
    id: NEW_ITEM_ID,
    sourceId: source.id,
    title: p.title,
    url: p.url,
    summaryHtml: p.summaryHtml,
    contentHtml: p.contentHtml,
    author: p.author,
    imageUrl: p.imageUrl,
    ...(p.outlet ? { outlet: p.outlet } : {}),
    published,
    firstSeen: now,
    updated: 0,
    categories: p.categories,
    breaking: source.breaking || p.breaking ? 1 : 0,
    sourceBreaking: source.breaking || p.breaking ? 1 : 0,
    topics: [],
    alert: 0,
    read: 0,
    starred: 0,
  };
}

/**
 * An updated item's topics and mutes, as a poll would give them in its story (utils/mutes/story.ts): a
 * folded report keeps no topics of its own; a row carries its own and its reports' topics (the muted
 * reports' aside), and is hidden only when every report is, not by its own text alone.
 */
async function rowMatched(writer: ItemWriter, old: Item, base: Item, topics: TopicSet | undefined): Promise<Item> {
  if (!topics) return base;
  const row = old.story !== undefined && old.folded !== 1;
  const others = row ? (await writer.stories.reportsOf(old.story!)).filter((r) => r.id !== old.id) : [];
  const othersMuted = others.map((r) => topics.mutes?.matchItem(r) ?? []);
  let tagged: Item = base;
  if (old.folded !== 1) {
    const matches = new Set(topics.match(base));
    others.forEach((r, i) => othersMuted[i]!.length || topics.match(r).forEach((t) => matches.add(t)));
    tagged = applyMatches(base, [...matches], topics.topicsById) ?? { ...base, topics: base.topics ?? [] };
  }
  if (!topics.mutes) return tagged;
  const own = withMutes(tagged, topics.mutes).muted ?? [];
  const muted = row ? mutesOfRow(old, own, othersMuted) : own;
  return muted.length ? { ...tagged, muted, alert: 0 } : { ...tagged, muted };
}

/**
 * The store keys of the items the source has stored: one request, so a source with none (a new one)
 * needs no look-up per parsed item.
 */
async function storedKeys(tx: ItemTx, sourceId: string): Promise<Set<number>> {
  return new Set(await tx.objectStore('items').index('bySource').getAllKeys(sourceRange(sourceId)));
}

/**
 * Stores one poll of one source: new items added, changed items updated in place (read and starred
 * state kept), the source's state written, and retention applied, all in one transaction, so a
 * worker killed mid-poll leaves either the whole poll or none of it. With `topics`, the items are
 * matched in that same transaction and the ones that alert are queued in 'pendingAlerts': nothing is
 * ever stored unmatched, and an alert survives the worker being stopped before it is shown.
 */
export async function storePoll(
  db: NewsDb,
  source: Source,
  parsed: ParsedItem[],
  now: number,
  settings: StoreSettings,
  sourcePatch: Partial<Source> = {},
  topics?: TopicSet,
): Promise<StoreResult> {
  return storePolls(db, [{ source, parsed, now, settings, sourcePatch, topics }]).then((r) => r[0]!);
}

/** One source's poll, ready to store: what `storePoll` takes after the database. */
export interface PollWrite {
  source: Source;
  parsed: ParsedItem[];
  now: number;
  settings: StoreSettings;
  sourcePatch: Partial<Source>;
  topics?: TopicSet;
}

/**
 * Stores several sources' polls in one transaction, one after the other (a later source sees an
 * earlier one's items, so a story two of them carry is still joined). The transaction is the unit a
 * killed worker keeps or loses, so each source's poll is still whole or absent.
 */
export function storePolls(db: NewsDb, polls: readonly PollWrite[]): Promise<StoreResult[]> {
  return grouped(db, writeItems(db, async (writer, tx) => {
    // What each source had before is read for all of them at once: its own items are no other's.
    const before = await Promise.all(polls.map((p) => readBefore(tx, p.source.id)));
    // One source after the other while items are placed and added (the next source's items may join
    // their stories, which takes their store keys); what is left of each (retention, its identities,
    // its record, the story words) waits for nothing the next one needs, so it goes for all at once
    // instead of two more round trips per source.
    const placed: PlacedPoll[] = [];
    for (const [i, p] of polls.entries()) placed.push(await writePoll(writer, tx, before[i]!, p.source, p.parsed, p.now, p.settings, p.sourcePatch, p.topics));
    const [kept] = await Promise.all([
      Promise.all(placed.map((p) => p.retentionCheck())),
      writeStoryTerms(tx, placed.flatMap((p) => p.terms), Math.max(...polls.map((p) => p.now))),
    ]);
    // A source with items to remove walks them alone: removals change stories other sources share.
    const out: StoreResult[] = [];
    for (const [i, p] of placed.entries()) out.push(p.finish(kept[i] ?? (await p.retentionWalk())));
    return out;
  }));
}

/**
 * A write that may have placed items in the connection's story grouper: if it failed, the grouper holds
 * items that were never stored, so it goes (story-grouper.ts makes it again from what committed).
 */
async function grouped<T>(db: NewsDb, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    forgetGrouper(db);
    throw e;
  }
}

/** What a source had stored before its poll's write: read up front, in one round trip with the others'. */
interface Before {
  /** Store keys of its items. */
  own: Set<number>;
  identities: IdentityMap;
  /** Its items' count as the counters stored it (the transaction writes counters only at its end). */
  total: number | undefined;
  /** Its record, to write its new state over. */
  record: Source | undefined;
}

async function readBefore(tx: ItemTx, sourceId: string): Promise<Before> {
  const [own, total, record] = await Promise.all([
    storedKeys(tx, sourceId),
    tx.objectStore('counters').get(sourceItemsKey(sourceId)).then((c) => c?.total),
    tx.objectStore('sources').get(sourceId),
  ]);
  // A source with nothing stored (a new one) needs no identity map.
  const identities = own.size ? await readIdentities(tx.objectStore('identities'), sourceId) : new IdentityMap();
  return { own, identities, total, record };
}

/** A request whose failure aborts the transaction, which its commit reports: nothing waits on it before. */
const settled = (p: Promise<unknown>) => void p.catch(() => {});

/** A source's poll with its items placed and added; what is left of it, in the order storePolls runs it. */
interface PlacedPoll {
  /** The story words of the items it placed, for the group's one storyTerms record. */
  terms: StoryTermsEntry[];
  /** Retention's quick check: what the source keeps when nothing goes, else undefined. */
  retentionCheck(): Promise<Retained | undefined>;
  /** Retention's walk, removing what is too old or too many. */
  retentionWalk(): Promise<Retained>;
  /** Writes the source's identities and record; tells what was stored. */
  finish(kept: Retained): StoreResult;
}

async function writePoll(
  writer: ItemWriter,
  tx: ItemTx,
  before: Before,
  source: Source,
  parsed: ParsedItem[],
  now: number,
  settings: StoreSettings,
  sourcePatch: Partial<Source>,
  topics: TopicSet | undefined,
): Promise<PlacedPoll> {
  const batch = dedupeBatch(parsed);
  // A source with nothing stored (a new one) needs no look-up per parsed item. Else its identity map
  // (identities.ts) names the stored item of each identity; look-ups are issued together: IndexedDB
  // pipelines them inside the transaction.
  const { own, identities } = before;
  const items = tx.objectStore('items');
  const hashes = batch.map((p) => identityHash(source.id, p));
  const existing = await Promise.all(hashes.map(async (h) => {
    const k = identities.find(h);
    const r = k !== undefined && own.has(k) ? await items.get(k) : undefined;
    return r && fromRecord(r);
  }));
  const links = batch.map((p) => (p.url ? linkHash(p.url) : 0));
  if (source.relinkByUrl && own.size && existing.some((x) => !x)) await matchByLink(tx, source.id, batch, existing, hashes, links, identities);
  // The link table is needed (and made, once per connection) only for a new item or a changed link.
  const table = batch.some((p, i) => existing[i]?.url !== p.url) ? await linkTableOf(tx) : undefined;
  const twins = await Promise.all(batch.map((p, i) => (existing[i] || !table ? undefined : storyFromOtherSource(items, table, source, p, own, links[i]!))));
  // Stories: each new item is placed before any is written (items of one source never join each other),
  // and live pages' updates are never grouped (they belong to the ticker). Summaries are left out of an
  // item's story words: the labelled days that tune the grouping have none.
  const isNew = batch.map((p, i) => !existing[i] && !twins[i]);
  const grouper = settings.groupStories && groupsItems(source) && isNew.some(Boolean) ? await grouperOf(tx, now) : undefined;
  const terms = batch.map((p, i) => (grouper && isNew[i] ? storyTerms({ title: p.title, url: p.url }) : []));
  const places = batch.map((p, i) => (grouper && isNew[i] ? grouper.place({ id: '', source: source.id, published: shownPublished(p.published, now), terms: terms[i]! }) : null));
  const placed: StoryTermsEntry[] = [];
  const joinedIds: string[] = [];
  const joined = new Set<string>();
  const newIds: string[] = [];
  const mutedNew = new Set<string>();
  const updatedIds: string[] = [];
  const added = new Set<number>();
  const writes: Array<Promise<unknown> | undefined> = [];
  // Topics, then mute rules (a muted item never alerts: utils/mutes/rules.ts).
  const matched = (it: Item) => {
    const tagged = topics ? withTopics(it, topics) : it;
    return topics?.mutes ? withMutes(tagged, topics.mutes) : tagged;
  };
  const alertFor = (it: Item) => void (it.alert && topics && settled(tx.objectStore('pendingAlerts').put({ itemId: it.id, at: now })));
  batch.forEach((p, i) => {
    const old = existing[i];
    const twin = twins[i];
    if (!old && twin) {
      // Another source has this story: its row now names this source too (no new row, no new alert).
      const next = joined.has(twin.id) ? undefined : joinedBy(twin, source.id);
      joined.add(twin.id);
      if (next) writes.push(writer.put(twin, next));
    } else if (!old) {
      // The item's id is its store key: known once its record is added.
      const stored = (it: Item, story: string) => {
        const k = storeKeyOfId(it.id)!;
        added.add(k);
        identities.add(hashes[i]!, k, links[i]);
        table?.add(links[i]!, k);
        if (grouper) {
          grouper.add({ id: it.id, story, source: source.id, published: it.published, terms: terms[i]! });
          placed.push([it.id, source.id, it.published, terms[i]!.join(' ')]);
        }
      };
      const alone = () => {
        newIds.push(NEW_ITEM_ID);
        const at = newIds.length - 1;
        return writer.put(undefined, matched(newItem(source, p, now))).then((it) => {
          newIds[at] = it.id;
          if (isMuted(it)) mutedNew.add(it.id);
          stored(it, it.id);
          return alertFor(it);
        });
      };
      const story = places[i];
      if (story === null || story === undefined) {
        writes.push(alone());
      } else {
        // Another source's report of the same story: folded into its row, its topics given to the row.
        // A muted report gives the row none of its topics and never takes the row (utils/mutes/story.ts).
        const own = matched(newItem(source, p, now));
        const hidden = isMuted(own);
        const report = { favourite: !!source.favourite && !hidden, follows: !!source.followStories, topics: hidden ? [] : (own.topics ?? []), muted: hidden };
        const write = (j: Joining) => writer.put(undefined, { ...own, story, ...(j.lead ? {} : { folded: 1 as const }), read: j.read, topics: [], alert: 0, breaking: own.sourceBreaking ?? 0 });
        writes.push(writer.stories.join(story, report, topics?.topicsById ?? new Map(), write).then((r) => {
          if (!r) return alone();
          joinedIds.push(r.item.id);
          stored(r.item, story);
          if (r.alert) settled(tx.objectStore('pendingAlerts').put({ itemId: r.row, at: now }));
        }));
      }
    } else if (!sameText(old, p)) {
      // Keep the item's place in time unless the source gives a new date (never later than first seen).
      const fresh = newItem(source, { ...p, published: shownPublished(p.published, old.firstSeen, old.published) }, now);
      updatedIds.push(old.id);
      // Changed text can change what matches.
      const base: Item = {
        ...fresh,
        id: old.id,
        firstSeen: old.firstSeen,
        updated: now,
        breaking: old.breaking || fresh.breaking ? 1 : 0,
        topics: old.topics,
        alert: old.alert,
        read: old.read,
        starred: old.starred,
        // An item never moves once placed: a rewritten headline keeps its story and its fold.
        ...(old.story !== undefined ? { story: old.story } : {}),
        ...(old.folded === 1 ? { folded: 1 as const } : {}),
      };
      writes.push(rowMatched(writer, old, base, topics).then(async (next) => {
        await writer.put(old, next);
        alertFor(next);
      }));
      // A new link: the same-story look-up finds the item under it.
      const k = knownKeyOf(old);
      if (k !== undefined && identities.setLink(k, links[i]!)) table?.add(links[i]!, k);
    }
  });
  await Promise.all(writes);
  const finish = ({ removed, count }: Retained): StoreResult => {
    // (Reports that left a story in a retention walk, with their deleted items, make the grouper stale: it is made again.)
    if (writer.stories.left) forgetGrouper(tx.db);
    identities.keepOnly((k) => (own.has(k) || added.has(k)) && !writer.deletedKeys.has(k));
    settled(writeIdentities(tx.objectStore('identities'), source.id, identities));
    const cur = before.record ?? source;
    settled(tx.objectStore('sources').put({ ...cur, ...sourcePatch, itemCount: count, ...(cur.relinkByUrl ? { relinkByUrl: undefined } : {}) }));
    // A row muted on arrival is no new row to anyone: not in the "N new" count, not a live page's update.
    return { newIds: newIds.filter((id) => !mutedNew.has(id)), updatedIds, joinedIds, removed };
  };
  return {
    terms: placed,
    retentionCheck: () => retentionCheck(tx, writer, source.id, now, settings, before.total ?? own.size),
    retentionWalk: () => retentionWalk(tx, writer, source.id, now, settings),
    finish,
  };
}

/**
 * A source that was a feed server's until Disconnect holds the server's copies of its items, which
 * carry no guid: on its first poll here the feed's own items are matched to them by link, so nothing
 * comes twice and read and starred states stay.
 */
async function matchByLink(
  tx: ItemTx,
  sourceId: string,
  batch: readonly ParsedItem[],
  existing: Array<Item | undefined>,
  hashes: readonly number[],
  links: readonly number[],
  identities: IdentityMap,
): Promise<void> {
  const byUrl = new Map<string, Item>();
  for (const rec of await tx.objectStore('items').index('bySource').getAll(sourceRange(sourceId))) {
    const it = fromRecord(rec);
    if (it.url) byUrl.set(it.url, it);
  }
  batch.forEach((p, i) => {
    const it = !existing[i] && p.url ? byUrl.get(p.url) : undefined;
    const k = it && knownKeyOf(it);
    if (!it || k === undefined) return;
    existing[i] = it;
    identities.add(hashes[i]!, k, links[i]);
    byUrl.delete(p.url!);
  });
}

interface Retained {
  removed: number;
  /** Items the source keeps. */
  count: number;
}

type RetentionSettings = Pick<Settings, 'retentionDays' | 'maxItemsPerSource'>;

/**
 * Most polls have nothing to remove: the count and one cheap look-up decide before any item is read.
 * `total`: how many items the source had before this poll (its counter's, or its stored keys' count).
 */
async function retentionCheck(tx: ItemTx, writer: ItemWriter, sourceId: string, now: number, s: RetentionSettings, total: number): Promise<Retained | undefined> {
  const oldest = await tx.objectStore('items').index('bySource').openKeyCursor(sourceRange(sourceId));
  const count = total + writer.counts.addedTo(sourceItemsKey(sourceId));
  return count <= s.maxItemsPerSource && (!oldest || (oldest.key[1] as number) >= now - s.retentionDays * DAY) ? { removed: 0, count } : undefined;
}

/** Deletes a source's items past the retention age or beyond the per-source cap; never starred ones. */
async function retentionWalk(tx: ItemTx, writer: ItemWriter, sourceId: string, now: number, s: RetentionSettings): Promise<Retained> {
  const cutoff = now - s.retentionDays * DAY;
  const range = sourceRange(sourceId);
  const index = tx.objectStore('items').index('bySource');
  let kept = 0;
  let removed = 0;
  let cur = await index.openCursor(range, 'prev');
  while (cur) {
    const it = fromRecord(cur.value);
    const tooOld = Math.max(it.published, it.firstSeen) < cutoff;
    if (!it.starred && (tooOld || kept >= s.maxItemsPerSource)) {
      await writer.delete(it);
      removed++;
    } else {
      kept++;
    }
    cur = await cur.continue();
  }
  return { removed, count: kept };
}

/** Updates only the source's state (a failed poll, a 304). */
export async function patchSource(db: NewsDb, id: string, patch: Partial<Source>): Promise<void> {
  const tx = db.transaction('sources', 'readwrite');
  const cur = await tx.store.get(id);
  if (cur) await tx.store.put({ ...cur, ...patch });
  await tx.done;
}

/** Updates several sources' state in one transaction (a poll's 304s: one write instead of one each). */
export async function patchSources(db: NewsDb, patches: ReadonlyMap<string, Partial<Source>>): Promise<void> {
  if (patches.size === 0) return;
  const tx = db.transaction('sources', 'readwrite');
  const current = await Promise.all([...patches.keys()].map((id) => tx.store.get(id)));
  await Promise.all([...patches.values()].map((patch, i) => (current[i] ? tx.store.put({ ...current[i]!, ...patch }) : undefined)));
  await tx.done;
}
