// npm run check:upgrade -- <old build dir | commit> [new build dir, default .output/chrome-mv3-e2e]
// FEEDS and ITEMS set how many items the old build stores (default 40 x 50).
import fs from 'node:fs';
import { checkUpgrade } from './check';
import { buildCommit } from './build-old';
import { DB_VERSION } from '../../utils/db/open';

const [old, newDir = '.output/chrome-mv3-e2e'] = process.argv.slice(2);
if (!old) throw new Error('usage: npm run check:upgrade -- <old build dir | commit> [new build dir]');
const oldDir = fs.existsSync(old) ? old : buildCommit(old);
const r = await checkUpgrade(oldDir, newDir, Number(process.env.FEEDS ?? 40), Number(process.env.ITEMS ?? 50), newDir === '.output/chrome-mv3-e2e' ? DB_VERSION : undefined);
console.log(`${r.from.version} (schema ${r.from.schema}) -> ${r.to.version} (schema ${r.to.schema}): ${r.items} items, ${r.read} read, ${r.starred} starred, ${r.tagged} tagged`);
if (r.problems.length) {
  console.error(r.problems.slice(0, 20).join('\n'));
  process.exitCode = 1;
} else console.log('every item, its read and starred state and its tags kept');
