// Same-story grouping on the development days (../shared/data/stories): Newsbar's grouping against the plain
// baseline (scripts/stories/baseline.ts), both scored and timed in the same run. `npm run bench:stories`;
// STORY_RUNS (5) repetitions per day, CPU time (process.cpuUsage) median.
import { clusterItems } from '@/utils/stories/cluster';
import { DEFAULT_MAX_STORY_SIZE, DEFAULT_WINDOW_MS } from '@/utils/stories/grouper';
import { baselineCluster } from '../stories/baseline';
import { DAYS, loadDay } from '../stories/data';
import { scoreGrouping, type StoryScore } from '../stories/score';
import { median, type Row, type Section } from './common';

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

const f3 = (x: number) => x.toFixed(3);
const pr = (s: StoryScore) => `P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)} (pairs P ${f3(s.pairPrecision)}), ${s.rows} rows / ${s.items}`;

export function benchStories(runs = Number(process.env.STORY_RUNS ?? 5)): Section {
  const rows: Row[] = [];
  const mean = { p: 0, r: 0, f: 0, bp: 0, br: 0, bf: 0, ratio: 0 };
  let worst = 1;
  for (const name of DAYS) {
    const day = loadDay(name);
    const ours = scoreGrouping(clusterItems(day.items), day.labels);
    const base = scoreGrouping(baselineCluster(day.items), day.labels);
    const t: number[] = [];
    const b: number[] = [];
    // Interleaved, so a noisy moment on the machine hits both alike.
    for (let i = 0; i < runs; i++) {
      t.push(cpuMs(() => clusterItems(day.items)));
      b.push(cpuMs(() => baselineCluster(day.items)));
    }
    const ratio = median(t) / median(b);
    rows.push({ metric: `${name}: grouping (${day.items.length} items)`, value: pr(ours), baseline: pr(base), target: 'P ≥ 0.90', verdict: ours.precision >= 0.9 ? 'meets' : 'misses' });
    rows.push({ metric: `${name}: CPU time`, value: `${median(t).toFixed(1)} ms`, baseline: `${median(b).toFixed(1)} ms`, ratio: ratio.toFixed(2), target: '≤ 3', verdict: ratio <= 3 ? 'meets' : 'misses' });
    mean.p += ours.precision / DAYS.length;
    mean.r += ours.recall / DAYS.length;
    mean.f += ours.f1 / DAYS.length;
    mean.bp += base.precision / DAYS.length;
    mean.br += base.recall / DAYS.length;
    mean.bf += base.f1 / DAYS.length;
    mean.ratio += ratio / DAYS.length;
    worst = Math.min(worst, ours.precision);
  }
  rows.push({
    metric: 'mean of the days',
    value: `P ${f3(mean.p)} R ${f3(mean.r)} F1 ${f3(mean.f)}`,
    baseline: `P ${f3(mean.bp)} R ${f3(mean.br)} F1 ${f3(mean.bf)}`,
    ratio: `CPU ${mean.ratio.toFixed(2)}`,
    target: 'P ≥ 0.96, R ≥ 0.47, worst day P ≥ 0.90',
    verdict: mean.p >= 0.96 && mean.r >= 0.47 && worst >= 0.9 ? 'meets' : 'misses',
  });
  return {
    title: 'Same-story grouping',
    rows,
    notes: [
      'B-cubed precision and recall (item-weighted) against the data set\'s story labels; rows are the stories shown.',
      `Newsbar: utils/stories (window ${DEFAULT_WINDOW_MS / 86_400_000} days, at most ${DEFAULT_MAX_STORY_SIZE} items a story). Baseline: online TF-IDF centroids over headline words, cosine ≥ 0.3, IDF from the whole day.`,
      `CPU time: process.cpuUsage around one day's grouping (Newsbar: terms + placing; baseline: words + placing), median of ${runs} runs, interleaved.`,
    ],
  };
}
