import { readFileSync } from 'node:fs';
import path from 'node:path';
import { browserDom, extractArticle, type Extraction } from '@/utils/reader/extract';

const DIR = path.resolve(__dirname, '../../fixtures/reader');

export const page = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

/** Extract a fixture page as the sidebar does (DOMParser + the page's window; jsdom under Vitest). */
export function extractFixture(name: string, url = `https://news.harbour.example/2026/11/${name.replace('.html', '')}`): Extraction {
  return extractArticle(page(name), url, browserDom());
}
