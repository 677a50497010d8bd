// Scoring a grouping against story labels, as the data set's README describes: B-cubed precision and
// recall (item-weighted), F1, pairwise precision, and rows against items. Test and benchmark material.

export interface StoryScore {
  precision: number;
  recall: number;
  f1: number;
  /** Of all pairs put in one row, the share that carry the same label. */
  pairPrecision: number;
  rows: number;
  items: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** `predicted` and `labels` map item id -> row / story; items missing from either are left out. */
export function scoreGrouping(predicted: Map<string, string>, labels: Map<string, string>): StoryScore {
  const ids = [...predicted.keys()].filter((id) => labels.has(id));
  const both = new Map<string, number>();
  const rowSize = new Map<string, number>();
  const labelSize = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const id of ids) {
    const row = predicted.get(id)!;
    const label = labels.get(id)!;
    bump(rowSize, row);
    bump(labelSize, label);
    bump(both, `${row}\u0000${label}`);
  }
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const row = predicted.get(id)!;
    const label = labels.get(id)!;
    const shared = both.get(`${row}\u0000${label}`)!;
    p += shared / rowSize.get(row)!;
    r += shared / labelSize.get(label)!;
  }
  const n = ids.length || 1;
  const precision = p / n;
  const recall = r / n;
  let pairsTogether = 0;
  for (const s of rowSize.values()) pairsTogether += pairs(s);
  let pairsRight = 0;
  for (const s of both.values()) pairsRight += pairs(s);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    pairPrecision: pairsTogether ? pairsRight / pairsTogether : 1,
    rows: rowSize.size,
    items: ids.length,
  };
}
