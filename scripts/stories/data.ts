// The development days (shared/data/stories beside the checkout, as CI clones it): items in arrival order and
// their story labels. Test and benchmark material: the extension never reads them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClusterInput } from './input';
import type { ClusterInput } from '@/utils/stories/cluster';

/** `../shared/data/stories` from the repository's root (this file is scripts/stories/data.ts). */
export const DATA_DIR = fileURLToPath(new URL('../../../shared/data/stories', import.meta.url));
export const DAYS = ['dev-1', 'dev-2', 'dev-3'];

export interface Day { name: string; items: ClusterInput[]; labels: Map<string, string> }

/** A development day; throws (never skips) when the data is not there. */
export function loadDay(name: string, dir = DATA_DIR): Day {
  const file = path.join(dir, `${name}.jsonl`);
  if (!fs.existsSync(file)) throw new Error(`story data missing: ${file} (the shared data sits beside the checkout: ../shared/data/stories)`);
  const items = parseClusterInput(fs.readFileSync(file, 'utf8'));
  const labels = new Map(Object.entries(JSON.parse(fs.readFileSync(path.join(dir, `${name}.labels.json`), 'utf8')) as Record<string, string>));
  return { name, items, labels };
}
