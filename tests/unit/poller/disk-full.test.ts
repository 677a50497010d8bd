// @vitest-environment node
// The poll on a full disk: every source is still fetched, none is backed off for it, the refused
// ones are named (and polled first once there is room), the counters stay exact; a kept user action
// waits for room in order; the cleanup removes old unstarred articles only.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disk } from './full-disk';
import { dueSources, pollDue } from '@/utils/poller/poll';
import { listSources } from '@/utils/db/sources';
import { allItems } from '@/utils/db/items/item-reads';
import { markRead, toggleStar } from '@/utils/db/read-state';
import { flushKept, keepAction, keptActions, keptOverlay } from '@/utils/db/kept-actions';
import { removeOlderThan } from '@/utils/db/cleanup';
import { isQuotaError, isRefusal } from '@/utils/db/quota';
import { openNewsDb } from '@/utils/db/open';
import type { NewsDb } from '@/utils/db/schema';
import { problemOf } from '@/utils/problems';
import { expectCountersExact } from '../db/recount';
import { pollerContext, rss, httpDateMinutesAgo } from './helpers';

const c = pollerContext();
const feed = (prefix: string, n: number) => rss(Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} bulletin ${i}`, link: `http://example.test/${prefix}/${i}`, date: httpDateMinutesAgo(i + 1) })));
const noRematch = async () => {};

describe('a poll on a full disk', () => {
  it('fetches every source, backs none off, names the refused ones, keeps the counters exact', async () => {
    for (let i = 0; i < 6; i++) {
      c.srv.route(`/f${i}.xml`, { body: feed(`f${i}`, 2) });
      await c.add(`/f${i}.xml`);
    }
    await pollDue(c.deps());
    for (let i = 0; i < 6; i++) c.srv.route(`/f${i}.xml`, { body: feed(`f${i}`, 4) });
    const before = await listSources(c.db);
    c.clock.t += 61 * 60_000;
    disk.full = true;
    const refused: Array<string | undefined> = [];
    // Before: the first refused write rejected the whole poll (its failure could not be saved either).
    const out = await pollDue({ ...c.deps(), concurrency: 2, perHost: 2, onStorageRefused: (id) => refused.push(id) });
    expect(out).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect(c.srv.hits(`/f${i}.xml`)).toBe(2);
    expect(out.every((o) => o.kind === 'error' && o.problem.code === 'storageFull')).toBe(true);
    expect(refused.filter(Boolean).sort()).toEqual(before.map((s) => s.id).sort());
    disk.full = false;
    // Nothing of the refused polls was stored, and no source was backed off or given a problem.
    const after = await listSources(c.db);
    for (const s of after) {
      const was = before.find((b) => b.id === s.id)!;
      expect([s.failures, s.health, s.problem, s.nextPollAt]).toEqual([was.failures, was.health, was.problem, was.nextPollAt]);
    }
    expect(await allItems(c.db)).toHaveLength(12);
    await expectCountersExact(c.db, { all: 12 });
    // Room again: the refused sources first, whether due or not; then every item once.
    const first = [after[4]!.id, after[2]!.id];
    expect(dueSources(after, c.clock.t - 120 * 60_000, { first }).map((s) => s.id).sort()).toEqual([...first].sort());
    expect(dueSources(after, c.clock.t, { first }).slice(0, 2).map((s) => s.id).sort()).toEqual([...first].sort());
    await pollDue(c.deps(), { first: after.map((s) => s.id) });
    expect(await allItems(c.db)).toHaveLength(24);
    await expectCountersExact(c.db, { all: 24 });
  });

  it('a small write that still fits (the source) sets no back-off: the source waits for room, not for its interval', async () => {
    c.srv.route('/a.xml', { body: feed('a', 3) });
    const s = await c.add('/a.xml');
    disk.full = true;
    disk.allow.add('sources');
    const [o] = await pollDue(c.deps(), { force: true });
    expect(o).toMatchObject({ kind: 'error', problem: { code: 'storageFull' } });
    const [after] = await listSources(c.db);
    expect(after!.failures).toBe(s.failures);
    expect(after!.problem).toBeUndefined();
    expect(after!.nextPollAt).toBe(c.clock.t + 10 * 60_000);
  });

  it('a connection the browser closes mid-poll (a disk that filled up) refuses that source whole; the rest go through a new one', async () => {
    for (let i = 0; i < 6; i++) {
      c.srv.route(`/f${i}.xml`, { body: feed(`f${i}`, 2) });
      await c.add(`/f${i}.xml`);
    }
    await pollDue(c.deps());
    for (let i = 0; i < 6; i++) c.srv.route(`/f${i}.xml`, { body: feed(`f${i}`, 4) });
    c.clock.t += 61 * 60_000;
    // The second source's first new article: Chromium aborts its transaction and closes the connection.
    disk.closeAt = 3;
    const refused: Array<string | undefined> = [];
    const opened: NewsDb[] = [];
    const reopen = async () => {
      const db = await openNewsDb(c.db.name);
      opened.push(db);
      return db;
    };
    // Before: every source after the close failed on the closed connection (InvalidStateError), as
    // an unexpected problem with a back-off, and the rest of the poll stored nothing.
    const out = await pollDue({ ...c.deps(), concurrency: 1, perHost: 1, onStorageRefused: (id) => refused.push(id), reopen });
    expect(disk.closes).toBe(1);
    expect(out).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect(c.srv.hits(`/f${i}.xml`)).toBe(2);
    const lost = out.filter((o) => o.kind === 'error');
    expect(lost).toEqual([{ sourceId: expect.any(String), kind: 'error', problem: { code: 'storageFull' } }]);
    expect(refused).toEqual([lost[0]!.sourceId]);
    expect(out.filter((o) => o.kind === 'stored' && o.newIds.length === 2)).toHaveLength(5);
    expect(opened).toHaveLength(1);
    // Nothing half-written: the refused source has only what it had, the counters equal a recount,
    // and it was not backed off or given a problem.
    const db = opened[0]!;
    const items = await allItems(db);
    expect(items).toHaveLength(22);
    expect(items.filter((i) => i.sourceId === lost[0]!.sourceId)).toHaveLength(2);
    await expectCountersExact(db, { all: 22 });
    const src = (await listSources(db)).find((s) => s.id === lost[0]!.sourceId)!;
    expect([src.failures, src.problem]).toEqual([0, undefined]);
    // Room again: it is polled first and its articles arrive, each once.
    disk.closeAt = 0;
    await pollDue({ ...c.deps(), db }, { first: [src.id] });
    const all = await allItems(db);
    expect(all).toHaveLength(24);
    expect(new Set(all.map((i) => i.id)).size).toBe(24);
    await expectCountersExact(db, { all: 24 });
    db.close();
  });

  it('a failure on a connection the browser closed is a refusal; the same failure on an open one is not', async () => {
    const db = await openNewsDb(`refusal-${Math.random()}`);
    const aborted = new DOMException('', 'AbortError');
    expect(isRefusal(aborted, db)).toBe(false);
    expect(isRefusal(new DOMException('', 'InvalidStateError'), db)).toBe(false);
    db.close();
    // Newsbar's own close (a newer version upgrading) is not the browser's: tested by getDb's path.
    expect(isRefusal(aborted, db)).toBe(true);
    expect(isRefusal({ name: 'AbortError', target: { error: null } }, db)).toBe(true);
    expect(isRefusal(new Error('The database connection is closing'), db)).toBe(false);
    expect(isRefusal(new DOMException('', 'QuotaExceededError'))).toBe(true);
    expect(isRefusal(aborted)).toBe(false);
  });

  it('knows a quota refusal by its name, wrapped or not, never by its words', () => {
    const q = new DOMException('', 'QuotaExceededError');
    expect(isQuotaError(q)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', target: { error: q } })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(problemOf(q)).toEqual({ code: 'storageFull' });
  });
});

describe('user actions on a full disk', () => {
  it('a refused mark-read and star are kept, written in order once there is room, the counters exact', async () => {
    c.srv.route('/a.xml', { body: feed('a', 3) });
    await c.add('/a.xml');
    await pollDue(c.deps());
    const [x, y] = (await allItems(c.db)).map((i) => i.id);
    disk.full = true;
    await expect(markRead(c.db, [x!], true)).rejects.toSatisfy(isQuotaError);
    const local = fakeBrowser.storage.local;
    await keepAction(local, { kind: 'read', ids: [x!], read: true }, c.clock.t);
    await keepAction(local, { kind: 'star', id: y!, starred: true }, c.clock.t);
    await keepAction(local, { kind: 'read', ids: [x!, y!], read: false }, c.clock.t + 1);
    await keepAction(local, { kind: 'read', ids: [y!], read: true }, c.clock.t + 2);
    expect(keptOverlay(await keptActions(local))).toEqual(new Map([[x!, { read: 0 }], [y!, { starred: 1, read: 1 }]]));
    // Still full: nothing written, nothing dropped.
    expect(await flushKept(local, c.db, noRematch)).toEqual({ written: 0, left: 4, refused: true });
    expect(await keptActions(local)).toHaveLength(4);
    disk.full = false;
    expect(await flushKept(local, c.db, noRematch)).toEqual({ written: 4, left: 0, refused: false });
    expect(await keptActions(local)).toHaveLength(0);
    const items = new Map((await allItems(c.db)).map((i) => [i.id, i]));
    expect([items.get(x!)!.read, items.get(y!)!.read, items.get(y!)!.starred]).toEqual([0, 1, 1]);
    await expectCountersExact(c.db);
    // Written twice (a worker stopped before dropping it) changes nothing: actions say the state wanted.
    await keepAction(local, { kind: 'star', id: y!, starred: true }, c.clock.t + 3);
    await flushKept(local, c.db, noRematch);
    expect((await allItems(c.db)).find((i) => i.id === y)!.starred).toBe(1);
    expect(await toggleStar(c.db, y!)).toBe(false);
  });
});

describe('keep fewer articles', () => {
  it('removes the unstarred articles older than the cutoff, keeps starred ones, counters exact; works on a full disk', async () => {
    c.srv.route('/a.xml', { body: feed('a', 6) });
    await c.add('/a.xml');
    await pollDue(c.deps());
    const items = await allItems(c.db);
    const oldest = items.sort((a, b) => a.published - b.published)[0]!;
    await toggleStar(c.db, oldest.id);
    c.clock.t += 3 * 86_400_000;
    // Everything is older than a day now; a full disk lets deletions through (they free, not take, room).
    disk.full = true;
    disk.allow.add('counters');
    disk.allow.add('stories');
    const removed = await removeOlderThan(c.db, c.clock.t - 86_400_000);
    disk.full = false;
    expect(removed).toBe(5);
    expect((await allItems(c.db)).map((i) => i.id)).toEqual([oldest.id]);
    await expectCountersExact(c.db, { all: 1 });
  });
});
