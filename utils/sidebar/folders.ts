// The sidebar's folder list: the sources' folders as a tree (nested folders are "Outer / Inner"), each
// with the sources filed directly in it; the filter a folder stands for and its unread count.
import type { Source } from '../model';
import type { Filter } from '../db/queries';
import { folderNames, FOLDER_SEPARATOR, isInFolder } from '../folder-path';

export interface FolderNode {
  /** The folder's full name ("World / Europe"): its filter's id. */
  path: string;
  /** Its own name ("Europe"). */
  name: string;
  /** The folders inside it, by name. */
  folders: FolderNode[];
  /** The sources filed directly in it, by name. */
  sources: Source[];
  /** Its sources and those of every folder inside it: what its filter lists and its count counts. */
  all: Source[];
}

export interface FolderTree {
  folders: FolderNode[];
  /** Sources in no folder, by name. */
  loose: Source[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The folders of these sources, outermost first, each folder's folders and sources by name. */
export function folderTree(sources: readonly Source[]): FolderTree {
  const root: FolderNode = { path: '', name: '', folders: [], sources: [], all: [] };
  const nodes = new Map<string, FolderNode>();
  const loose: Source[] = [];
  const nodeOf = (names: string[]): FolderNode => {
    let at = root;
    names.forEach((name, i) => {
      const path = names.slice(0, i + 1).join(FOLDER_SEPARATOR);
      let n = nodes.get(path);
      if (!n) {
        n = { path, name, folders: [], sources: [], all: [] };
        nodes.set(path, n);
        at.folders.push(n);
      }
      at = n;
    });
    return at;
  };
  for (const s of sources) {
    if (!s.folder) {
      loose.push(s);
      continue;
    }
    const names = folderNames(s.folder);
    nodeOf(names).sources.push(s);
    // A source counts in its folder and in every folder around it.
    for (let i = 1; i <= names.length; i++) nodes.get(names.slice(0, i).join(FOLDER_SEPARATOR))!.all.push(s);
  }
  const sort = (n: FolderNode) => {
    n.folders.sort(byName);
    n.sources.sort(byName);
    n.folders.forEach(sort);
  };
  sort(root);
  return { folders: root.folders, loose: loose.sort(byName) };
}

/** The filter of a folder (its sources and those of the folders inside it), or All when it holds none. */
export function folderFilter(sources: readonly Source[], path: string): Filter {
  const ids = sources.filter((s) => isInFolder(s.folder, path)).map((s) => s.id);
  return ids.length ? { kind: 'folder', id: path, sourceIds: ids } : { kind: 'all' };
}

/**
 * Unread in these sources: their counts summed. A source's count counts its own reports (folded into a
 * story or not), as its filter lists them, and so does a folder's filter.
 */
export const unreadIn = (sources: readonly Source[], counts: Readonly<Record<string, number>> | undefined): number =>
  sources.reduce((n, s) => n + (counts?.[s.id] ?? 0), 0);
