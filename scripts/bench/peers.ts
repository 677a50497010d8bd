// Beside the peers: the peer benchmark's headline (Newsbar / Brook and Newsbar / WebFeed, same
// Chromium, runs interleaved), run from here. The peer scripts and builds live outside this repository
// (PEER_BENCH_DIR, default ../shared/peer-bench next to the checkout); they load
// NB_DIR/.output/chrome-mv3, which is the store build without 127.0.0.1 access, so a temporary folder
// gets a copy of the e2e build under that name. `npm run bench:peers`; PEER_RUNS (1), PEER_FEEDS (200),
// PEER_ITEMS (50), PEERS (brook,webfeed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fmt, type Row, type Section } from './common';
import { wakeRow, webfeedDir } from './wake';

interface Spread { med: number; min: number; max: number; n: number }
type Summary = Record<string, { newsbar?: Spread | number; brook?: Spread | number; peer?: Spread | number; ratio?: number; pairedRatio?: Spread }>;

function peerBenchDir(): string | undefined {
  const tries = [process.env.PEER_BENCH_DIR, '../shared/peer-bench', '../../shared/peer-bench'].filter((d): d is string => !!d).map((d) => path.resolve(d));
  return tries.find((d) => fs.existsSync(path.join(d, 'peer-bench.mjs')));
}

/** A folder the peer scripts accept as NB_DIR: this checkout's packages and its e2e build as chrome-mv3. */
function nbDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-peers-'));
  fs.cpSync('.output/chrome-mv3-e2e', path.join(dir, '.output/chrome-mv3'), { recursive: true });
  fs.copyFileSync('package.json', path.join(dir, 'package.json'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const med = (s: Spread | number | undefined) => (typeof s === 'number' ? s : s?.med ?? NaN);

function rows(peer: string, s: Summary, items: number): Row[] {
  const side = (k: string) => s[k]?.[peer === 'Brook' ? 'brook' : 'peer'];
  const row = (metric: string, k: string, unit: (x: number) => string, target?: string): Row => ({
    metric: `${metric} (Newsbar / ${peer})`,
    value: unit(med(s[k]?.newsbar)),
    baseline: `${unit(med(side(k)))} (${peer})`,
    ratio: Number.isFinite(s[k]?.ratio) ? s[k]!.ratio!.toFixed(2) : 'n/a',
    target,
  });
  const msU = (x: number) => `${fmt(x)} ms`;
  const sU = (x: number) => `${fmt(x, 2)} s`;
  return [
    row('refresh -> all items stored', 'ingestMs', msU, '<= 1.0'),
    row('ingest CPU, whole browser', 'ingestCpuTotal', sU, '<= 1.5'),
    row('stored bytes per item', 'storedBytes', (x) => `${fmt(x / items)} B`, '<= 1 KB'),
    row('re-poll, all 304: refresh -> last answer', 'repollNetLastResponseMs', msU, '<= 1.0'),
    row('re-poll CPU, whole browser', 'repollCpuTotal', sU),
    row('side panel open -> first article', 'sidebarMs', msU, '< 1.0'),
    row('worker heap peak during ingest', 'heapPeakMb', (x) => `${fmt(x, 1)} MB`),
    row('worker JS (gzip)', 'size.background', (x) => `${fmt(x / 1024, 1)} KB`),
  ];
}

export async function benchPeers(): Promise<Section> {
  const dir = peerBenchDir();
  if (!dir) throw new Error('the peer benchmark was not found: set PEER_BENCH_DIR to the folder holding peer-bench.mjs');
  const runs = process.env.PEER_RUNS ?? '1';
  const feeds = Number(process.env.PEER_FEEDS ?? 200);
  const items = Number(process.env.PEER_ITEMS ?? 50);
  const which = (process.env.PEERS ?? 'brook,webfeed').split(',');
  const nb = nbDir();
  const out: Row[] = [];
  const notes: string[] = [];
  try {
    for (const [name, script, peer] of [['brook', 'peer-bench.mjs', 'Brook'], ['webfeed', 'webfeed-bench.mjs', 'WebFeed']] as const) {
      if (!which.includes(name)) continue;
      const json = path.join(nb, `${name}.json`);
      const env = { ...process.env, NB_DIR: nb, RUNS: runs, FEEDS: String(feeds), ITEMS: String(items), OUT_JSON: json };
      execFileSync(process.execPath, [path.join(dir, script)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      const { summary, meta } = JSON.parse(fs.readFileSync(json, 'utf8')) as { summary: Summary & { errors?: string[] }; meta: { loadavg: number[] } };
      out.push(...rows(peer, summary, feeds * items));
      notes.push(`${peer}: \`NB_DIR=<copy of .output/chrome-mv3-e2e as .output/chrome-mv3> RUNS=${runs} FEEDS=${feeds} ITEMS=${items} node ${path.join(dir, script)}\`; load average at the start ${meta.loadavg.map((x) => x.toFixed(1)).join(' / ')}${summary.errors?.length ? `; errors: ${summary.errors.join('; ')}` : ''}.`);
    }
    if (which.includes('webfeed')) {
      const webfeed = webfeedDir(dir);
      if (webfeed) out.push(await wakeRow(path.join(nb, '.output/chrome-mv3'), webfeed, Number(runs) + 2));
      notes.push('Worker wake: scripts/bench/wake.ts (DevTools ServiceWorker.startWorker until the worker runs; 5 wakes per browser, browsers interleaved Newsbar / WebFeed).');
    }
  } finally {
    fs.rmSync(nb, { recursive: true, force: true });
  }
  return { title: `Beside the peers: ${feeds} feeds x ${items} items (ratios Newsbar / peer, below 1 = Newsbar cheaper)`, rows: out, notes };
}
