// Puts the code the extension's pages load at start into one chunk per set of pages that needs it,
// instead of the 15 small shared chunks automatic splitting makes: Chromium serves each of an
// extension's files in ~30-40 ms, side by side but not for free, so the sidebar's first article came
// ~30 ms later with 16 files than with a few (docs/PERFORMANCE.md, "The first page of the sidebar").
// What only a dynamic import needs (the reader, DOMPurify, the options page's importers) still loads
// when first used.
import type { Plugin } from 'vite';

/** The HTML pages whose start-up code is grouped (entrypoints/<name>/index.html). */
const PAGES = ['sidepanel', 'options'];

const pageOf = (id: string): string | undefined => PAGES.find((p) => /[/\\]entrypoints[/\\]([^/\\]+)[/\\]index\.html$/.exec(id)?.[1] === p);

/** Which pages reach each module by static imports alone, from the modules' static imports. */
export function pagesReaching(imports: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const reach = new Map<string, Set<string>>();
  for (const root of imports.keys()) {
    const page = pageOf(root);
    if (!page) continue;
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      const set = reach.get(id) ?? new Set<string>();
      if (set.has(page)) continue;
      set.add(page);
      reach.set(id, set);
      stack.push(...(imports.get(id) ?? []));
    }
  }
  return new Map([...reach].map(([id, s]) => [id, PAGES.filter((p) => s.has(p))]));
}

/**
 * The plugin (it records the static imports) and the code-splitting groups that read them: what both
 * pages need at start goes to "pages-initial", what one page alone needs to "<page>-initial". The
 * shared group comes first: a group takes its modules' imports along, and the shared ones' imports
 * are all shared.
 */
export function pageChunks(): { plugin: Plugin; groups: Array<{ name: string; test: (id: string) => boolean; priority: number }> } {
  const imports = new Map<string, readonly string[]>();
  let reach: Map<string, string[]> | undefined;
  const plugin: Plugin = {
    name: 'newsbar-page-chunks',
    buildStart() {
      imports.clear();
      reach = undefined;
      entries = undefined;
    },
    moduleParsed(info) {
      imports.set(info.id, info.importedIds);
    },
  };
  let entries: Set<string> | undefined;
  const pagesOf = (id: string): string[] => {
    reach ??= pagesReaching(imports);
    // A page's own modules (its HTML and the scripts it names) stay in its entry chunk: in a shared
    // chunk, another page importing that chunk (through a dynamic import) would run them. (Vite's and
    // WXT's virtual helpers it also imports are shared like any module.)
    entries ??= new Set([...imports].filter(([root]) => pageOf(root)).flatMap(([root, ids]) => [root, ...ids.filter((i) => !i.startsWith('\0'))]));
    return entries.has(id) ? [] : (reach.get(id) ?? []);
  };
  return {
    plugin,
    groups: [
      { name: 'pages-initial', test: (id) => pagesOf(id).length > 1, priority: PAGES.length + 1 },
      ...PAGES.map((page, i) => ({ name: `${page}-initial`, test: (id: string) => pagesOf(id).join() === page, priority: PAGES.length - i })),
    ],
  };
}
