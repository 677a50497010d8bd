import { readFileSync } from 'node:fs';
import path from 'node:path';
import { browserDom, extractArticle, type Extraction } from '@/utils/reader/extract';
import { openNewsDb } from '@/utils/db/open';
import type { ReaderEnv } from '@/components/reader/reader-env';

const DIR = path.resolve(__dirname, '../../fixtures/reader');

export const page = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

/** Extract a fixture page as the sidebar does (DOMParser + the page's window; jsdom under Vitest). */
export function extractFixture(name: string, url = `https://news.harbour.example/2026/11/${name.replace('.html', '')}`): Extraction {
  return extractArticle(page(name), url, browserDom());
}

/** A reader's browser for tests: a database of its own, online, every site allowed; `over` replaces what a test looks at. */
export function readerEnv(over: Partial<ReaderEnv> = {}): ReaderEnv {
  return {
    db: () => openNewsDb(`reader-${Math.random()}`),
    fetchPage: async (url) => ({ url, html: '' }),
    canRead: async () => true,
    askToRead: async () => false,
    loadPrefs: async () => ({ fontStep: 1 }),
    savePrefs: async () => {},
    online: () => true,
    now: () => 1000,
    ...over,
  };
}
