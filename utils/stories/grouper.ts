// Same-story grouping: which story a new item joins, judged against each story as a whole.
//
// - Every term weighs by how rare it is among the items held (IDF, kept up as items come and go), so
//   shared names, places and numbers count, shared common words hardly.
// - A story's term counts say how many of its members carry each term; a newcomer's term counts fully only
//   when a good share of the story has it. One member's odd word cannot pull a newcomer in, so a story never
//   grows by a chain of weak likenesses.
// - Precision first: at least two rare terms shared, different numbers where the story agrees on one are a
//   veto, and a full story takes no more.
// - Candidates come from an inverted index (term -> stories), never a pass over everything held.
import { NUMBER_MARK, type StoryTerms } from './terms';

export interface StoryMember { id: string; story: string; source: string; published: number; terms: StoryTerms }
export interface StoryCandidate { id: string; source: string; published: number; terms: StoryTerms }
export interface StoryGrouperOptions { windowMs?: number; maxStorySize?: number; tuning?: Partial<StoryTuning> }

export interface StoryTuning {
  /** Share of the newcomer's term weight the story must cover. */
  threshold: number;
  /** A term counts fully once this share of the story's members has it. */
  saturation: number;
  /** At least this many terms shared with the story's core. */
  minShared: number;
  /** Exponent of the story-side normalization (0: newcomer's coverage only). */
  storySide: number;
  /** Least absolute evidence (sum of covered weights). */
  evidence: number;
  /** Weight of a term never seen before, as a share of its IDF. */
  unseen: number;
  /** Preference for larger stories among those that qualify. */
  sizeBias: number;
  /** Weight of the story-side coverage (its core terms the newcomer has) in the score. */
  coreWeight: number;
  /** A term is in a story's core when this share of its members has it. */
  coreShare: number;
  /** Least story-side coverage. */
  coreMin: number;
}

export const DEFAULT_WINDOW_MS = 3 * 86_400_000;
export const DEFAULT_MAX_STORY_SIZE = 200;
export const DEFAULT_TUNING: StoryTuning = { threshold: 0.35, saturation: 0.4, minShared: 2, storySide: 0, evidence: 0, unseen: 1, sizeBias: 0, coreWeight: 0, coreShare: 0.25, coreMin: 0 };

interface Held { story: string; published: number; terms: string[] }

interface Story {
  size: number;
  /** term -> members carrying it */
  counts: Map<string, number>;
  newest: number;
  /** The story's core terms and their total weight (share x IDF), as of `coreSize` members and `coreN` held. */
  core?: Map<string, number>;
  coreTotal: number;
  coreSize: number;
  coreN: number;
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

  constructor(options: StoryGrouperOptions = {}) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.maxStorySize = options.maxStorySize ?? DEFAULT_MAX_STORY_SIZE;
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
    this.members.set(member.id, { story: member.story, published: member.published, terms });
    let s = this.stories.get(member.story);
    if (!s) {
      s = { size: 0, counts: new Map(), newest: member.published, coreTotal: 0, coreSize: 0, coreN: 0 };
      this.stories.set(member.story, s);
    }
    s.size++;
    s.newest = Math.max(s.newest, member.published);
    for (const t of terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const c = s.counts.get(t) ?? 0;
      s.counts.set(t, c + 1);
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
    for (const t of m.terms) {
      const d = this.df.get(t)! - 1;
      if (d) this.df.set(t, d);
      else this.df.delete(t);
      const c = s.counts.get(t)! - 1;
      if (c) s.counts.set(t, c);
      else {
        s.counts.delete(t);
        const set = this.index.get(t)!;
        set.delete(m.story);
        if (!set.size) this.index.delete(t);
      }
    }
    if (--s.size === 0) this.stories.delete(m.story);
  }

  forbid(id: string, story: string): void {
    const set = this.forbidden.get(id);
    if (set) set.add(story);
    else this.forbidden.set(id, new Set([story]));
  }

  prune(before: number): void {
    for (const [id, m] of this.members) if (m.published < before) this.remove(id);
  }

  private idf(t: string): number {
    return Math.log((this.members.size + 1) / ((this.df.get(t) ?? 0) + 1)) + 1;
  }

  place(candidate: StoryCandidate): string | null {
    const { threshold, saturation, minShared, evidence, unseen } = this.tuning;
    const terms = [...new Set(candidate.terms)];
    if (!terms.length) return null;
    const weights = terms.map((t) => this.idf(t) * (this.df.has(t) ? 1 : unseen));
    const total = weights.reduce((a, b) => a + b, 0);
    const seen = new Set<string>();
    const forbidden = this.forbidden.get(candidate.id);
    const oldest = candidate.published - this.windowMs;
    let best: string | null = null;
    let bestScore = 0;
    for (const t of terms) {
      for (const id of this.index.get(t) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = this.stories.get(id)!;
        if (s.size >= this.maxStorySize || forbidden?.has(id) || s.newest < oldest) continue;
        let covered = 0;
        let shared = 0;
        let numbersHere = false;
        let numberMatch = false;
        terms.forEach((u, i) => {
          const c = s.counts.get(u);
          if (u.startsWith(NUMBER_MARK)) numbersHere = true;
          if (!c) return;
          const f = c / s.size;
          if (u.startsWith(NUMBER_MARK) && f >= 0.5) numberMatch = true;
          covered += weights[i] * Math.min(1, f / saturation);
          if (f >= saturation * 0.5) shared++;
        });
        if (shared < minShared || covered < evidence) continue;
        if (numbersHere && !numberMatch && this.agreedNumber(s)) continue;
        let ratio = covered / total;
        if (this.tuning.coreWeight > 0 || this.tuning.coreMin > 0) {
          const core = this.coreOf(s);
          let have = 0;
          for (const u of terms) have += core.get(u) ?? 0;
          const side = s.coreTotal ? have / s.coreTotal : 0;
          if (side < this.tuning.coreMin) continue;
          ratio = ratio ** (1 - this.tuning.coreWeight) * side ** this.tuning.coreWeight;
        }
        if (ratio < threshold) continue;
        const score = ratio * (1 + this.tuning.sizeBias * Math.log2(s.size));
        if (score > bestScore || (score === bestScore && best !== null && id < best)) {
          best = id;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** The story's core: terms a good share of its members carry, weighted by share x IDF (cached until it grows). */
  private coreOf(s: Story): Map<string, number> {
    const n = this.members.size;
    if (s.core && s.coreSize === s.size && n <= s.coreN * 1.05) return s.core;
    const core = new Map<string, number>();
    let total = 0;
    const least = Math.max(1, this.tuning.coreShare * s.size);
    for (const [t, c] of s.counts) {
      if (c < least) continue;
      const w = (c / s.size) * this.idf(t);
      core.set(t, w);
      total += w;
    }
    s.core = core;
    s.coreTotal = total;
    s.coreSize = s.size;
    s.coreN = n;
    return core;
  }

  /** Whether most of the story's members carry one number (the death toll, the score, the price). */
  private agreedNumber(s: Story): boolean {
    for (const [t, c] of s.counts) if (t.startsWith(NUMBER_MARK) && c / s.size >= 0.5) return true;
    return false;
  }
}
