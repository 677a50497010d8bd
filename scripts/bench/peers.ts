// Beside the peers (`npm run bench:peers`): Newsbar against Brook and WebFeed in the same Chromium,
// each run in a fresh profile against one local feed server, in pairs whose order alternates
// (Newsbar first, then the peer first, ...), so a noisy spell or a warm cache favours neither.
// Every row is the median of the per-pair ratios with their spread, and its verdict holds only when
// the worst pair meets the goal, or when a quiet run and a loaded run (a CPU hog of our own beside
// the browser) both do (scripts/bench/peers/paired.ts).
// Env: PEER_PAIRS (5), PEER_FEEDS (200), PEER_ITEMS (50), PEERS (brook,webfeed), PEER_LOAD
// (quiet | loaded | both, default both), PEER_HOGS (busy processes in the loaded run, 1),
// PEER_JSON (raw runs, default test-results/peer-bench.json), PEER_WITH (an earlier run's raw JSON
// of the other kind, to judge both together), PEER_HEAP_EVERY_MS (the heap peak's sampling, 250).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fmt, type Row, type Section } from './common';
import { wakeRow, webfeedDir } from './wake';
import { brook, newsbar, webfeed, type Adapter } from './peers/adapters';
import { startFeedServer } from './peers/feed-server';
import { storedRows } from './store-size';
import { runOne, type RunResult } from './peers/run-one';
import { pairedRatios, spread, targetFor, verdict, type Metric, type Spread } from './peers/paired';

const ms = (x: number) => `${fmt(x)} ms`;
const sec = (x: number) => `${fmt(x, 2)} s`;
const mb = (x: number) => `${fmt(x, 1)} MB`;

export const METRICS: Metric[] = [
  { key: 'ingest', label: 'ingest: refresh -> all items stored', get: (r) => r.ingestMs, format: ms, target: 1 },
  { key: 'ingestCpu', label: 'ingest: CPU, whole browser (trigger -> done + 1 s)', get: (r) => r.ingestCpu?.total, format: sec, target: 1 },
  { key: 'ingestCpuExt', label: "ingest: CPU, the extension's renderer", get: (r) => r.ingestCpu?.ext, format: sec },
  { key: 'lastResponse', label: "ingest: refresh -> the server's last answer", get: (r) => r.ingestLastResponseMs, format: ms },
  { key: 'reading', label: 'reading view open -> first article', get: (r) => r.readingMs, format: (x) => `${fmt(x, 1)} ms`, target: 1 },
  { key: 'heapAfter', label: 'worker heap after the ingest (GC)', get: (r) => r.heapAfterMb, format: mb, target: 1 },
  // Goals kept from earlier runs, each against the peer it was measured beside.
  { key: 'heapPeak', label: 'worker heap peak during the ingest', get: (r) => r.heapPeakMb, format: mb, target: 1, targetPeer: 'brook' },
  // No goal: read in the running browser it is two-valued by whether the database's log has been
  // written out yet (and holds the worker's script cache); the goal is on storedRows' closed profiles.
  { key: 'stored', label: 'stored bytes (storage.estimate, read while running; Brook: storage.local in use)', get: (r) => r.storedBytes, format: (x) => `${fmt(x / 2 ** 20, 1)} MB` },
  { key: 'repoll', label: "re-poll, all 304: refresh -> the server's last answer", get: (r) => r.repollLastResponseMs, format: ms, target: 1 },
  { key: 'repollCpu', label: 're-poll: CPU, whole browser', get: (r) => r.repollCpu?.total, format: sec, target: 1 },
];

type Load = 'quiet' | 'loaded';

function peerDirs(): { brook?: string; webfeed?: string } {
  const tries = (rel: string) => [process.env.PEER_DIR && path.join(process.env.PEER_DIR, rel), path.join('../shared/peers', rel), path.join('../../shared/peers', rel)].filter((d): d is string => !!d).map((d) => path.resolve(d));
  return {
    brook: tries('brook/chrome').find((d) => fs.existsSync(path.join(d, 'manifest.json'))),
    webfeed: webfeedDir() ?? tries('webfeed/chrome').find((d) => fs.existsSync(path.join(d, 'manifest.json'))),
  };
}

/** Busy processes of our own beside the browser, for the loaded run. */
function cpuHogs(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

const log = (...a: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...a);

interface Condition {
  load: Load;
  loadavg: { start: number[]; end: number[] };
  runs: RunResult[];
}

async function runPairs(nb: Adapter & { dir: string }, peer: Adapter & { dir: string }, load: Load, pairs: number, feeds: number, items: number): Promise<Condition> {
  const hogs = load === 'loaded' ? cpuHogs(Number(process.env.PEER_HOGS ?? 1)) : [];
  const srv = await startFeedServer(feeds, items);
  const start = os.loadavg();
  const runs: RunResult[] = [];
  try {
    if (hogs.length) await new Promise((r) => setTimeout(r, 3000));
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? [nb, peer] : [peer, nb];
      for (const [i, a] of order.entries()) {
        const r = await runOne(a, srv, feeds, feeds * items, pair, i === 0);
        runs.push(r);
        log(`${load} ${peer.label} pair ${pair} ${a.label}: ingest ${fmt(r.ingestMs ?? NaN)} ms, last answer ${fmt(r.ingestLastResponseMs ?? NaN)} ms, CPU ${fmt(r.ingestCpu?.total ?? NaN, 2)} s, reading ${fmt(r.readingMs ?? NaN)} ms${r.saves ? `, saves at ${r.saves.join(' ')} ms` : ''}${r.error ? ` ERROR ${r.error.split('\n')[0]}` : ''}`);
      }
    }
  } finally {
    for (const h of hogs) h.kill();
    await srv.close();
  }
  return { load, loadavg: { start, end: os.loadavg() }, runs };
}

const medianOf = (runs: RunResult[], name: RunResult['name'], m: Metric) => spread(runs.filter((r) => r.name === name && !r.error).map((r) => m.get(r) ?? NaN)).med;
const range = (s: Spread) => (s.n ? `${s.med.toFixed(2)} (${s.min.toFixed(2)}-${s.max.toFixed(2)}, ${s.n} pairs)` : 'n/a');

function peerRows(peer: Adapter, conds: Condition[]): Row[] {
  const rows: Row[] = [];
  for (const m of METRICS) {
    const ratios = conds.map((c) => spread(pairedRatios(c.runs, peer.name, m.get)));
    for (const [i, c] of conds.entries()) {
      const other = conds.length > 1 ? ratios[1 - i] : undefined;
      rows.push({
        metric: `${m.label} (${c.load}, Newsbar / ${peer.label})`,
        value: m.format(medianOf(c.runs, 'newsbar', m)),
        baseline: `${m.format(medianOf(c.runs, peer.name, m))} (${peer.label})`,
        ratio: range(ratios[i]!),
        target: targetFor(m, peer.name) === undefined ? '' : `<= ${targetFor(m, peer.name)!.toFixed(1)}`,
        verdict: verdict(targetFor(m, peer.name), ratios[i]!, other),
      });
    }
  }
  return rows;
}

export async function benchPeers(): Promise<Section> {
  const pairs = Math.max(1, Number(process.env.PEER_PAIRS ?? 5));
  const feeds = Number(process.env.PEER_FEEDS ?? 200);
  const items = Number(process.env.PEER_ITEMS ?? 50);
  const which = (process.env.PEERS ?? 'brook,webfeed').split(',');
  const loads: Load[] = process.env.PEER_LOAD === 'quiet' || process.env.PEER_LOAD === 'loaded' ? [process.env.PEER_LOAD] : ['quiet', 'loaded'];
  const dirs = peerDirs();
  const nb = newsbar(path.resolve('.output/chrome-mv3-e2e'));
  const peers: Array<Adapter & { dir: string }> = [];
  for (const name of which) {
    if (name === 'brook' && dirs.brook) peers.push(brook(dirs.brook));
    else if (name === 'webfeed' && dirs.webfeed) peers.push(webfeed(dirs.webfeed, Number(process.env.WEBFEED_LIMIT ?? items)));
    else throw new Error(`the ${name} build was not found: set PEER_DIR to the folder holding brook/chrome and webfeed/chrome`);
  }
  const rows: Row[] = [];
  const notes: string[] = [];
  const raw: Record<string, Condition[]> = {};
  // An earlier run of the other kind (PEER_WITH: its raw JSON), so a quiet and a loaded run made
  // apart still give one verdict together.
  const earlier = process.env.PEER_WITH ? (JSON.parse(fs.readFileSync(process.env.PEER_WITH, 'utf8')) as { raw: Record<string, Condition[]> }).raw : {};
  for (const peer of peers) {
    const conds: Condition[] = [];
    for (const load of loads) conds.push(await runPairs(nb, peer, load, pairs, feeds, items));
    for (const c of earlier[peer.name] ?? []) if (!conds.some((x) => x.load === c.load)) conds.push(c);
    raw[peer.name] = conds;
    rows.push(...peerRows(peer, conds));
    for (const c of conds) notes.push(`${peer.label}, ${c.load}: load average ${c.loadavg.start.map((x) => x.toFixed(1)).join('/')} at the start, ${c.loadavg.end.map((x) => x.toFixed(1)).join('/')} at the end${c.runs.some((r) => r.error) ? `; failed runs: ${c.runs.filter((r) => r.error).map((r) => `${r.name} pair ${r.pair}: ${r.error!.split('\n')[0]}`).join('; ')}` : ''}.`);
  }
  if (peers.some((p) => p.name === 'webfeed')) {
    const srv = await startFeedServer(feeds, items);
    try {
      rows.push(...(await storedRows(nb.dir, dirs.webfeed!, Array.from({ length: feeds }, (_, i) => srv.feedUrl(i)), items, `${feeds} x ${items}`)));
    } finally {
      await srv.close();
    }
    notes.push("Stored bytes per item: scripts/bench/store-size.ts on the same feeds, each extension once in a fresh profile: the IndexedDB folder of the closed profile once compacted, less the same profile's before the feeds (one run: the figure repeats to the byte for a build), and after a restart before compacting (no goal: it moves with where LevelDB's last flush fell).");
    rows.push(await wakeRow(nb.dir, dirs.webfeed!, 3));
    notes.push('Worker wake: scripts/bench/wake.ts (DevTools ServiceWorker.startWorker until the worker runs; 5 wakes per browser, 3 browsers each, interleaved).');
  }
  const json = path.resolve(process.env.PEER_JSON ?? 'test-results/peer-bench.json');
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), pairs, feeds, items, raw }, null, 1));
  if (process.env.PEER_WITH) notes.push(`The ${loads.length > 1 ? '' : loads[0] === 'quiet' ? 'loaded' : 'quiet'} run's pairs come from ${process.env.PEER_WITH}.`);
  notes.unshift(`\`PEER_PAIRS=${pairs} PEER_LOAD=${loads.length > 1 ? 'both' : loads[0]} npm run bench:peers\` (scripts/bench/peers.ts): ${pairs} pairs per peer and kind of run, the order alternating; ratios are Newsbar / peer per pair, median (min-max). The loaded run has ${process.env.PEER_HOGS ?? 1} busy process(es) of its own beside the browser. Raw runs: ${path.relative(process.cwd(), json)}.`);
  return { title: `Beside the peers: ${feeds} feeds x ${items} items (ratios Newsbar / peer, below 1 = Newsbar cheaper)`, rows, notes };
}
