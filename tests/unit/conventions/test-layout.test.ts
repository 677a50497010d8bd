// @vitest-environment node
// Tests mirror modules: a folder of tests/unit is named after the module folder it tests (in utils/,
// components/ or scripts/), so a module's tests are found where the module is (conventions/ holds the
// tests that read the whole tree: layout, imports, words shown); and no unit test imports
// an entrypoint, whose glue only wires utils/ to the browser (what it wires is tested in utils/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const unit = join(root, 'tests/unit');
const MODULE_ROOTS = ['utils', 'components', 'scripts'];
/** Tests about the whole tree, not one module. */
const TREE_TESTS = 'conventions';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

describe('tests/unit', () => {
  it('has a folder only where utils/, components/ or scripts/ has a module folder of that name', () => {
    const folders = readdirSync(unit).filter((name) => statSync(join(unit, name)).isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    const strays = folders.filter((name) => name !== TREE_TESTS && !MODULE_ROOTS.some((m) => existsSync(join(root, m, name))));
    expect(strays).toEqual([]);
  });

  it('never imports an entrypoint', () => {
    const files = filesUnder(unit);
    expect(files.length).toBeGreaterThan(100);
    const importing = files.filter((f) => /\bfrom\s+['"](?:@\/|(?:\.\.\/)+)entrypoints\//.test(readFileSync(f, 'utf8')) || /\bimport\(\s*['"](?:@\/|(?:\.\.\/)+)entrypoints\//.test(readFileSync(f, 'utf8')));
    expect(importing.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
