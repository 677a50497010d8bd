import path from 'node:path';
import { importsOf, resolveFile, ROOT } from './import-graph';

// What the options page and the sidebar load before their first paint: the static import graph of
// their entry (value imports and re-exports; `import type` and `import()` are not followed). The feed
// parser, the OPML writer and the HTML readers load with import() when the user needs them
// (components/options/later.ts, the sidebar's welcome, the reader); a static import of one of them
// would put it back into every opening of the page (docs/PERFORMANCE.md).

interface Graph {
  /** App files reached, relative to the repository. */
  files: Set<string>;
  /** npm packages imported from those files. */
  packages: Set<string>;
}

function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Everything `entry` loads up front; with `followDynamic`, also what it may load later. */
function graphOf(entry: string, followDynamic = false): Graph {
  const g: Graph = { files: new Set(), packages: new Set() };
  const todo = [path.join(ROOT, entry)];
  while (todo.length) {
    const file = todo.pop()!;
    const rel = path.relative(ROOT, file);
    if (g.files.has(rel)) continue;
    g.files.add(rel);
    const { fixed, dynamic } = importsOf(file);
    for (const spec of followDynamic ? [...fixed, ...dynamic] : fixed) {
      if (/\.(css|json|svg|png)$/.test(spec) || spec.startsWith('wxt/')) continue;
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const f = resolveFile(spec, file);
        if (!f) throw new Error(`${rel}: cannot resolve ${spec}`);
        todo.push(f);
      } else g.packages.add(packageOf(spec));
    }
  }
  return g;
}

/** Parsers and writers a page may load only when the user asks for what they do. */
const LATER_PACKAGES = ['feedsmith', 'fast-xml-parser', 'htmlparser2', 'domhandler', '@mozilla/readability', 'dompurify'];
const LATER_FILES = ['utils/sources/index.ts', 'utils/sources/feed.ts', 'utils/opml.ts', 'utils/settings-io.ts', 'utils/inspect-source.ts', 'utils/sanitize.ts'];

describe.each(['entrypoints/options/main.tsx', 'entrypoints/sidepanel/main.tsx'])('the first load of %s', (entry) => {
  it('holds no feed parser, OPML writer or HTML reader', () => {
    const g = graphOf(entry);
    expect(g.files.size).toBeGreaterThan(20);
    expect(g.packages).toContain('preact');
    expect(LATER_PACKAGES.filter((p) => g.packages.has(p))).toEqual([]);
    expect(LATER_FILES.filter((f) => g.files.has(f))).toEqual([]);
  });

  it('still reaches them when they are needed (through import())', () => {
    const g = graphOf(entry, true);
    expect(g.packages).toContain('feedsmith');
    expect(g.files).toContain('utils/inspect-source.ts');
  });
});

// The worker: Chrome's imports the parsers as a script of their own when a poll reads a body
// (entrypoints/background/parsers.ts); Firefox's bundles them through import().
describe('the first load of the worker', () => {
  it('holds no feed parser or HTML reader', () => {
    const g = graphOf('entrypoints/background/index.ts');
    expect(g.files).toContain('utils/poller/poll.ts');
    expect(g.packages).toContain('idb');
    expect(LATER_PACKAGES.filter((p) => g.packages.has(p))).toEqual([]);
    expect(['utils/sources/index.ts', 'utils/sources/parse-body.ts', 'utils/sources/feed.ts'].filter((f) => g.files.has(f))).toEqual([]);
  });

  it('reaches them in the parsers script and through import()', () => {
    expect([...graphOf('entrypoints/parsers/index.ts').packages]).toEqual(expect.arrayContaining(['feedsmith', 'htmlparser2']));
    expect(graphOf('entrypoints/background/index.ts', true).packages).toContain('feedsmith');
  });
});

// The English messages are the fallback of tests and scripts only: browser.i18n has them in the extension.
describe.each(['entrypoints/options/main.tsx', 'entrypoints/sidepanel/main.tsx', 'entrypoints/background/index.ts', 'entrypoints/parsers/index.ts'])('%s', (entry) => {
  it('never loads the English messages as code', () => {
    expect(graphOf(entry, true).files).not.toContain('utils/i18n-english.ts');
  });
});

describe('the graph walker', () => {
  it('follows a static import of the feed parser (it would catch one coming back)', () => {
    const g = graphOf('utils/origins.ts');
    expect(g.files).toContain('utils/sources/api-kinds.ts');
    expect(graphOf('utils/sources/parse-body.ts').packages).toContain('feedsmith');
    expect(graphOf('utils/i18n-english.ts').files).toContain('utils/i18n.ts');
  });
});
