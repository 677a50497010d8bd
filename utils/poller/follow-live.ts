// Following a live page from the sidebar: add it as a `live` source and read it at once. A page
// without live updates is not kept: the user gets the problem ('noLiveUpdates'), and nothing is added.
import type { Source } from '../model';
import type { Problem } from '../problems';
import { addSource, getSource, listSources, removeSource, sameFeedIn } from '../db/sources';
import { patchSource } from '../db/items';
import { absoluteUrl } from '../normalize/url';
import { pollSource, type PollDeps } from './poll';

export type FollowOutcome =
  | { ok: true; source: Source; newIds: string[]; already?: boolean }
  | { ok: false; problem: Problem };

export async function followLivePage(deps: PollDeps, url: string, name = ''): Promise<FollowOutcome> {
  const abs = absoluteUrl(url);
  if (!abs) return { ok: false, problem: { code: 'invalidUrl' } };
  const now = deps.now();
  // The duplicate rule of every source added (utils/db/sources.ts sameFeedIn): the page under any spelling.
  const known = sameFeedIn(await listSources(deps.db), { name: '', url: abs, kind: 'live' });
  if (known && known.kind !== 'live') return { ok: false, problem: { code: 'duplicate', name: known.name } };
  if (known && known.live?.state !== 'ended') return { ok: true, source: known, newIds: [], already: true };
  let source: Source;
  if (known) {
    // Following an ended page again starts its coverage over.
    await patchSource(deps.db, known.id, { enabled: true, nextPollAt: now, live: { ...known.live, state: 'live', lastUpdateAt: now, endedAt: undefined, endedBecause: undefined } });
    source = (await getSource(deps.db, known.id))!;
  } else {
    source = await addSource(deps.db, { name: name.trim() || new URL(abs).host, url: abs, kind: 'live' }, now);
  }
  const out = await pollSource(deps, source);
  if (out.kind === 'error') {
    if (!known) await removeSource(deps.db, source.id);
    return { ok: false, problem: out.problem };
  }
  return { ok: true, source: (await getSource(deps.db, source.id))!, newIds: out.kind === 'stored' ? out.newIds : [] };
}
