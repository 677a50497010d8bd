// `npm run bench`: Newsbar's benchmarks in the real built extension in Chromium.
// Every number is a median of several runs and is compared with a baseline measured in the same run.
// Writes docs/BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import { execSync } from 'node:child_process';
import { launchExtension } from '../../tests/e2e/harness';
import { startNewsServer } from '../news-server/server';
import type { Section } from './common';
import { benchIngest } from './ingest';
import { benchBundle } from './bundle';
import { benchSidebar } from './sidebar';
import { benchTopics } from './topics';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const sections: Section[] = [];
const srv = await startNewsServer();
const ext = await launchExtension({ viewport: { width: 400, height: 900 } });
try {
  await ext.bg(async () => {
    const nb = (globalThis as any).newsbar;
    for (const s of await nb.listSources()) await nb.removeSource(s.id);
  });
  // The sidebar first, on a fresh profile: its empty-store baseline is then a store never written to.
  if (want('sidebar')) sections.push(...(await benchSidebar(ext, RUNS)));
  if (want('topics')) sections.push(await benchTopics(ext, RUNS));
  if (want('ingest')) sections.push(await benchIngest(ext, srv, RUNS));
  if (want('bundle')) sections.push(benchBundle());
} finally {
  await ext.close();
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
