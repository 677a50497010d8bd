// A source's folder is one string; a nested one is written "Outer / Inner" (as OPML import files it).
// Kept apart from utils/opml.ts so the sidebar reads it without the OPML parser.

export const FOLDER_SEPARATOR = ' / ';

/** The folder path's names, outermost first. */
export const folderNames = (path: string): string[] => path.split(FOLDER_SEPARATOR);

/** Is `folder` the folder `path` or a folder inside it? */
export const isInFolder = (folder: string | undefined, path: string): boolean =>
  folder !== undefined && (folder === path || folder.startsWith(path + FOLDER_SEPARATOR));
