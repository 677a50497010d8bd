// The worker is the one writer of the sources for what the user does (utils/sources/write-sources.ts):
// the pages ask with 'changeSources' and the worker tells them after. A page that wrote the sources
// store itself, or sent 'sourcesChanged' by hand, would be a second way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGE_DIRS = ['components', 'entrypoints/options', 'entrypoints/sidepanel'];
const WRITERS = new Set(['addSource', 'updateSource', 'removeSource', 'updateSources', 'addSourcesAtomically']);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** What in a page's source breaks the rule: a write function of utils/db/sources imported, or 'sourcesChanged' sent. */
export function violations(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const spec = m[2]!;
    const target = spec.startsWith('@/') ? spec.slice(2) : path.join(path.dirname(file), spec);
    if (path.normalize(target) !== path.normalize('utils/db/sources')) continue;
    for (const name of m[1]!.split(',').map((x) => x.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!)) {
      if (WRITERS.has(name)) out.push(`${file} imports ${name}`);
    }
  }
  if (/type:\s*['"]sourcesChanged['"]/.test(text)) out.push(`${file} sends sourcesChanged`);
  return out;
}

describe('the sources have one writer', () => {
  it('no page writes the sources store or says sourcesChanged itself', () => {
    const found = PAGE_DIRS.flatMap(filesUnder).flatMap((f) => violations(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds both (it would catch one coming back)', () => {
    const page = `import { listSources, addSource as add } from '../../utils/db/sources';\nvoid env.send({ type: 'sourcesChanged' });`;
    expect(violations('components/options/X.tsx', page)).toEqual(['components/options/X.tsx imports addSource', 'components/options/X.tsx sends sourcesChanged']);
    expect(violations('components/sidebar/Y.ts', `import {\n  updateSources,\n} from '@/utils/db/sources';`)).toEqual(['components/sidebar/Y.ts imports updateSources']);
    // Reading is fine, and so is hearing the worker's message.
    expect(violations('components/sidebar/Z.ts', `import { listSources } from '@/utils/db/sources';\nif (m.type === 'sourcesChanged') reload();`)).toEqual([]);
  });
});
