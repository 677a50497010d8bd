// Same-story grouping: which story a new item joins, judged against each story as a whole.
//
// - A term weighs by how rare it is among the items held (IDF, kept up as items come and go): shared
//   names, places and numbers count, shared common words hardly.
// - A story keeps how many of its members carry each term. A newcomer is scored from both sides: how much
//   of its own weight the story covers (a term counts fully once a good share of the story carries it, so
//   one member's odd word cannot pull a newcomer in), and how much of the story's core (the terms a quarter
//   of its members carry) the newcomer has. The bigger the story, the more the core decides: a newcomer
//   must carry what the story is about. No chains of weak likenesses: never a link to a single member.
// - Precision first: at least two shared words (a number is never one of them: it can only keep a newcomer
//   out), one of them carried by two members or more; a number the story agrees on that the newcomer
//   contradicts is a veto ("5 dead" is not "50 dead", even against a story of one); a full story takes no more.
// - Against a story of one item, the shared words must also be unlikely to meet by chance among the items
//   held, a word's rarity judged as if the window held a hundred more ordinary items: with few items held
//   (a new user) every word looks rare, and two ordinary words are no evidence of one event.
// - A story never takes a second item from a source it already holds: a feed's follow-ups and look-alike
//   items stay rows of their own (the next best story may take them).
// - Among the stories that qualify, bigger ones are preferred a little, so one event grows one row
//   rather than several.
// - Candidates come from an inverted index (term -> stories), never a pass over every item held.
import { NUMBER_MARK, type StoryTerms } from './terms';

export interface StoryMember { id: string; story: string; source: string; published: number; terms: StoryTerms }
export interface StoryCandidate { id: string; source: string; published: number; terms: StoryTerms }
export interface StoryGrouperOptions {
  windowMs?: number;
  maxStorySize?: number;
  /** For tuning scripts and tests; the extension uses the defaults. */
  tuning?: Partial<StoryTuning>;
}

export interface StoryTuning {
  /** The score (0..1) a newcomer needs to join a story. */
  threshold: number;
  /** A newcomer's term counts fully once this share of the story's members carries it (less, in proportion, below). */
  saturation: number;
  /** Terms the newcomer must share with the story (each carried by at least half the saturation share). */
  minShared: number;
  /** Weight of a term no item held has, as a share of its IDF: a word of its own says less against a story than a missing one. */
  unseen: number;
  /** IDF raised to this power: below 1, two rare words do not outweigh a story's whole core. */
  idfPower: number;
  /** A term is in a story's core when this share of its members carries it. */
  coreShare: number;
  /** Weight of the story side (its core that the newcomer has) in the score of a one-item story... */
  coreWeight: number;
  /** ...growing toward 1 with the story's size: half-way at this many members. */
  sideGrow: number;
  /** Preference for bigger stories among those that qualify: the score times 1 + sizeBias * log2(size). */
  sizeBias: number;
  /**
   * How rare a word is, for the evidence below: judged as if the window held priorItems more items, in which
   * the word came up at the share priorShare (an ordinary word's). With few items held every word looks rare
   * and an unseen one rarest; this way a word is rare only once many items were seen without it.
   */
  priorItems: number;
  priorShare: number;
  /**
   * Against a story of one item, the shared words (numbers left out) must be unlikely to meet by chance: the
   * log of how many items of the window would carry them all, were words independent, at most -minEvidence.
   */
  minEvidence: number;
}

/** Stories are compared within a few days: the same words a week apart are usually another event. */
/** A term held by more stories than this finds no candidates (see place). */
export const MAX_TERM_STORIES = 64;
/** At most this many candidate stories are scored per placement: those sharing the most terms. */
export const MAX_CANDIDATES = 16;

/**
 * The stories sharing at least `min` terms; when there are more than MAX_CANDIDATES, those sharing the
 * most (a story sharing fewer terms than dozens of others is not the one). Keeps a placement's cost
 * bounded where headlines share many words by chance.
 */
function topCandidates(hits: Map<string, number>, min: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const e of hits) if (e[1] >= min) out.push(e);
  if (out.length <= MAX_CANDIDATES) return out;
  return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES);
}

export const DEFAULT_WINDOW_MS = 3 * 86_400_000;
/**
 * At most this many items a story. The biggest events of a news day reach 230-330 items (the development
 * days); a cap of 50 would cut each into 5-7 rows (and B-cubed recall could not pass 0.47-0.62), while 300
 * keeps a day's biggest event in one row and still bounds a story over the window: its core's cost, and how
 * far its words can drift. A full story's next items start a new row.
 */
export const DEFAULT_MAX_STORY_SIZE = 300;
export const DEFAULT_TUNING: StoryTuning = {
  threshold: 0.405,
  saturation: 0.25,
  minShared: 2,
  unseen: 0.1,
  idfPower: 0.6,
  coreShare: 0.25,
  coreWeight: 0.4,
  sideGrow: 100,
  sizeBias: 0.3,
  priorItems: 100,
  priorShare: 1 / 30,
  minEvidence: 1.5,
};
/** A number carried by at least this share of a story's members is the story's number. */
const AGREED_NUMBER = 0.5;

const isNumber = (t: string) => t.startsWith(NUMBER_MARK);

interface Held { story: string; source: string; published: number; terms: string[] }

/**
 * Most stories in the window are one item (at 10,000 items, about nine in ten): such a story keeps that
 * item (`one`) and no maps, which its counts and sources are read from; the maps are made when a second
 * member joins. (Two maps per story of one were 3 MB of the worker's memory at 10,000 items.)
 */
interface Story {
  size: number;
  /** term -> members carrying it; undefined while the story is `one` item */
  counts?: Map<string, number>;
  newest: number;
  /** source -> members from it: a source's items never share a story (its follow-ups stay rows of their own) */
  sources?: Map<string, number>;
  /** The story's only member, while it has no maps */
  one?: Held;
  /** The terms a good share of the members carry; undefined when the story changed since. */
  core?: string[];
}

/** How many of the story's members carry the term. */
function countOf(s: Story, term: string): number {
  return s.counts ? (s.counts.get(term) ?? 0) : s.one!.terms.includes(term) ? 1 : 0;
}

/** Whether a member of the story comes from the source. */
function hasSource(s: Story, source: string): boolean {
  return s.sources ? s.sources.has(source) : s.one!.source === source;
}

/** The maps of a story of one, for a second member to join. */
function withMaps(s: Story): { counts: Map<string, number>; sources: Map<string, number> } {
  if (!s.counts || !s.sources) {
    const one = s.one!;
    s.counts = new Map(one.terms.map((t) => [t, 1]));
    s.sources = new Map([[one.source, 1]]);
    s.one = undefined;
  }
  return { counts: s.counts, sources: s.sources };
}

export class StoryGrouper {
  private readonly windowMs: number;
  private readonly maxStorySize: number;
  private readonly tuning: StoryTuning;
  private readonly members = new Map<string, Held>();
  private readonly stories = new Map<string, Story>();
  /** term -> members carrying it (the IDF's document frequency) */
  private readonly df = new Map<string, number>();
  /** term -> stories carrying it */
  private readonly index = new Map<string, Set<string>>();
  private readonly forbidden = new Map<string, Set<string>>();
  /** No member was published before this (prune's quick way out). */
  private oldest = Infinity;

  constructor(options: StoryGrouperOptions = {}) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.maxStorySize = Math.max(1, options.maxStorySize ?? DEFAULT_MAX_STORY_SIZE);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
  }

  get size(): number {
    return this.members.size;
  }

  storySize(story: string): number {
    return this.stories.get(story)?.size ?? 0;
  }

  add(member: StoryMember): void {
    if (this.members.has(member.id)) this.remove(member.id);
    const terms = [...new Set(member.terms)];
    const held: Held = { story: member.story, source: member.source, published: member.published, terms };
    this.members.set(member.id, held);
    this.oldest = Math.min(this.oldest, member.published);
    const s = this.stories.get(member.story);
    let counts: Map<string, number> | undefined;
    if (!s) {
      // A story of one: its counts and sources are its member's.
      this.stories.set(member.story, { size: 1, newest: member.published, one: held });
    } else {
      const maps = withMaps(s);
      counts = maps.counts;
      maps.sources.set(member.source, (maps.sources.get(member.source) ?? 0) + 1);
      s.size++;
      s.core = undefined;
      s.newest = Math.max(s.newest, member.published);
    }
    for (const t of terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const c = counts ? (counts.get(t) ?? 0) : 0;
      counts?.set(t, c + 1);
      if (c === 0) {
        const set = this.index.get(t);
        if (set) set.add(member.story);
        else this.index.set(t, new Set([member.story]));
      }
    }
  }

  remove(id: string): void {
    const m = this.members.get(id);
    if (!m) return;
    this.members.delete(id);
    const s = this.stories.get(m.story)!;
    s.core = undefined;
    // A story of one (no maps) goes with its member.
    const { counts, sources } = s;
    if (sources) {
      const from = sources.get(m.source)! - 1;
      if (from) sources.set(m.source, from);
      else sources.delete(m.source);
    }
    for (const t of m.terms) {
      const d = this.df.get(t)! - 1;
      if (d) this.df.set(t, d);
      else this.df.delete(t);
      const c = counts ? counts.get(t)! - 1 : 0;
      if (c) counts!.set(t, c);
      else {
        counts?.delete(t);
        const set = this.index.get(t)!;
        set.delete(m.story);
        if (!set.size) this.index.delete(t);
      }
    }
    if (--s.size === 0) this.stories.delete(m.story);
  }

  /** Kept until the item leaves the window (prune); the worker keeps its own record and calls this again after a restart. */
  forbid(id: string, story: string): void {
    const set = this.forbidden.get(id);
    if (set) set.add(story);
    else this.forbidden.set(id, new Set([story]));
  }

  prune(before: number): void {
    if (before <= this.oldest) return;
    let oldest = Infinity;
    for (const [id, m] of this.members) {
      if (m.published < before) {
        this.remove(id);
        this.forbidden.delete(id);
      } else oldest = Math.min(oldest, m.published);
    }
    this.oldest = oldest;
  }

  place(candidate: StoryCandidate): string | null {
    const t = this.tuning;
    const terms = [...new Set(candidate.terms)];
    if (terms.length < t.minShared) return null;
    // Evidence against a story of one: each shared word's log-rarity, less the log of the items it is among.
    const held = this.members.size + t.priorItems;
    const prior = t.priorItems * t.priorShare;
    // Typed arrays: a plain array of numbers takes one shape when every weight happens to be a whole
    // number and another when not, and place's optimized code, made for one, was thrown away on meeting
    // the other and compiled again (55 ms of the optimizing compiler each time).
    const weights = new Float64Array(terms.length);
    const rarity = new Float64Array(terms.length);
    let total = 0;
    let hasNumber = false;
    for (let i = 0; i < terms.length; i++) {
      const u = terms[i]!;
      const df = this.df.get(u);
      const w = this.idf(u) * (df !== undefined ? 1 : t.unseen);
      weights[i] = w;
      total += w;
      if (isNumber(u)) hasNumber = true;
      else rarity[i] = Math.log(held / ((df ?? 0) + prior));
    }
    const needed = t.minEvidence + Math.log(held);
    const forbidden = this.forbidden.get(candidate.id);
    const oldest = candidate.published - this.windowMs;
    // The stories sharing at least minShared terms, through the index; only those are scored. A term
    // spread over very many stories says nothing about which one this is (and walking it would make each
    // placement cost as much as the window): it counts in the score, but finds no candidates.
    const hits = new Map<string, number>();
    for (const term of terms) {
      const ids = this.index.get(term);
      if (!ids || ids.size > MAX_TERM_STORIES) continue;
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const idfs = new Map<string, number>(); // core terms recur across the candidate stories
    let best: string | null = null;
    let bestScore = 0;
    for (const [id, n] of topCandidates(hits, t.minShared)) {
      const s = this.stories.get(id)!;
      // Never a story already holding an item of the newcomer's source: a feed's follow-ups stay rows of their own.
      if (s.size >= this.maxStorySize || forbidden?.has(id) || s.newest < oldest || hasSource(s, candidate.source)) continue;
      // The newcomer's side: its weight the story covers.
      let covered = 0;
      let shared = 0;
      let common = 0;
      let evidence = 0;
      for (let i = 0; i < terms.length; i++) {
        const c = countOf(s, terms[i]!);
        if (!c) continue;
        if (c >= 2) common++;
        const share = c / s.size;
        covered += weights[i] * Math.min(1, share / t.saturation);
        // A number alone is not a shared term ("Storm 0" and "Item 2-0"): it can only keep a newcomer out.
        if (share >= t.saturation / 2 && !isNumber(terms[i])) {
          shared++;
          evidence += rarity[i];
        }
      }
      if (s.size >= 2 && common === 0) continue; // only one member's words: no single links
      if (s.size === 1 && evidence < needed) continue; // two ordinary words in a small window meet by chance
      if (shared < t.minShared || (hasNumber && this.contradicts(s, terms))) continue;
      // The story's side: its core (share x IDF) the newcomer has.
      let have = 0;
      let coreTotal = 0;
      for (const u of this.coreOf(s)) {
        let idf = idfs.get(u);
        if (idf === undefined) idfs.set(u, (idf = this.idf(u)));
        const w = (countOf(s, u) / s.size) * idf;
        coreTotal += w;
        if (terms.includes(u)) have += w;
      }
      const side = coreTotal ? have / coreTotal : 0;
      const beta = t.coreWeight + (1 - t.coreWeight) * ((s.size - 1) / (s.size - 1 + t.sideGrow));
      const score = (covered / total) ** (1 - beta) * side ** beta;
      if (score < t.threshold) continue;
      const ranked = score * (1 + t.sizeBias * Math.log2(s.size));
      if (ranked > bestScore || (ranked === bestScore && best !== null && id < best)) {
        best = id;
        bestScore = ranked;
      }
    }
    return best;
  }

  private idf(t: string): number {
    return (Math.log((this.members.size + 1) / ((this.df.get(t) ?? 0) + 1)) + 1) ** this.tuning.idfPower;
  }

  /** Whether the story agrees on a number (most members carry it) and the newcomer, which has numbers, lacks it. */
  private contradicts(s: Story, terms: string[]): boolean {
    let agreed = false;
    for (const u of this.coreOf(s)) {
      if (!isNumber(u) || countOf(s, u) < AGREED_NUMBER * s.size) continue;
      if (terms.includes(u)) return false;
      agreed = true;
    }
    return agreed;
  }

  /**
   * The story's core: the terms a good share of its members carry. Kept until the story changes; their weights
   * are taken when used (the IDF moves with every item), so a grouper's answers depend only on what it holds.
   */
  private coreOf(s: Story): string[] {
    if (s.core) return s.core;
    const least = Math.max(1, this.tuning.coreShare * s.size);
    // A story of one: every term of its member, in the order a map of them would hold.
    if (!s.counts) return (s.core = s.one!.terms);
    const core: string[] = [];
    for (const [u, c] of s.counts) if (c >= least) core.push(u);
    s.core = core;
    return core;
  }
}
