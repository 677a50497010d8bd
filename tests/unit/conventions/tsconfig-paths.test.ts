import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// tsconfig.json declares the same `paths` WXT generates in .wxt/tsconfig.json, so tools that read
// tsconfig.json alone see the `@/` structure. This keeps the two in step when WXT changes its aliases.
const root = resolve(__dirname, '../../..');

function pathsOf(file: string): Record<string, string[]> {
  const config = JSON.parse(readFileSync(join(root, file), 'utf8'));
  const base = dirname(join(root, file));
  const paths: Record<string, string[]> = config.compilerOptions.paths;
  // Each target relative to the project root, so both files compare alike.
  return Object.fromEntries(
    Object.entries(paths).map(([alias, targets]) => [
      alias,
      targets.map((target) => relative(root, resolve(base, target)).replaceAll('\\', '/') || '.'),
    ]),
  );
}

describe('tsconfig.json paths', () => {
  it('is plain JSON and maps every alias WXT generates to the same place', () => {
    const generated = pathsOf('.wxt/tsconfig.json');
    expect(Object.keys(generated)).toContain('@/*');
    expect(pathsOf('tsconfig.json')).toEqual(generated);
  });

  it('maps @/* to the project root', () => {
    expect(pathsOf('tsconfig.json')['@/*']).toEqual(['*']);
  });
});
