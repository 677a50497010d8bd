// Which pages reach a module by static imports: what decides the start-up chunk it goes to.
import { pageChunks, pagesReaching } from '../../../scripts/build/page-chunks';

const SIDE = '/x/entrypoints/sidepanel/index.html';
const OPTS = '/x/entrypoints/options/index.html';

describe('page chunks', () => {
  const imports = new Map<string, string[]>([
    [SIDE, ['/x/entrypoints/sidepanel/main.tsx']],
    [OPTS, ['/x/entrypoints/options/main.tsx']],
    ['/x/entrypoints/sidepanel/main.tsx', ['/x/App.tsx', '/x/preact.mjs']],
    ['/x/entrypoints/options/main.tsx', ['/x/Options.tsx', '/x/preact.mjs']],
    ['/x/App.tsx', ['/x/db.ts']],
    ['/x/Options.tsx', ['/x/db.ts']],
    ['/x/db.ts', ['/x/idb.js']],
    // Only imported dynamically (not in importedIds): reached by no page.
    ['/x/reader.ts', ['/x/preact.mjs']],
  ]);

  it('follows static imports from each page', () => {
    const reach = pagesReaching(imports);
    expect(reach.get('/x/App.tsx')).toEqual(['sidepanel']);
    expect(reach.get('/x/Options.tsx')).toEqual(['options']);
    expect(reach.get('/x/idb.js')).toEqual(['sidepanel', 'options']);
    expect(reach.get('/x/reader.ts')).toBeUndefined();
  });

  it('groups the shared start-up code, then each page\'s own, and leaves the rest to automatic splitting', () => {
    const { plugin, groups } = pageChunks();
    (plugin.buildStart as () => void)();
    for (const [id, importedIds] of imports) (plugin.moduleParsed as (i: object) => void)({ id, importedIds });
    const groupOf = (id: string) => [...groups].sort((a, b) => b.priority - a.priority).find((g) => g.test(id))?.name;
    expect(groupOf('/x/idb.js')).toBe('pages-initial');
    expect(groupOf('/x/App.tsx')).toBe('sidepanel-initial');
    expect(groupOf('/x/Options.tsx')).toBe('options-initial');
    expect(groupOf('/x/reader.ts')).toBeUndefined();
    // The pages' HTML and the scripts they name stay in their own entry chunks.
    expect(groupOf(SIDE)).toBeUndefined();
    expect(groupOf('/x/entrypoints/sidepanel/main.tsx')).toBeUndefined();
  });
});
