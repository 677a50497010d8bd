// The folder filter lists its sources' own reports (as a source's filter does, over several sources),
// so what it lists is what its count (its sources' counts summed) counts, also for a story whose row
// comes from a source outside the folder; "Mark all read" there reads them all and the counts follow.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@/utils/db/open';
import { type NewsDb } from '@/utils/db/schema';
import { addSource } from '@/utils/db/sources';
import { storePoll } from '@/utils/db/items';
import { loadCounts, loadPage, type Filter } from '@/utils/db/queries';
import { markAllRead } from '@/utils/db/read-state';
import { folderFilter, folderTree, unreadIn } from '@/utils/sidebar/folders';
import type { Source } from '@/utils/model';
import { expectCountersExact } from '../db/recount';
import { GROUPING_ON, otherReports, quakeReports } from '../../fixtures/stories/quake';

const NOW = Date.now();
const MIN = 60_000;
const ON = GROUPING_ON;
const QUAKE = quakeReports(NOW);
const [BUDGET, CUP] = otherReports(NOW);

let db: NewsDb;
let sources: Source[];

async function allPages(f: Filter, size: number): Promise<string[]> {
  const out: string[] = [];
  let page = await loadPage(db, f, undefined, size);
  for (let guard = 0; guard < 50; guard++) {
    out.push(...page.items.map((it) => it.title));
    if (!page.next) break;
    page = await loadPage(db, f, page.next, size);
  }
  return out;
}

beforeEach(async () => {
  resetDbForTests();
  db = await getDb();
  // The wire (no folder) reports first, so the story's row is its report; paper and TV are in "World".
  const wire = await addSource(db, { name: 'Wire', url: 'https://wire.example/rss' });
  const paper = await addSource(db, { name: 'Paper', url: 'https://paper.example/rss', folder: 'World' });
  const tv = await addSource(db, { name: 'TV', url: 'https://tv.example/rss', folder: 'World' });
  await storePoll(db, wire, [QUAKE[0]!, BUDGET], NOW, ON, {});
  await storePoll(db, paper, [QUAKE[1]!, CUP], NOW + MIN, ON, {});
  await storePoll(db, tv, [QUAKE[2]!], NOW + 2 * MIN, ON, {});
  sources = [wire, paper, tv];
});

describe('the folder filter and its count', () => {
  it('lists the folder\'s reports of a story whose row is from a source outside it, as many as it counts', async () => {
    const world = folderFilter(sources, 'World');
    const rows = await allPages(world, 50);
    expect(rows).toEqual([QUAKE[2]!.title, CUP.title, QUAKE[1]!.title]);
    const counts = await loadCounts(db, sources.map((s) => s.id), []);
    const node = folderTree(sources).folders[0]!;
    expect(unreadIn(node.all, counts.sources)).toBe(rows.length);
    // At any page size, once each, newest first.
    for (const size of [1, 2]) expect(await allPages(world, size)).toEqual(rows);
    // All: the story once.
    expect(await allPages({ kind: 'all' }, 50)).toEqual([CUP.title, BUDGET.title, QUAKE[0]!.title]);
  });

  it('"Mark all read" in the folder reads its reports (and the story\'s row): its count is 0', async () => {
    const n = await markAllRead(db, folderFilter(sources, 'World'));
    expect(n).toBe(3);
    const counts = await loadCounts(db, sources.map((s) => s.id), []);
    expect(unreadIn(folderTree(sources).folders[0]!.all, counts.sources)).toBe(0);
    expect(counts.sources[sources[0]!.id]).toBe(1);
    expect(counts.unread).toBe(1);
    await expectCountersExact(db, { all: 5 });
  });
});

describe('folderTree', () => {
  const s = (id: string, name: string, folder?: string) => ({ id, name, folder }) as Source;
  it('nests "Outer / Inner", sorts by name, keeps sources in no folder apart', () => {
    const list = [s('a', 'Zeta', 'World / Europe'), s('b', 'Alpha', 'World'), s('c', 'Loose'), s('d', 'Beta', 'Tech'), s('e', 'Gamma', 'Arts / Film')];
    const tree = folderTree(list);
    const shape = (n: ReturnType<typeof folderTree>['folders'][number]): unknown => [n.path, n.name, n.sources.map((x) => x.id), n.all.map((x) => x.id).sort(), n.folders.map(shape)];
    expect(tree.folders.map(shape)).toEqual([
      ['Arts', 'Arts', [], ['e'], [['Arts / Film', 'Film', ['e'], ['e'], []]]],
      ['Tech', 'Tech', ['d'], ['d'], []],
      ['World', 'World', ['b'], ['a', 'b'], [['World / Europe', 'Europe', ['a'], ['a'], []]]],
    ]);
    expect(tree.loose.map((x) => x.id)).toEqual(['c']);
    expect(folderFilter(list, 'World')).toEqual({ kind: 'folder', id: 'World', sourceIds: ['a', 'b'] });
    // "World Cup" is not inside "World".
    expect(folderFilter([...list, s('f', 'Cup', 'World Cup')], 'World')).toEqual({ kind: 'folder', id: 'World', sourceIds: ['a', 'b'] });
    expect(folderFilter(list, 'Gone')).toEqual({ kind: 'all' });
  });
});
