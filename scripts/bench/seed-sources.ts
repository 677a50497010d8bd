// Fills the extension with N sources as a reader's import leaves them: five folders and none, some
// failing, some paused, some never fetched, and the counters their stored articles would keep.
// Nothing is due for a poll, so the worker stays quiet while pages are measured or tested.
import type { Extension } from '../../tests/e2e/harness';

// A string, not a function: the bundler that runs this script would add helpers the worker lacks.
const SEED_SOURCES = `async ({ n }) => {
  const db = await globalThis.newsbar.getDb();
  const now = Date.now();
  const DAY = 864e5;
  const folders = ['World', 'Business', 'Tech & Science', 'Sport', 'Local'];
  const tx = db.transaction(['sources', 'counters'], 'readwrite');
  for (let i = 0; i < n; i++) {
    const failing = i % 7 === 3;
    const never = !failing && i % 13 === 4;
    const id = 'many-s' + i;
    const folder = i % 6 ? folders[i % 6 - 1] : undefined;
    tx.objectStore('sources').put({
      id, name: 'Many Source ' + String(i).padStart(3, '0') + (i % 5 === 0 ? ' – a longer name for the column' : ''),
      url: 'http://127.0.0.1:9/many/' + i + '.xml', kind: i % 9 === 0 ? 'atom' : 'rss', enabled: i % 11 !== 5, intervalMin: 10,
      breaking: false, addedAt: now - 20 * DAY + i, nextPollAt: now + 30 * DAY, failures: failing ? 3 : 0,
      health: failing ? 'error' : never ? 'new' : 'ok', problem: failing ? { code: 'http', status: 503 } : undefined,
      lastPollAt: never ? undefined : now - (i % 50) * 60e3, lastSuccessAt: never || failing ? undefined : now - (i % 50) * 60e3,
      ...(folder ? { folder } : {}),
    });
    if (!never) tx.objectStore('counters').put({ key: 's:' + id, total: 20 + (i * 37) % 400, unread: 10, starred: 0, unreadAlerts: 0 });
  }
  await tx.done;
  return (await db.getAll('sources')).length;
}`;

export async function seedSources(ext: Extension, n: number): Promise<number> {
  const w = await ext.sw();
  return (await w.evaluate(`(${SEED_SOURCES})(${JSON.stringify({ n })})`)) as number;
}
