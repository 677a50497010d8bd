// The parsers (feedsmith with its XML parser, htmlparser2 for live pages) are most of the worker's
// code, and most wakes parse nothing. In Chrome they are a script of their own (/parsers.js,
// entrypoints/parsers) that the worker imports when the first body of a poll is read. A service worker
// may importScripts() after its installation only what it imported while installing, so the install
// handler imports it once. Firefox's background is a page that stays up: there the parsers are bundled.
import type { ParseBody } from '@/utils/sources/parse-body';

export const PARSERS_GLOBAL = '__newsbarParsers';
const PARSERS_SCRIPT = '/parsers.js';

export interface ParsersScript {
  parseSourceBody: ParseBody;
}

type WorkerScope = typeof globalThis & { importScripts(...urls: string[]): void } & Record<string, ParsersScript | undefined>;

function importParsers(): ParsersScript {
  const scope = globalThis as WorkerScope;
  if (!scope[PARSERS_GLOBAL]) scope.importScripts(PARSERS_SCRIPT);
  const loaded = scope[PARSERS_GLOBAL];
  if (!loaded) throw new Error(`${PARSERS_SCRIPT} did not register the parsers`);
  return loaded;
}

/** Registers the install-time import (Chrome); call synchronously at the worker's start. */
export function importParsersOnInstall(): void {
  if (import.meta.env.FIREFOX) return;
  globalThis.addEventListener('install', () => {
    try {
      importParsers();
    } catch (e) {
      // A poll reports the same failure on the source when it needs the parsers.
      console.error('Newsbar: the parsers could not be loaded', e);
    }
  });
}

/** parseSourceBody, loaded on first use. */
export const parseInWorker: ParseBody = async (...args) => {
  if (import.meta.env.FIREFOX) return (await import('@/utils/sources/parse-body')).parseSourceBody(...args);
  return importParsers().parseSourceBody(...args);
};
