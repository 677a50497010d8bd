import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Reading the project's import graph from the sources (TypeScript's parser, no bundler): the
// page-load tests and the layout conventions walk it.

export const ROOT = path.resolve('.');

/** The file an import specifier (relative or `@/`) names, or undefined for a package. */
export function resolveFile(spec: string, from: string): string | undefined {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return undefined;
}

export interface Imports {
  /** Static value imports and re-exports (what runs when the file loads). */
  fixed: string[];
  /** import() calls. */
  dynamic: string[];
  /** `import type` and imports of types only. */
  types: string[];
}

/** The module specifiers a file imports, by kind. */
export function importsOf(file: string): Imports {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Imports = { fixed: [], dynamic: [], types: [] };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes = clause?.isTypeOnly || (!!named && ts.isNamedImports(named) && !clause!.name && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      (onlyTypes ? out.types : out.fixed).push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const onlyTypes = node.isTypeOnly || (!!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      (onlyTypes ? out.types : out.fixed).push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.dynamic.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

/** Every .ts and .tsx file under `dir` (relative to the repository), tests' own declarations aside. */
export function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** The project files a file imports (relative to the repository), of the given kinds. */
export function projectImports(rel: string, kinds: ReadonlyArray<keyof Imports>): string[] {
  const file = path.join(ROOT, rel);
  const imports = importsOf(file);
  const out: string[] = [];
  for (const spec of kinds.flatMap((k) => imports[k])) {
    if (!spec.startsWith('.') && !spec.startsWith('@/')) continue;
    const f = resolveFile(spec, file);
    if (f) out.push(path.relative(ROOT, f));
  }
  return out;
}
