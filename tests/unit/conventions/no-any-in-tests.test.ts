import fs from 'node:fs';
import path from 'node:path';

// Tests say what they handle: the worker's globals are typed in tests/e2e/scopes.ts (InWorker, InPage),
// the worker's handle in entrypoints/background/worker-handle.ts. An `any` would hide a renamed
// handle method or a changed stored shape until the browser run.
const ANY = /(?::\s*any\b|\bas\s+any\b(?!\s+[a-z])|<any>|\bany\[\])/;

describe('tests', () => {
  it('have no `any`', () => {
    const dir = path.resolve('tests');
    const found: string[] = [];
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(f) || f.endsWith('no-any-in-tests.test.ts')) continue;
      fs.readFileSync(path.join(dir, f), 'utf8').split('\n').forEach((line, i) => {
        if (ANY.test(line.replace(/\/\/.*$/, ''))) found.push(`tests/${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
