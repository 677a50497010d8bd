// npm run read -- <page.html|url> [--url URL]
// Extracts the article from a page the way Newsbar's reader does (Readability plus Newsbar's rules,
// then the one sanitizer) and prints {title, byline, published, leadImage, html, text} as JSON.
// On failure: a clear message on stderr and exit code 1. `--url` gives a saved file its address,
// so its relative links resolve.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import '../utils/i18n-english';
import { decodePage } from '../utils/net/decode';
import { pageProblemText } from '../utils/problem-text';
import { problemOf } from '../utils/problems';
import { extractArticle, type NoArticleReason, type ReaderDom } from '../utils/reader/extract';
import { fetchPage } from '../utils/reader/fetch-page';

const USAGE = 'usage: npm run read -- <page.html|url> [--url URL]';

const REASONS: Record<NoArticleReason, string> = {
  none: 'no article found on this page',
  live: 'no article found on this page: it is a live page (a stream of updates)',
  video: 'no article found on this page: it is a video page',
  paywall: 'no article found on this page: the text is behind a paywall',
};

function fail(message: string): never {
  process.stderr.write(`read: ${message}\n`);
  process.exit(1);
}

function jsdomReader(): ReaderDom {
  const win = new JSDOM('').window as unknown as Window & typeof globalThis;
  // jsdom neither runs the page's scripts nor loads its resources unless asked to.
  return { parse: (html, url) => new JSDOM(html, { url }).window.document, win };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let target: string | undefined;
  let pageUrl: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (a === '--url' || a.startsWith('--url=')) pageUrl = a.includes('=') ? a.slice(6) : args[++i];
    else if (!target) target = a;
    else fail(`unexpected argument "${a}"\n${USAGE}`);
  }
  if (!target) fail(USAGE);

  let html: string;
  let url: string;
  if (/^https?:\/\//i.test(target)) {
    try {
      ({ html, url } = await fetchPage(target));
    } catch (e) {
      fail(`${target}: ${pageProblemText(problemOf(e))}`);
    }
  } else {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(target));
    } catch (e) {
      fail(`cannot read ${target}: ${e instanceof Error ? e.message : String(e)}`);
    }
    html = decodePage(bytes, '');
    // A saved page usually names its own address; links then resolve as they did on the site.
    const own = /<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)/i.exec(html);
    url = pageUrl ?? (own && /^https?:/i.test(own[1] ?? own[2]) ? own[1] ?? own[2] : pathToFileURL(path.resolve(target)).href);
  }
  const r = extractArticle(html, url, jsdomReader());
  if (!r.ok) fail(`${target}: ${REASONS[r.reason]}`);
  const { title, byline, published, leadImage, html: body, text } = r.article;
  process.stdout.write(JSON.stringify({ title, byline, published, leadImage, html: body, text }, null, 2) + '\n');
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
