import fs from 'node:fs';
import path from 'node:path';
import { importsOf, projectImports, ROOT, sourceFiles } from './import-graph';

// How utils/db is laid out (docs/ARCHITECTURE.md, "Where things are"): the store below the topics
// (a compiled topic set is passed in), the search language apart from the database, the migrations
// in a folder of their own, and no circle of value imports running through the database layer.

const APP = [...sourceFiles('utils'), ...sourceFiles('components'), ...sourceFiles('entrypoints')];
const DB = sourceFiles('utils/db');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** Strongly connected groups of two or more files (Tarjan), over `edges`. */
function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('utils/db', () => {
  it('never imports utils/topics (the poll passes its compiled topic set in)', () => {
    const found = DB.flatMap((f) => projectImports(f, ['fixed', 'dynamic', 'types']).filter((to) => to.startsWith('utils/topics/')).map((to) => `${f} -> ${to}`));
    expect(found).toEqual([]);
  });

  it('keeps its migrations in utils/db/migrations', () => {
    const outside = APP.filter((f) => !f.startsWith('utils/db/migrations/'));
    expect(outside.filter((f) => /(^|\/)migrate-[^/]*\.ts$/.test(f))).toEqual([]);
    // What changes the schema's stores and indexes happens only in an upgrade, so only in a migration.
    expect(outside.filter((f) => /\.(createObjectStore|deleteObjectStore|createIndex|deleteIndex)\(/.test(read(f)))).toEqual([]);
    expect(sourceFiles('utils/db/migrations').length).toBeGreaterThan(5);
  });

  it('holds the schema as types only, so no import circle runs through it', () => {
    const { fixed, dynamic } = importsOf(path.join(ROOT, 'utils/db/schema.ts'));
    expect([...fixed, ...dynamic]).toEqual([]);
  });

  it('is on no circle of value imports', () => {
    const edges = new Map(APP.map((f) => [f, projectImports(f, ['fixed'])]));
    expect(circles(edges).filter((group) => group.some((f) => f.startsWith('utils/db/')))).toEqual([]);
  });

  it('finds a circle when there is one (the check above can fail)', () => {
    const edges = new Map([['utils/db/a.ts', ['utils/topics/b.ts']], ['utils/topics/b.ts', ['utils/db/a.ts']], ['utils/c.ts', ['utils/db/a.ts']]]);
    expect(circles(edges)).toEqual([['utils/db/a.ts', 'utils/topics/b.ts']]);
  });
});

describe('the search query parser', () => {
  it('lives in utils/search/query.ts, away from the database', () => {
    expect(read('utils/search/query.ts')).toMatch(/export function parseQuery\(/);
    expect(DB.filter((f) => /export function (parseQuery|itemMatches)\(/.test(read(f)))).toEqual([]);
    expect(projectImports('utils/search/query.ts', ['fixed', 'dynamic', 'types']).filter((f) => f.startsWith('utils/db/'))).toEqual([]);
  });

  it('is what display code imports, never the database search', () => {
    const display = [...sourceFiles('components').filter((f) => f.endsWith('.tsx')), ...sourceFiles('utils/sidebar')];
    const found = display.flatMap((f) => projectImports(f, ['fixed', 'dynamic', 'types']).filter((to) => to.startsWith('utils/db/search/')).map((to) => `${f} -> ${to}`));
    expect(found).toEqual([]);
    expect(projectImports('utils/sidebar/search-marks.ts', ['fixed'])).toContain('utils/search/query.ts');
  });
});
