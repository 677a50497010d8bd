// @vitest-environment node
// Property-based tests of the grouping on generated news: a few topics, each with its own rare words, told in
// random headlines by random sources. Whatever comes in: every item is in exactly one story, an item's story
// and a story's id never change once given, no story passes the cap, a forbidden story is never given, and
// the grouper's bookkeeping (add, remove, prune) leaves it as if built afresh from what it holds.
// FC_RUNS=<n> runs n per property, FC_SEED=<n> replays.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterItems, type ClusterInput } from '@/utils/stories/cluster';
import { StoryGrouper, type StoryMember } from '@/utils/stories/grouper';
import { storyTerms } from '@/utils/stories/terms';

const RUNS = Number(process.env.FC_RUNS) || 0;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (n: number) => ({ numRuns: RUNS || n, ...(SEED !== undefined ? { seed: SEED } : {}) });

const TOPICS = [
  ['volcano', 'iceland', 'ash', 'flights', 'eruption', 'reykjavik'],
  ['merger', 'telecom', 'regulators', 'billion', 'shareholders', 'vodafone'],
  ['final', 'striker', 'penalty', 'madrid', 'champions', 'trophy'],
  ['vaccine', 'trial', 'malaria', 'children', 'oxford', 'results'],
  ['satellite', 'orbit', 'launch', 'kourou', 'ariane', 'payload'],
];
const COMMON = ['says', 'new', 'report', 'after', 'week', 'big', 'plan', 'talks', 'warns', 'record'];
const NUMBERS = ['3', '5', '12', '50', '2014'];

/** A headline: words of one topic, a common word or two, sometimes a number. */
const headline = fc
  .tuple(
    fc.nat(TOPICS.length - 1),
    fc.uniqueArray(fc.nat(5), { minLength: 2, maxLength: 5 }),
    fc.subarray(COMMON, { maxLength: 2 }),
    fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }),
  )
  .map(([topic, picks, common, number]) => [...picks.map((p) => TOPICS[topic][p]), ...common, ...(number ? [number] : [])].join(' '));

const inputs = fc.array(fc.tuple(headline, fc.nat(5), fc.nat(3_600_000)), { minLength: 1, maxLength: 60 }).map((rows) => {
  let t = 1_700_000_000_000;
  return rows.map(([title, source, gap], i): ClusterInput => {
    t += gap;
    return { id: `i${i}`, title, url: `https://s${source}.example/n/${i}`, source: `s${source}`, published: t };
  });
});

const member = (it: ClusterInput, story: string): StoryMember => ({ id: it.id, story, source: it.source, published: it.published, terms: storyTerms(it) });
const candidate = (it: ClusterInput) => ({ id: it.id, source: it.source, published: it.published, terms: storyTerms(it) });

describe('same-story grouping properties', () => {
  it('puts every item in exactly one story, named after its first item', () => {
    fc.assert(
      fc.property(inputs, (items) => {
        const out = clusterItems(items);
        expect([...out.keys()]).toEqual(items.map((it) => it.id));
        const firstOf = new Map<string, number>();
        items.forEach((it, i) => {
          const story = out.get(it.id)!;
          if (!firstOf.has(story)) firstOf.set(story, i);
        });
        for (const [story, i] of firstOf) {
          expect(items[i].id).toBe(story); // a story's id is its first item's
          expect(out.get(story)).toBe(story);
        }
      }),
      runs(100),
    );
  });

  it('never changes an item\'s story or a story\'s id once given (a prefix groups as the whole did)', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (items, cut) => {
        const whole = clusterItems(items);
        const prefix = items.slice(0, cut % (items.length + 1));
        const part = clusterItems(prefix);
        for (const it of prefix) expect(whole.get(it.id)).toBe(part.get(it.id));
      }),
      runs(100),
    );
  });

  it('never lets a story pass the cap', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 5 }), (items, cap) => {
        const sizes = new Map<string, number>();
        for (const story of clusterItems(items, { maxStorySize: cap }).values()) sizes.set(story, (sizes.get(story) ?? 0) + 1);
        for (const n of sizes.values()) expect(n).toBeLessThanOrEqual(cap);
      }),
      runs(100),
    );
  });

  it('never places an item in a story it was forbidden, even after being taken out of it', () => {
    fc.assert(
      fc.property(inputs, fc.array(fc.nat(), { maxLength: 60 }), (items, picks) => {
        const g = new StoryGrouper();
        const stories: string[] = [];
        items.forEach((it, i) => {
          const banned = stories.length ? stories[(picks[i] ?? 0) % stories.length] : undefined;
          if (banned) g.forbid(it.id, banned);
          const story = g.place(candidate(it)) ?? it.id;
          expect(story).not.toBe(banned);
          g.add(member(it, story));
          if (story === it.id) stories.push(story);
          // "Not the same story": taken out, forbidden, placed again
          if (story !== it.id && (picks[i] ?? 0) % 3 === 0) {
            g.remove(it.id);
            g.forbid(it.id, story);
            const again = g.place(candidate(it));
            expect(again).not.toBe(story);
            g.add(member(it, again ?? it.id));
            if (!again) stories.push(it.id);
          }
        });
      }),
      runs(100),
    );
  });

  it('after adds, removes and prunes answers as a grouper built afresh from the same members', () => {
    fc.assert(
      fc.property(inputs, fc.array(fc.nat(), { maxLength: 60 }), fc.nat(100), (items, removals, prunePercent) => {
        const g = new StoryGrouper();
        const held = new Map<string, StoryMember>();
        for (const it of items) {
          const m = member(it, g.place(candidate(it)) ?? it.id);
          g.add(m);
          held.set(it.id, m);
        }
        for (const r of removals) {
          const id = items[r % items.length].id;
          g.remove(id);
          held.delete(id);
        }
        const span = items[items.length - 1].published - items[0].published;
        const before = items[0].published + Math.floor((span * prunePercent) / 100);
        g.prune(before);
        for (const [id, m] of held) if (m.published < before) held.delete(id);

        const fresh = new StoryGrouper();
        for (const m of held.values()) fresh.add(m);
        expect(g.size).toBe(held.size);
        expect(fresh.size).toBe(held.size);
        for (const m of held.values()) expect(g.storySize(m.story)).toBe(fresh.storySize(m.story));
        // Probe both with every item again, as a newcomer under a new id.
        for (const it of items) {
          const probe = { ...candidate(it), id: `probe-${it.id}` };
          expect(g.place(probe)).toBe(fresh.place(probe));
        }
      }),
      runs(60),
    );
  });
});
