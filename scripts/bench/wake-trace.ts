// The worker's wake seen from Chromium's trace events, which scatter much less on a loaded machine
// than the wall clock: per start, the worker thread's CPU time from its creation to the end of its
// script, the script's own CPU (compile + run), and the bytes of installed scripts (with their V8 code
// cache) Chrome sends to the starting worker. `npx tsx scripts/bench/run.ts wake-trace`: Newsbar's store
// build (NEWSBAR_DIR to trace another) against WebFeed, WAKE_ROUNDS (2) rounds of 10 traced starts each, alternated.
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { fmt, median, type Section } from './common';
import { webfeedDir } from './wake';
import { sleep, withWorkerRestarts } from './worker-restarts';
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'ServiceWorker'];

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: Record<string, any> }
interface Start { threadCpu: number; scriptCpu: number; bytes: number; sending?: number; cacheCopyCpu?: number; cpuToStarted: number; evaluatedToStarted: number }

/** Starts of the worker of the extension in `dir`, traced (after one untraced start). */
function traceStarts(dir: string, starts: number): Promise<TraceEvent[]> {
  return withWorkerRestarts(dir, async ({ context, restart }) => {
    const settled = () => restart().then(() => sleep(400));
    await settled();
    const browserCdp: CDPSession = await context.browser()!.newBrowserCDPSession();
    const events: TraceEvent[] = [];
    browserCdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((r) => browserCdp.once('Tracing.tracingComplete', () => r()));
    await browserCdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
    for (let i = 0; i < starts; i++) await settled();
    await browserCdp.send('Tracing.end');
    await complete;
    return events;
  });
}

/** Each installed script sent to a start: its name, body bytes and code cache bytes (the first start traced). */
export function scriptsSent(events: TraceEvent[]): Array<{ script: string; body: number; cache: number }> {
  const seq = events
    .filter((e) => e.ph === 'I' && /^ServiceWorkerInstalledScriptsSender::(Start|StartSendingScript|OnStarted)$/.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  const out: Array<{ script: string; body: number; cache: number }> = [];
  let script = '';
  for (const e of seq) {
    if (e.name.endsWith('::Start') && out.length) break; // the next start sends the same scripts
    if (e.name.endsWith('StartSendingScript')) script = String(e.args?.script_url ?? '').replace(/^.*\//, '');
    if (e.name.endsWith('OnStarted')) out.push({ script, body: e.args?.body_size ?? 0, cache: e.args?.meta_data_size ?? 0 });
  }
  return out;
}

/** Moments of each start, in ms from the browser's StartWorker (the same for a classic or a module worker). */
const MOMENTS: Array<[string, (w: TraceEvent[], onWorker: (e: TraceEvent) => boolean) => number | undefined]> = [
  ["the main script's head read from the worker's storage", (w) => first(w, (e) => e.name === 'ServiceWorkerInstalledScriptReader::OnReadResponseHeadComplete')?.ts],
  ['the main script sent, with its code cache', (w) => first(w, (e) => e.ph === 'I' && e.name === 'ServiceWorkerInstalledScriptsSender::OnFinished')?.ts],
  ['all installed scripts sent', (w) => last(w, (e) => e.ph === 'I' && e.name === 'ServiceWorkerInstalledScriptsSender::OnFinished')?.ts],
  ["the worker thread's V8 isolate built", (w, on) => endOf(first(w, (e) => on(e) && e.name === 'V8PerIsolateData::Initialize'))],
  ['the worker has its script (classic: received; module: first compile done)', (w, on) => endOf(first(w, (e) => on(e) && (e.name === 'ServiceWorkerInstalledScriptsManager::GetScriptData' || e.name === 'v8.compileModule')))],
  ['the script evaluated', (w, on) => endOf(last(w, (e) => on(e) && (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule')))],
  ['the worker reports started', (w, on) => first(w, (e) => on(e) && e.name === 'ServiceWorkerContextClient::SendWorkerStarted')?.ts],
  ['the browser marks it started', (w) => first(w, (e) => e.name === 'ServiceWorkerVersion::StartWorkerFinished')?.ts],
];
const first = (w: TraceEvent[], p: (e: TraceEvent) => boolean) => w.filter(p).sort((a, b) => a.ts - b.ts)[0];
const last = (w: TraceEvent[], p: (e: TraceEvent) => boolean) => w.filter(p).sort((a, b) => endOf(b)! - endOf(a)!)[0];
const endOf = (e: TraceEvent | undefined) => (e ? e.ts + (e.dur ?? 0) : undefined);

/** Each start's moments (MOMENTS' order), in ms from its StartWorker; NaN where an event is missing. */
export function timelineOf(events: TraceEvent[]): number[][] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const onWorker = (e: TraceEvent) => /ServiceWorker thread/.test(threadNames.get(`${e.pid}:${e.tid}`) ?? '');
  const starts = events.filter((e) => e.ph === 's' && e.name === 'ServiceWorkerVersion::StartWorker').map((e) => e.ts).sort((a, b) => a - b);
  return starts.map((t0, k) => {
    const w = events.filter((e) => e.ph !== 'M' && e.ts >= t0 && e.ts < (starts[k + 1] ?? Infinity));
    return MOMENTS.map(([, at]) => {
      const t = at(w, onWorker);
      return t === undefined ? NaN : (t - t0) / 1000;
    });
  });
}

/** Per start: from the worker isolate's creation to the end of its (last) script evaluation. */
function startsOf(events: TraceEvent[]): Start[] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const onWorker = events.filter((e) => e.ph === 'X' && /ServiceWorker thread/.test(threadNames.get(`${e.pid}:${e.tid}`) ?? ''));
  const sent = events.filter((e) => e.name === 'ServiceWorkerInstalledScriptsSender::OnStarted' && e.ph === 'I');
  const inits = onWorker.filter((e) => e.name === 'V8PerIsolateData::Initialize').sort((a, b) => a.ts - b.ts);
  // The worker telling the browser it runs (after its script and whatever tasks were queued before that report).
  const reports = events.filter((e) => e.ph === 'I' && e.name === 'ServiceWorkerContextClient::SendWorkerStarted');
  // Bytes per start: all the installed scripts sent, over the starts the sender made (the same every start).
  const senderStarts = events.filter((e) => e.name === 'ServiceWorkerInstalledScriptsSender::Start' && e.ph === 'I').length;
  const bytes = sent.reduce((a, e) => a + (e.args?.body_size ?? 0) + (e.args?.meta_data_size ?? 0), 0) / Math.max(1, senderStarts);
  const out: Start[] = [];
  inits.forEach((init, k) => {
    const next = inits[k + 1]?.ts ?? Infinity;
    // From the task that creates the isolate (it begins just before the isolate's own slice).
    const mine = onWorker.filter((e) => e.pid === init.pid && e.tid === init.tid && e.ts >= init.ts - 1000 && e.ts < next - 1000);
    const scripts = mine.filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'v8.compileModule').sort((a, b) => a.ts - b.ts);
    if (!scripts.length) return;
    const end = Math.max(...scripts.map((e) => e.ts + (e.dur ?? 0)));
    let threadCpu = 0;
    let covered = 0;
    // Every task begun by the end of the script, the one that runs it included.
    for (const t of mine.filter((e) => e.name === 'RunTask' && e.ts <= end).sort((a, b) => a.ts - b.ts)) {
      if (t.ts < covered) continue; // nested
      threadCpu += (t.tdur ?? 0) / 1000;
      covered = t.ts + (t.dur ?? 0);
    }
    const scriptCpu = scripts.reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0);
    const report = reports.find((e) => e.pid === init.pid && e.tid === init.tid && e.ts >= end && e.ts < next);
    let cpuToStarted = NaN;
    if (report) {
      cpuToStarted = 0;
      covered = 0;
      for (const t of mine.filter((e) => e.name === 'RunTask' && e.ts <= report.ts).sort((a, b) => a.ts - b.ts)) {
        if (t.ts < covered) continue;
        cpuToStarted += (t.tdur ?? 0) / 1000;
        covered = t.ts + (t.dur ?? 0);
      }
    }
    out.push({ threadCpu, scriptCpu, bytes, cpuToStarted, evaluatedToStarted: report ? (report.ts - end) / 1000 : NaN });
  });
  // The browser process streaming the installed scripts to each start: the sender's start to its last script finished.
  const sender = events.filter((e) => e.ph === 'I' && /^ServiceWorkerInstalledScriptsSender::(Start|OnFinished)$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  const sendings: number[] = [];
  for (let i = 0; i < sender.length; i++) {
    if (!sender[i]!.name.endsWith('::Start')) continue;
    let last = sender[i]!.ts;
    for (let j = i + 1; j < sender.length && !sender[j]!.name.endsWith('::Start'); j++) last = sender[j]!.ts;
    sendings.push((last - sender[i]!.ts) / 1000);
  }
  // The browser's main thread copying the code caches into the pipes to the worker, per start.
  const copies: number[] = [];
  for (let i = 0; i < sender.length; i++) {
    if (!sender[i]!.name.endsWith('::Start')) continue;
    const from = sender[i]!.ts;
    const to = sender.slice(i + 1).find((e) => e.name.endsWith('::Start'))?.ts ?? Infinity;
    copies.push(events.filter((e) => e.ph === 'X' && e.name === 'ServiceWorkerInstalledScriptReader::MetaDataSender::OnWritable' && e.ts >= from && e.ts < to)
      .reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0));
  }
  out.forEach((s, k) => (s.cacheCopyCpu = copies[k + copies.length - out.length]));
  // Starts and sendings come in the same order (one sender per start).
  out.forEach((s, k) => (s.sending = sendings[k + sendings.length - out.length]));
  return out;
}

export async function benchWakeTrace(): Promise<Section[]> {
  const webfeed = webfeedDir();
  if (!webfeed) throw new Error("WebFeed's build was not found: set WEBFEED_DIR to the folder holding its manifest.json");
  const rounds = Number(process.env.WAKE_ROUNDS ?? 2);
  const nb: Start[] = [];
  const wf: Start[] = [];
  let sent: ReturnType<typeof scriptsSent> = [];
  const nbTimes: number[][] = [];
  const wfTimes: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const events = await traceStarts(path.resolve(process.env.NEWSBAR_DIR ?? '.output/chrome-mv3'), 10);
    nb.push(...startsOf(events));
    nbTimes.push(...timelineOf(events));
    if (!sent.length) sent = scriptsSent(events);
    const wfEvents = await traceStarts(webfeed, 10);
    wf.push(...startsOf(wfEvents));
    wfTimes.push(...timelineOf(wfEvents));
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const row = (metric: string, pick: (s: Start) => number, unit: (x: number) => string) => {
    const a = median(nb.map(pick).filter(Number.isFinite));
    const b = median(wf.map(pick).filter(Number.isFinite));
    return { metric, value: unit(a), baseline: `${unit(b)} (WebFeed)`, ratio: b ? (a / b).toFixed(2) : "" };
  };
  const msU = (x: number) => `${fmt(x, 2)} ms`;
  const at = (times: number[][], i: number) => median(times.map((t) => t[i]!).filter(Number.isFinite));
  const timeline: Section = {
    title: "Where a start's time goes (ms from the browser's StartWorker, medians of the same traced starts)",
    rows: MOMENTS.map(([moment], i) => {
      const a = at(nbTimes, i);
      const b = at(wfTimes, i);
      return { metric: moment, value: `${fmt(a, 2)} ms`, baseline: `${fmt(b, 2)} ms (WebFeed)`, ratio: `${a >= b ? '+' : ''}${fmt(a - b, 2)} ms` };
    }),
    notes: ["The ratio column holds the difference, Newsbar - WebFeed. The browser reads and sends the scripts while the worker thread builds its isolate; a classic worker waits for its main script, a module worker fetches its modules. The worker's report is marked when its task ends, so its median can fall after the browser's."],
  };
  return [{
    title: "Worker wake in Chromium's trace (per start, medians; ratio Newsbar / WebFeed)",
    rows: [
      row("worker thread CPU, isolate created -> script evaluated", (s) => s.threadCpu, msU),
      row('script CPU (compile + run of the top level)', (s) => s.scriptCpu, msU),
      row('worker thread CPU, isolate created -> worker reports started', (s) => s.cpuToStarted, msU),
      row('script evaluated -> worker reports started (wall)', (s) => s.evaluatedToStarted, msU),
      row('browser process streaming them, sender start -> last script finished (wall)', (s) => s.sending ?? NaN, msU),
      row("browser main thread CPU copying their code caches to the worker (MetaDataSender)", (s) => s.cacheCopyCpu ?? NaN, msU),
      row('installed scripts sent to the start (with their code cache)', (s) => s.bytes, (x) => `${fmt(x / 1024)} KB`),
    ],
    notes: [
      `Newsbar's installed scripts, sent to every start: ${sent.map((x) => `${x.script} ${n(x.body)} B + ${n(x.cache)} B of code cache`).join('; ')}.`,
      `\`WAKE_ROUNDS=${rounds} npx tsx scripts/bench/run.ts wake-trace\`: ${nb.length} and ${wf.length} traced starts (ServiceWorker.startWorker), ${rounds} browsers each, alternated; thread time (tdur) of the worker thread's tasks.`,
    ],
  }, timeline];
}
