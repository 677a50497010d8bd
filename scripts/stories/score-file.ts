// Scores the cluster command's output against a labels file:
//   npm run -s cluster -- dev-1.jsonl > out.jsonl && npx tsx scripts/stories/score-file.ts out.jsonl dev-1.labels.json
import fs from 'node:fs';
import { scoreGrouping } from './score';

const [outFile, labelsFile] = process.argv.slice(2);
if (!outFile || !labelsFile) {
  console.error('usage: npx tsx scripts/stories/score-file.ts OUT.jsonl LABELS.json');
  process.exit(1);
}
const predicted = new Map<string, string>();
for (const line of fs.readFileSync(outFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { id, story } = JSON.parse(line) as { id: string; story: string };
  predicted.set(id, story);
}
const labels = new Map(Object.entries(JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Record<string, string>));
const s = scoreGrouping(predicted, labels);
console.log(
  `B3 precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  pairwise precision ${s.pairPrecision.toFixed(4)}  rows ${s.rows} / ${s.items} items`,
);
