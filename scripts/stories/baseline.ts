// The plain baseline the grouping is measured against (test and benchmark material; the extension never
// imports it): online TF-IDF centroids over normalized headline words, cosine threshold 0.3, the IDF taken
// from the whole window up front. Candidates come from an inverted index (word -> centroids), as any fair
// implementation would, so the CPU comparison with Newsbar's grouping is like for like.
import { fold, tokenize } from '@/utils/normalize/text';

export interface BaselineInput { id: string; title: string }

export const BASELINE_THRESHOLD = 0.3;

export function baselineCluster(inputs: BaselineInput[], threshold = BASELINE_THRESHOLD): Map<string, string> {
  const words = inputs.map((it) => tokenize(fold(it.title)));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = inputs.length;
  const idf = (w: string) => Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1;

  interface Centroid { id: string; sum: Map<string, number>; norm2: number }
  const centroids: Centroid[] = [];
  const index = new Map<string, number[]>(); // word -> centroid numbers
  const out = new Map<string, string>();
  const score = new Map<number, number>();

  inputs.forEach((it, i) => {
    const vec = new Map<string, number>();
    let norm2 = 0;
    for (const w of words[i]) {
      const x = idf(w);
      if (x > 0) vec.set(w, (vec.get(w) ?? 0) + x);
    }
    for (const x of vec.values()) norm2 += x * x;
    const norm = Math.sqrt(norm2);
    score.clear();
    if (norm > 0) {
      for (const [w, x] of vec) {
        vec.set(w, x / norm);
        for (const c of index.get(w) ?? []) score.set(c, (score.get(c) ?? 0) + (x / norm) * centroids[c].sum.get(w)!);
      }
    }
    let best = -1;
    let bestCos = threshold;
    for (const [c, dot] of score) {
      const cos = dot / Math.sqrt(centroids[c].norm2);
      if (cos >= bestCos && (cos > bestCos || best < 0 || c < best)) {
        best = c;
        bestCos = cos;
      }
    }
    if (best < 0) {
      best = centroids.length;
      centroids.push({ id: it.id, sum: new Map(), norm2: 0 });
    }
    const c = centroids[best];
    for (const [w, x] of vec) {
      const old = c.sum.get(w);
      if (old === undefined) {
        const list = index.get(w);
        if (list) list.push(best);
        else index.set(w, [best]);
      }
      const now = (old ?? 0) + x;
      c.sum.set(w, now);
      c.norm2 += now * now - (old ?? 0) * (old ?? 0);
    }
    out.set(it.id, c.id);
  });
  return out;
}
