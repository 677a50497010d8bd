// @vitest-environment node
// (node's fetch and AbortSignal; jsdom's AbortSignal is not accepted by node's fetch)
import { describe, expect, it } from 'vitest';
import { dueSources, pollDue, pollSource } from '@/utils/poller/poll';
import { followLivePage } from '@/utils/poller/follow-live';
import { LIVE_QUIET_MS } from '@/utils/poller/live';
import { getSource, listSources } from '@/utils/db/sources';
import { liveBlogHtml, type PageUpdate } from '../../../scripts/news-server/live-pages';
import { pollerContext } from './helpers';
import { allItems } from '@/utils/db/items/item-reads';

const c = pollerContext();

const MIN = 60_000;
const HTML = { 'content-type': 'text/html; charset=utf-8' };

/** A live page on the test server whose updates and coverage end the test changes. */
function livePage(path: string) {
  const page = { updates: [] as PageUpdate[], coverageEnd: undefined as number | undefined };
  const add = (n: number, at: number) => page.updates.unshift({ id: `u${n}`, headline: `Update ${n}`, html: `<p>Text of update ${n}.</p>`, at });
  c.srv.route(path, { headers: HTML, body: () => liveBlogHtml({ url: c.srv.url(path), title: 'Storm live', updates: page.updates, coverageEnd: page.coverageEnd }) });
  return { page, add };
}

describe('following a live page', () => {
  it('adds it as a live source polled every 2 min; its updates are breaking items; a repeat poll is a conditional GET', async () => {
    const { add } = livePage('/live/storm');
    add(1, c.clock.t - 10 * MIN);
    add(2, c.clock.t - 5 * MIN);
    const out = await followLivePage(c.deps(), c.srv.url('/live/storm'), 'Storm live');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.newIds).toHaveLength(2);
    expect(out.source).toMatchObject({ kind: 'live', intervalMin: 2, breaking: true, health: 'ok', live: { state: 'live', title: 'Storm live' } });
    expect(out.source.nextPollAt).toBe(c.clock.t + 2 * MIN);
    expect(c.srv.lastHeaders('/live/storm')?.accept).toMatch(/^text\/html/);
    const items = await allItems(c.db);
    expect(items.map((i) => i.title).sort()).toEqual(['Update 1', 'Update 2']);
    for (const it of items) expect(it.breaking).toBe(1);

    c.clock.t += 2 * MIN;
    const again = await pollSource(c.deps(), out.source);
    expect(again.kind).toBe('not-modified');
    expect(c.srv.lastHeaders('/live/storm')?.['if-none-match']).toBe(out.source.etag);

    add(3, c.clock.t - 30_000);
    c.clock.t += 2 * MIN;
    const third = await pollSource(c.deps(), (await getSource(c.db, out.source.id))!);
    expect(third).toMatchObject({ kind: 'stored', newIds: [expect.any(String)] });
    expect((await getSource(c.db, out.source.id))!.live?.lastUpdateAt).toBe(c.clock.t);
  });

  it('following the same page twice keeps one source', async () => {
    const { add } = livePage('/live/once');
    add(1, c.clock.t - MIN);
    await followLivePage(c.deps(), c.srv.url('/live/once'));
    const again = await followLivePage(c.deps(), c.srv.url('/live/once'));
    expect(again).toMatchObject({ ok: true, already: true });
    expect(await listSources(c.db)).toHaveLength(1);
    // The duplicate rule of every source added: the same page under another spelling is the same page.
    expect(await followLivePage(c.deps(), `${c.srv.url('/live/once')}/?utm_source=share#top`)).toMatchObject({ ok: true, already: true });
    expect(await listSources(c.db)).toHaveLength(1);
  });

  it('a page without live updates: the clear error, and nothing is added', async () => {
    c.srv.route('/article', { headers: HTML, body: '<!doctype html><title>An article</title><h1>Budget passes</h1><p>Text.</p>' });
    const out = await followLivePage(c.deps(), c.srv.url('/article'), 'An article');
    expect(out).toEqual({ ok: false, problem: { code: 'noLiveUpdates' } });
    expect(await listSources(c.db)).toHaveLength(0);
    expect(await allItems(c.db)).toHaveLength(0);
  });

  it('stops by itself when coverageEndTime passes: "ended", and no more requests', async () => {
    const { page, add } = livePage('/live/vote');
    add(1, c.clock.t - MIN);
    page.coverageEnd = c.clock.t + 3 * MIN;
    const out = await followLivePage(c.deps(), c.srv.url('/live/vote'));
    expect(out.ok && out.source.live).toMatchObject({ state: 'live', coverageEnd: c.clock.t + 3 * MIN });
    c.clock.t += 4 * MIN;
    await pollDue(c.deps());
    const src = (await getSource(c.db, (out as { source: { id: string } }).source.id))!;
    expect(src.live).toMatchObject({ state: 'ended', endedBecause: 'coverage-end', endedAt: c.clock.t });
    const hits = c.srv.hits('/live/vote');
    c.clock.t += 60 * MIN;
    expect(dueSources([src], c.clock.t)).toEqual([]);
    await pollDue(c.deps());
    await pollDue(c.deps(), { force: true });
    expect(c.srv.hits('/live/vote')).toBe(hits);
    // the updates stay (kept until the user removes the page)
    expect(await allItems(c.db)).toHaveLength(1);
  });

  it('stops by itself when no update came for 24 hours', async () => {
    const { add } = livePage('/live/quiet');
    add(1, c.clock.t - MIN);
    const out = await followLivePage(c.deps(), c.srv.url('/live/quiet'));
    if (!out.ok) throw new Error(out.problem.code);
    c.clock.t += LIVE_QUIET_MS - MIN;
    await pollDue(c.deps());
    expect((await getSource(c.db, out.source.id))!.live?.state).toBe('live');
    c.clock.t += 2 * MIN;
    await pollDue(c.deps());
    expect((await getSource(c.db, out.source.id))!.live).toMatchObject({ state: 'ended', endedBecause: 'quiet' });
  });

  it('following an ended page again starts it over', async () => {
    const { page, add } = livePage('/live/again');
    add(1, c.clock.t - MIN);
    page.coverageEnd = c.clock.t - 1000;
    const first = await followLivePage(c.deps(), c.srv.url('/live/again'));
    expect(first.ok && first.source.live?.state).toBe('ended');
    page.coverageEnd = undefined;
    add(2, c.clock.t);
    const again = await followLivePage(c.deps(), c.srv.url('/live/again'));
    expect(again.ok && again.source.live?.state).toBe('live');
    expect(again.ok && again.newIds).toHaveLength(1);
  });

  it('the same back-off and Retry-After as any source', async () => {
    const { add } = livePage('/live/busy');
    add(1, c.clock.t - MIN);
    const out = await followLivePage(c.deps(), c.srv.url('/live/busy'));
    if (!out.ok) throw new Error(out.problem.code);
    c.srv.route('/live/busy', { status: 503, headers: { 'retry-after': '600' }, body: 'busy' });
    c.clock.t += 2 * MIN;
    const r = await pollSource(c.deps(), (await getSource(c.db, out.source.id))!);
    expect(r.kind).toBe('error');
    const src = (await getSource(c.db, out.source.id))!;
    expect(src).toMatchObject({ health: 'error', failures: 1 });
    expect(src.nextPollAt).toBeGreaterThanOrEqual(c.clock.t + 10 * MIN);
    expect(src.live?.state).toBe('live');
  });
});
