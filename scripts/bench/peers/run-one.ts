// One run of one extension in the peer bench, in a fresh profile: subscribe to every feed, ingest
// (time, CPU, the fetching's span on the wire, the worker's heap), open the reading view over the
// full store, then a re-poll in which every feed answers 304.
import { cpuDiff, cpuSnap, driverPage, heapPeak, launch, readingViewOpens, sleep, workerProbe, type Cpu, type WorkerProbe } from './browser';
import type { Adapter } from './adapters';
import { wireDiff, type FeedServer, type WireSnap } from './feed-server';

export interface RunResult {
  name: Adapter['name'];
  pair: number;
  /** Which of the pair ran first. */
  first: boolean;
  count?: number;
  ingestMs?: number;
  /** Trigger -> the server's first feed request, and -> its last answer of the ingest. */
  ingestFirstRequestMs?: number;
  ingestLastResponseMs?: number;
  ingestCpu?: Cpu;
  ingestNet?: WireSnap;
  /** Brook's saves of its whole state during the ingest (ms after the trigger). */
  saves?: number[];
  heapBeforeMb?: number;
  heapPeakMb?: number;
  heapAfterMb?: number;
  storedBytes?: number;
  readingMs?: number;
  readingAll?: number[];
  readingDomNodes?: number;
  repollLastResponseMs?: number;
  repollCpu?: Cpu;
  repollRequests?: number;
  error?: string;
}

export async function runOne(a: Adapter & { dir: string }, srv: FeedServer, feeds: number, want: number, pair: number, first: boolean): Promise<RunResult> {
  const r: RunResult = { name: a.name, pair, first };
  const b = await launch(a.dir);
  let w: WorkerProbe | undefined;
  try {
    await a.ready(b);
    const page = await driverPage(b);
    const urls = Array.from({ length: feeds }, (_, i) => srv.feedUrl(i));
    await a.subscribe(b, urls, page);
    // Every extension idle before the trigger (Brook's throttled save of the subscriptions included).
    await sleep(1000);
    w = await workerProbe(b);
    r.heapBeforeMb = await w.heapMb(true);

    const s0 = srv.snap();
    srv.markFirst();
    const c0 = await cpuSnap(b);
    const peak = heapPeak(w);
    const ing = await a.refresh(b, page, want);
    r.heapPeakMb = await peak.stop();
    const s1 = srv.snap();
    await sleep(1000);
    r.ingestCpu = cpuDiff(c0, await cpuSnap(b)); // trigger -> done + 1 s
    r.ingestMs = ing.ms;
    r.saves = ing.saves;
    r.ingestNet = wireDiff(s0, s1);
    r.ingestFirstRequestMs = s1.firstRequestAt - ing.startedAt;
    r.ingestLastResponseMs = s1.lastResponseAt - ing.startedAt;
    await sleep(1000);
    r.heapAfterMb = await w.heapMb(true);
    r.count = await a.count(b, page);
    r.storedBytes = await a.storedBytes(page);
    if (r.count !== want) throw new Error(`${a.label} stored ${r.count} items, expected ${want}`);

    await a.prepareReading?.(page);
    const view = await readingViewOpens(b, a.readingPage, a.row);
    Object.assign(r, { readingMs: view.ms, readingAll: view.all, readingDomNodes: view.domNodes });

    await a.prepareRepoll?.(page, feeds);
    const p0 = srv.snap();
    const pc0 = await cpuSnap(b);
    const rp = await a.repoll(b, page);
    // Done = every feed answered (an extension without a signal of its own resolves at once), then its saves.
    const t0 = Date.now();
    while (srv.snap().requests - p0.requests < feeds && Date.now() - t0 < 60_000) await sleep(10);
    await sleep(1500);
    const p1 = srv.snap();
    r.repollCpu = cpuDiff(pc0, await cpuSnap(b)); // trigger -> last 304 + 1.5 s
    r.repollRequests = p1.requests - p0.requests;
    r.repollLastResponseMs = p1.lastResponseAt - rp.startedAt;
  } catch (e) {
    r.error = String((e as Error)?.stack ?? e);
  } finally {
    await w?.close().catch(() => {});
    await b.close().catch(() => {});
  }
  return r;
}
