// Bundle sizes per entrypoint of the built Chrome extension, raw and gzip.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, verdict, type Section } from './common';

const OUT = '.output/chrome-mv3';

/** The JS files an HTML entrypoint loads (its own chunk and the shared ones it imports). */
function scriptsOf(html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = fs.readFileSync(path.join(OUT, f), 'utf8');
    for (const m of src.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) queue.push(path.join(path.dirname(f), m[1] ?? m[2]));
  }
  return [...seen];
}

/** Raw and gzip -9 bytes of some of the build's files. */
export function jsSize(files: string[]) {
  const buf = Buffer.concat(files.map((f) => fs.readFileSync(path.join(OUT, f))));
  return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
}

export function benchBundle(): Section {
  const entries: Array<[string, string[]]> = [
    ['background (service worker, on every wake)', ['background.js']],
    ['parsers (the worker imports them when a poll reads a body)', ['parsers.js']],
    ['sidebar (sidepanel.html)', scriptsOf(fs.readFileSync(path.join(OUT, 'sidepanel.html'), 'utf8'))],
    ['options (options.html)', scriptsOf(fs.readFileSync(path.join(OUT, 'options.html'), 'utf8'))],
  ];
  const rows = entries.map(([name, files]) => {
    const s = jsSize(files);
    const isSidebar = name.startsWith('sidebar');
    return {
      metric: name,
      value: `${fmt(s.raw / 1024, 1)} KB raw, ${fmt(s.gz / 1024, 1)} KB gzip`,
      target: isSidebar ? '<= 60 KB gzip' : undefined,
      verdict: isSidebar ? verdict(s.gz <= 60 * 1024) : undefined,
    };
  });
  return { title: 'Bundle sizes (chrome-mv3, JS an entrypoint loads, gzip -9)', rows };
}
