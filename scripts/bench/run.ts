// `npm run bench`: Newsbar's benchmarks in the real built extension in Chromium.
// Every number is a median of several runs and is compared with a baseline measured in the same run.
// Writes docs/BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import { execSync } from 'node:child_process';
import { launchExtension, type Extension } from '../../tests/e2e/harness';
import { seedItems } from './seed';
import { startNewsServer } from '../news-server/server';
import type { Section } from './common';
import { benchIngest } from './ingest';
import { benchBundle } from './bundle';
import { benchSidebar } from './sidebar';
import { benchTopics } from './topics';
import { benchReader } from './reader';
import { benchLive } from './live';
import { benchOptions } from './options';
import { benchStoreSize } from './store-size';
import { benchRepoll } from './repoll';
import { benchColdStart } from './cold-start';
import { benchPeers } from './peers';
import { benchWake } from './wake';
import { benchWakeTrace } from './wake-trace';
import { benchStories } from './stories';
import { benchServerSync } from './server-sync';
import { benchRules } from './rules';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const sections: Section[] = [];
const srv = await startNewsServer();

/** Each benchmark gets a browser with a fresh profile, so none measures a store another left behind. */
async function inFreshBrowser<T>(run: (ext: Extension) => Promise<T>): Promise<T> {
  const ext = await launchExtension({ viewport: { width: 400, height: 900 } });
  try {
    await seedItems(ext, 0); // no default sources: there is no internet here
    return await run(ext);
  } finally {
    await ext.close();
  }
}

try {
  if (want('ingest')) sections.push(await inFreshBrowser((ext) => benchIngest(ext, srv, RUNS)));
  if (want('sidebar')) sections.push(...(await inFreshBrowser((ext) => benchSidebar(ext, RUNS))));
  if (want('topics')) sections.push(await inFreshBrowser((ext) => benchTopics(ext, RUNS)));
  if (want('reader')) sections.push(await inFreshBrowser((ext) => benchReader(ext, srv, RUNS)));
  if (want('live')) sections.push(await inFreshBrowser((ext) => benchLive(ext, srv, RUNS)));
  if (want('store')) sections.push(await benchStoreSize(srv, Number(process.env.STORE_RUNS ?? 3))); // its own profiles, restarted
  if (want('repoll')) sections.push(await inFreshBrowser((ext) => benchRepoll(ext, srv, RUNS)));
  if (want('cold-start')) sections.push(await inFreshBrowser((ext) => benchColdStart(ext, RUNS)));
  if (want('options')) sections.push(await inFreshBrowser((ext) => benchOptions(ext, RUNS)));
  if (want('bundle')) sections.push(benchBundle());
  // Also a row of the peers piece; alone here to check a change to the worker's start in a minute.
  if (only.includes('wake')) sections.push(await benchWake());
  if (only.includes('wake-trace')) sections.push(...(await benchWakeTrace()));
  // Slow (the peers' own ingest of 10,000 items): only when asked for, `npm run bench:peers`.
  if (only.includes('peers')) sections.push(await benchPeers());
  // No browser: the grouping module on the development days beside the checkout, `npm run bench:stories`.
  if (only.includes('stories')) sections.push(benchStories());
  // A real FreshRSS fetching 10,000 items first, then fresh profiles: only when asked, `npm run bench:server-sync`.
  if (only.includes('server-sync')) sections.push(await benchServerSync());
  // Two ingests of 10,000 items per run: only when asked for, `npm run bench -- rules`.
  if (only.includes('rules')) sections.push(await inFreshBrowser((ext) => benchRules(ext, srv, RUNS)));
} finally {
  await srv.close();
}

const chromium = execSync(`${process.env.CHROME_PATH ?? '/usr/bin/chromium'} --version 2>/dev/null`).toString().trim();
const lines = [
  '# Newsbar benchmarks',
  '',
  `Made by \`npm run bench\` (${RUNS} runs each, medians) on ${new Date().toISOString().slice(0, 10)}.`,
  `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ${chromium}, headless; node ${process.version}.`,
  'Machines here are noisy: read the ratios to the baseline measured in the same run, not the absolute times.',
  'What the numbers led to (profiles and design changes): docs/PERFORMANCE.md.',
  '',
];
for (const s of sections) {
  lines.push(`## ${s.title}`, '', '| metric | value | baseline (same run) | ratio | target | verdict |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of s.rows) lines.push(`| ${r.metric} | ${r.value} | ${r.baseline ?? ''} | ${r.ratio ?? ''} | ${r.target ?? ''} | ${r.verdict ?? ''} |`);
  if (s.notes?.length) lines.push('', ...s.notes.map((n) => `- ${n}`));
  lines.push('');
}
const out = lines.join('\n');
if (only.length === 0) fs.writeFileSync('docs/BENCHMARKS.md', out);
console.log(out);
