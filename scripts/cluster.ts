// `npm run cluster -- FILE.jsonl`: groups news items into stories, the way the extension does.
// Input: JSON lines {"id","title","url","source","published"} (optional "summary"), in arrival order.
// Output: one JSON line {"id","story"} per item, in input order. Bad input: a message on stderr naming the
// line and the field, nothing on stdout, exit code 1.
import fs from 'node:fs';
import { InputError, parseClusterInput } from './stories/input';
import { clusterItems } from '@/utils/stories/cluster';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('cluster: usage: npm run cluster -- FILE.jsonl');
  process.exit(1);
}
let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (e) {
  console.error(`cluster: cannot read ${file}: ${(e as Error).message}`);
  process.exit(1);
}
try {
  const items = parseClusterInput(text);
  const stories = clusterItems(items);
  process.stdout.write(items.map((it) => `${JSON.stringify({ id: it.id, story: stories.get(it.id) })}\n`).join(''));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  console.error(`cluster: ${file}: ${e.message}`);
  process.exit(1);
}
