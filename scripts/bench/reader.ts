// The reader's benchmarks: "Read here" to the article's text painted for a 300 KB page from the local
// server (cold: the reader's first load; warm: later articles), against the floor of fetching and
// parsing the same page in the same sidebar page; and the JS the reader adds, loaded on first use only.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Extension } from '../../tests/e2e/harness';
import type { NewsServer } from '../news-server/server';
import { fmt, median, ms, verdict, type Section } from './common';

const OUT = '.output/chrome-mv3';

/** JS files reachable from `start` through static imports. */
function closure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !fs.existsSync(path.join(OUT, f))) continue;
    seen.add(f);
    const src = fs.readFileSync(path.join(OUT, f), 'utf8');
    for (const m of src.matchAll(/from\s*["`]\.\/([^"`]+\.js)["`]|import\s*["`]\.\/([^"`]+\.js)["`]/g)) queue.push(path.join(path.dirname(f), m[1] ?? m[2]));
  }
  return seen;
}

function gz(files: string[]): { raw: number; gz: number } {
  const buf = Buffer.concat(files.map((f) => fs.readFileSync(path.join(OUT, f))));
  return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
}

/** What the first "Read here" loads on top of what the sidebar has already loaded. */
export function readerBundle(): { added: { raw: number; gz: number }; css: { raw: number; gz: number }; firstPaintHasReadability: boolean } {
  const html = fs.readFileSync(path.join(OUT, 'sidepanel.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const first = closure(entry);
  const firstSrc = [...first].map((f) => fs.readFileSync(path.join(OUT, f), 'utf8')).join('\n');
  // The sanitizer is fetched right after the first paint anyway (an opened article needs it).
  const dynamic = [...firstSrc.matchAll(/import\(["`]\.\/([^"`]+\.js)["`]\)/g)].map((m) => path.join('chunks', m[1]));
  const sanitizer = dynamic.filter((f) => /sanitize/.test(f));
  const reader = dynamic.filter((f) => /reader/.test(f));
  const before = new Set([...first, ...closure(sanitizer)]);
  const added = [...closure(reader)].filter((f) => !before.has(f));
  const css = fs.readdirSync(path.join(OUT, 'assets')).filter((f) => /^reader-.*\.css$/.test(f)).map((f) => path.join('assets', f));
  return { added: gz(added), css: gz(css), firstPaintHasReadability: /_grabArticle|Readability/.test(firstSrc) };
}

export async function benchReader(ext: Extension, srv: NewsServer, runs: number): Promise<Section> {
  const n = runs + 1;
  const items = Array.from({ length: n }, (_, i) => `<item><guid>big-${i}</guid><title>Big page ${i}</title><link>${srv.origin}/demo/big/harbour-bridge?run=${i}</link><description>Run ${i}</description><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate></item>`).join('');
  srv.route('/bench/reader.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Reader bench</title>${items}</channel></rss>` });
  await ext.bg(async (url: string) => {
    const nb = (globalThis as any).newsbar;
    await nb.addSource({ name: 'Reader bench', url });
    await nb.pollNow();
  }, srv.url('/bench/reader.xml'));
  const page = await ext.page('sidepanel.html');
  await page.waitForSelector('.list > li');
  const bytes = (await (await fetch(srv.url('/demo/big/harbour-bridge'))).arrayBuffer()).byteLength;

  /** Clicks "Read here" on item i and resolves when the article's text has painted. */
  const readOnce = (i: number) =>
    page.evaluate(async (title: string) => {
      const row = [...document.querySelectorAll('.list > li')].find((li) => li.textContent?.includes(title))!;
      (row.querySelector('.title-btn') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 50));
      const btn = row.querySelector('.read-here') as HTMLButtonElement;
      const t0 = performance.now();
      btn.click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('.reader-content p') ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const dt = performance.now() - t0;
      (document.querySelector('.reader-back') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 100));
      return dt;
    }, `Big page ${i}`);

  /** The floor: the same page fetched and parsed (DOMParser) in the same sidebar page, then a frame. */
  const floorOnce = (i: number) =>
    page.evaluate(async (url: string) => {
      const t0 = performance.now();
      const html = await (await fetch(url, { credentials: 'omit' })).text();
      new DOMParser().parseFromString(html, 'text/html');
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return performance.now() - t0;
    }, `${srv.origin}/demo/big/harbour-bridge?floor=${i}`);

  const cold = await readOnce(0);
  const warm: number[] = [];
  const floor: number[] = [];
  for (let i = 1; i < n; i++) {
    floor.push(await floorOnce(i));
    warm.push(await readOnce(i));
  }
  await page.close();
  const w = median(warm);
  const f = median(floor);
  const b = readerBundle();
  return {
    title: `Reader: "Read here" to text painted (${fmt(bytes / 1024)} KB page from the local server), and the JS it adds`,
    rows: [
      { metric: 'Read here -> text painted, warm (median)', value: ms(w), baseline: `${ms(f)} fetch + DOMParser + frame`, ratio: `${(w / f).toFixed(1)}x`, target: '<= 500 ms', verdict: verdict(w <= 500) },
      { metric: 'Read here -> text painted, first use (loads the reader)', value: ms(cold), baseline: ms(f), ratio: `${(cold / f).toFixed(1)}x`, target: '<= 1000 ms', verdict: verdict(cold <= 1000) },
      { metric: 'JS the reader adds on first use', value: `${fmt(b.added.raw / 1024, 1)} KB raw, ${fmt(b.added.gz / 1024, 1)} KB gzip (+ ${fmt(b.css.gz / 1024, 1)} KB CSS gzip)` },
      { metric: "Readability in the sidebar's first-paint JS", value: b.firstPaintHasReadability ? 'yes' : 'no', target: 'no', verdict: verdict(!b.firstPaintHasReadability) },
    ],
    notes: ['The warm runs read different articles (no offline copy yet), so each fetches and extracts the whole page.'],
  };
}
