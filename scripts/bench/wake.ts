// What a wake costs (an alarm, a message to a stopped worker): the service worker started with
// DevTools' ServiceWorker.startWorker until it reports running, i.e. its script fetched, compiled and
// run to the end of its top level. The same for any extension, so Newsbar and a peer compare like
// for like; each in its own fresh profile with only that extension loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fmt, median, type Row, type Section } from './common';
import { sleep, withWorkerRestarts } from './worker-restarts';

/** Milliseconds from start to running, `runs` times (after one uncounted start), for the extension in `dir`. */
export function measureWake(dir: string, runs: number): Promise<number[]> {
  return withWorkerRestarts(dir, async ({ restart }) => {
    const out: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await restart();
      if (i > 0) out.push(ms);
      await sleep(300);
    }
    return out;
  });
}

/** Newsbar's and a peer's wakes, interleaved (Newsbar, peer, Newsbar, ...) so a noisy spell hits both. */
export async function compareWake(newsbarDir: string, peerDir: string, rounds: number, perRound = 5): Promise<{ newsbar: number; peer: number }> {
  const nb: number[] = [];
  const peer: number[] = [];
  for (let r = 0; r < rounds; r++) {
    nb.push(...(await measureWake(newsbarDir, perRound)));
    peer.push(...(await measureWake(peerDir, perRound)));
  }
  return { newsbar: median(nb), peer: median(peer) };
}

/** WebFeed's build: WEBFEED_DIR, or ../peers/webfeed/chrome beside the peer benchmark's folder. */
export function webfeedDir(peerBenchDir?: string): string | undefined {
  const tries = [process.env.WEBFEED_DIR, peerBenchDir && path.join(peerBenchDir, '../peers/webfeed/chrome'), '../shared/peers/webfeed/chrome', '../../shared/peers/webfeed/chrome']
    .filter((d): d is string => !!d)
    .map((d) => path.resolve(d));
  return tries.find((d) => fs.existsSync(path.join(d, 'manifest.json')));
}

/** The wake row: Newsbar's build in `newsbarDir` against WebFeed's, `rounds` interleaved browsers each. */
export async function wakeRow(newsbarDir: string, webfeed: string, rounds: number): Promise<Row> {
  const w = await compareWake(newsbarDir, webfeed, rounds);
  return {
    metric: 'worker wake: start -> script run, worker stopped (Newsbar / WebFeed)',
    value: `${fmt(w.newsbar, 1)} ms`,
    baseline: `${fmt(w.peer, 1)} ms (WebFeed)`,
    ratio: (w.newsbar / w.peer).toFixed(2),
    target: '<= 1.0',
  };
}

/** The wake alone (`npx tsx scripts/bench/run.ts wake`, about a minute): the store build against WebFeed. WAKE_ROUNDS (3). */
export async function benchWake(): Promise<Section> {
  const webfeed = webfeedDir();
  if (!webfeed) throw new Error("WebFeed's build was not found: set WEBFEED_DIR to the folder holding its manifest.json");
  const rounds = Number(process.env.WAKE_ROUNDS ?? 3);
  return {
    title: 'Worker wake beside WebFeed (ratio Newsbar / WebFeed, below 1 = Newsbar cheaper)',
    rows: [await wakeRow('.output/chrome-mv3', webfeed, rounds)],
    notes: [`\`WAKE_ROUNDS=${rounds} npx tsx scripts/bench/run.ts wake\`: scripts/bench/wake.ts, DevTools ServiceWorker.startWorker until the worker runs; ${rounds} browsers each, 5 wakes per browser, interleaved Newsbar / WebFeed.`],
  };
}
