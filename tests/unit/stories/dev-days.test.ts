// @vitest-environment node
// The grouping on the development days (shared/data/stories beside the checkout): the precision floor per day,
// the mean precision and recall, and how little the result depends on the order sources' batches arrive in.
// The data must be there: a missing directory fails here, it is never skipped.
import { describe, expect, it } from 'vitest';
import { clusterItems, type ClusterInput } from '@/utils/stories/cluster';
import { DATA_DIR, DAYS, loadDay, type Day } from '@/scripts/stories/data';
import { scoreGrouping, type StoryScore } from '@/scripts/stories/score';

const days: Day[] = [];
const scores: StoryScore[] = [];

/** The same items as if polled in another order: within each hour, the sources' batches in a shuffled order. */
function reorderBatches(items: ClusterInput[], seed: number, slotMs = 3_600_000): ClusterInput[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const slots = new Map<number, Map<string, ClusterInput[]>>();
  for (const it of items) {
    const slot = Math.floor((it.published - items[0].published) / slotMs);
    const bySource = slots.get(slot) ?? new Map<string, ClusterInput[]>();
    bySource.set(it.source, [...(bySource.get(it.source) ?? []), it]);
    slots.set(slot, bySource);
  }
  const out: ClusterInput[] = [];
  for (const slot of [...slots.keys()].sort((a, b) => a - b)) {
    const batches = [...slots.get(slot)!.values()];
    for (let i = batches.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [batches[i], batches[j]] = [batches[j], batches[i]];
    }
    for (const b of batches) out.push(...b);
  }
  return out;
}

describe(`same-story grouping on the development days (${DATA_DIR})`, () => {
  it('finds the data', () => {
    for (const name of DAYS) days.push(loadDay(name)); // throws, naming the path, when it is missing
    expect(days.map((d) => d.items.length)).toEqual([2994, 2997, 2986]);
  });

  it('keeps precision at or above 0.90 every day', () => {
    expect(days).toHaveLength(DAYS.length);
    for (const day of days) {
      const s = scoreGrouping(clusterItems(day.items), day.labels);
      scores.push(s);
      expect(s.items, day.name).toBe(day.items.length);
      expect(s.precision, `${day.name} B3 precision`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('has mean precision at or above 0.96 and mean recall at or above 0.47', () => {
    expect(scores).toHaveLength(DAYS.length);
    const mean = (f: (s: StoryScore) => number) => scores.reduce((a, s) => a + f(s), 0) / scores.length;
    expect(mean((s) => s.precision)).toBeGreaterThanOrEqual(0.96);
    expect(mean((s) => s.recall)).toBeGreaterThanOrEqual(0.47);
  });

  it('hardly depends on the order in which sources\' batches arrive', () => {
    const day = days[0];
    const first = clusterItems(day.items);
    for (const seed of [1, 2]) {
      const other = clusterItems(reorderBatches(day.items, seed));
      // B-cubed of one order against the other as if it were the labels: 1 is the same grouping.
      const agreement = scoreGrouping(other, first);
      expect(agreement.f1, `agreement, seed ${seed}`).toBeGreaterThanOrEqual(0.9);
      const a = scoreGrouping(first, day.labels);
      const b = scoreGrouping(other, day.labels);
      expect(Math.abs(a.precision - b.precision)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(a.recall - b.recall)).toBeLessThanOrEqual(0.03);
    }
  });
});
