// @vitest-environment node
// (node's fetch and AbortSignal; jsdom's AbortSignal is not accepted by node's fetch)
import { describe, expect, it } from 'vitest';
import { pollDue, pollSource, REDIRECTS_TO_MOVE } from '@/utils/poller/poll';
import { getSource } from '@/utils/db/sources';
import { searchItems } from '@/utils/db/search/search-items';
import { problemText } from '@/utils/problem-text';
import type { Source } from '@/utils/model';
import { rss, pollerContext, httpDateMinutesAgo } from './helpers';
import { allItems as storedItems } from '@/utils/db/items/item-reads';
import { knownKeyOf, toRecord } from '@/utils/db/items/item-record';

/** The stored problem in the words the pages show (English here). */
const words = (s: Source) => (s.problem ? problemText(s.problem) : '');

const c = pollerContext();

const date = httpDateMinutesAgo;
const allItems = () => storedItems(c.db);

describe('polling a feed', () => {
  it('stores items, remembers the validators, and a 304 parses nothing', async () => {
    c.srv.route('/a.xml', { body: rss([{ guid: 'a1', title: 'One', date: date(5) }, { guid: 'a2', title: 'Two', date: date(3) }]) });
    const src = await c.add('/a.xml');
    const out = await pollSource(c.deps(), src);
    expect(out).toMatchObject({ kind: 'stored', newIds: [expect.any(String), expect.any(String)] });
    const after = (await getSource(c.db, src.id))!;
    expect(after).toMatchObject({ health: 'ok', failures: 0, itemCount: 2, lastStatus: 200 });
    expect(after.etag).toMatch(/^"/);
    expect(after.nextPollAt).toBe(c.clock.t + 10 * 60_000);

    const second = await pollSource(c.deps(), after);
    expect(second.kind).toBe('not-modified');
    expect(c.srv.lastHeaders('/a.xml')?.['if-none-match']).toBe(after.etag);
    expect(await allItems()).toHaveLength(2);
  });

  it('a poll where every source answers 304 writes each one\'s schedule (together, once all have answered)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      c.srv.route(`/n${i}.xml`, { body: rss([{ guid: `n${i}`, title: `Item ${i}` }]) });
      ids.push((await c.add(`/n${i}.xml`)).id);
    }
    await pollDue(c.deps(), { force: true });
    c.clock.t += 60_000;
    const out = await pollDue(c.deps(), { force: true });
    expect(out.map((o) => o.kind)).toEqual(Array(5).fill('not-modified'));
    for (const id of ids) {
      expect(await getSource(c.db, id)).toMatchObject({ lastStatus: 304, lastPollAt: c.clock.t, nextPollAt: c.clock.t + 10 * 60_000, health: 'ok', itemCount: 1 });
    }
  });

  it('keeps one item for duplicate guids and gives guid-less items ids that survive rewritten dates', async () => {
    c.srv.route('/dup.xml', { body: rss([{ guid: 'x', title: 'First' }, { guid: 'x', title: 'First again' }, { title: 'No guid', link: 'http://example.test/story?utm_source=feed' }, { title: 'Nothing but a title', date: date(9) }]) });
    const src = await c.add('/dup.xml');
    await pollSource(c.deps(), src);
    const first = (await allItems()).map((i) => i.id).sort();
    expect(first).toHaveLength(3);
    c.srv.route('/dup.xml', { body: rss([{ guid: 'x', title: 'First' }, { title: 'No guid', link: 'http://example.test/story?utm_source=email', date: date(1) }, { title: 'Nothing but a title', date: date(2) }]) });
    await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect((await allItems()).map((i) => i.id).sort()).toEqual(first);
    expect((await allItems()).find((i) => i.title === 'No guid')!.url).toBe('http://example.test/story');
  });

  it('updates a changed item in place and keeps its read and starred state', async () => {
    c.srv.route('/u.xml', { body: rss([{ guid: 'u1', title: 'Storm nears coast', date: date(5) }]) });
    const src = await c.add('/u.xml');
    await pollSource(c.deps(), src);
    const [it] = await allItems();
    await c.db.put('items', toRecord({ ...it, read: 1, starred: 1 }, knownKeyOf(it)));
    c.srv.route('/u.xml', { body: rss([{ guid: 'u1', title: 'Storm reaches coast', date: date(5), desc: 'Now with details' }]) });
    const out = await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect(out).toMatchObject({ kind: 'stored', newIds: [], updatedIds: [it.id] });
    const [upd] = await allItems();
    expect(upd).toMatchObject({ id: it.id, title: 'Storm reaches coast', read: 1, starred: 1, firstSeen: it.firstSeen });
    expect((await searchItems(c.db, 'details ')).items.map((i) => i.id)).toEqual([it.id]);
  });

  it('applies retention: at most N per source and N days, never starred items', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ guid: `r${i}`, title: `Story ${i}`, date: date(i * 10) }));
    c.srv.route('/r.xml', { body: rss(many) });
    const src = await c.add('/r.xml');
    await pollSource(c.deps({ settings: { retentionDays: 30, maxItemsPerSource: 100 } }), src);
    // The guid is not stored (the id holds it): the stories are told apart by title.
    const oldest = (await allItems()).find((i) => i.title === 'Story 7')!;
    await c.db.put('items', toRecord({ ...oldest, starred: 1 }, knownKeyOf(oldest)));
    c.srv.route('/r.xml', { body: rss([...many, { guid: 'r8', title: 'Story 8', date: date(0) }]) });
    await pollSource(c.deps({ settings: { retentionDays: 30, maxItemsPerSource: 5 } }), (await getSource(c.db, src.id))!);
    const left = (await allItems()).map((i) => i.title).sort();
    expect(left).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3', 'Story 7', 'Story 8']);
    // A month later everything not starred is past retention.
    c.clock.t += 40 * 86_400_000;
    c.srv.route('/r.xml', { body: rss([{ guid: 'new', title: 'Fresh', date: new Date(c.clock.t).toUTCString() }]) });
    await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect((await allItems()).map((i) => i.title).sort()).toEqual(['Fresh', 'Story 7']);
  });
});

describe('faults', () => {
  it('words each failure for the user, and backs off', async () => {
    const cases: Array<[string, object, RegExp, string]> = [
      ['/404', { status: 404, body: 'nope' }, /answered 404/, 'http'],
      ['/500', { status: 500, body: 'boom' }, /server had a problem \(500\)/, 'http'],
      ['/html', { body: '<!doctype html><html><head><title>Hi</title></head><body>page</body></html>', headers: { 'content-type': 'text/html' } }, /HTML page, not a feed/, 'htmlPage'],
      ['/bad.xml', { body: '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</title>\n<item><title>a</item>\n</channel></rss>' }, /line \d+/, 'badXml'],
      ['/hang', { hang: true }, /did not answer within 2 seconds/, 'timeout'],
      ['/trickle', { trickle: 20, body: rss([{ title: 'slow' }]) }, /did not answer within 2 seconds/, 'timeout'],
      ['/big', { body: rss(Array.from({ length: 400 }, (_, i) => ({ guid: `${i}`, title: 'x'.repeat(300) }))) }, /too large/, 'tooLarge'],
    ];
    const srcs = [];
    for (const [p, spec] of cases) {
      c.srv.route(p, spec);
      srcs.push(await c.add(p));
    }
    const good = await c.add('/good.xml');
    c.srv.route('/good.xml', { body: rss([{ guid: 'g', title: 'Fine' }]) });
    const out = await pollDue(c.deps({ maxBytes: 100_000 }));
    expect(out).toHaveLength(cases.length + 1);
    for (const [i, [, , re, code]] of cases.entries()) {
      const s = (await getSource(c.db, srcs[i].id))!;
      expect(s.health, s.url).toBe('error');
      expect(s.problem?.code, s.url).toBe(code);
      expect(words(s), s.url).toMatch(re);
      expect(s.nextPollAt).toBeGreaterThan(c.clock.t);
    }
    expect((await getSource(c.db, good.id))!.health).toBe('ok');
    expect(await allItems()).toHaveLength(1);
  });

  it('backs off exponentially and honours Retry-After', async () => {
    c.srv.route('/down', { status: 503, headers: { 'retry-after': '1800' }, body: '' });
    let s = await c.add('/down', { intervalMin: 1 });
    await pollSource(c.deps(), s);
    s = (await getSource(c.db, s.id))!;
    expect(s.nextPollAt - c.clock.t).toBeGreaterThanOrEqual(1800_000);
    expect(s.problem).toEqual({ code: 'http', status: 503, retryAfterMin: 30 });
    expect(words(s)).toMatch(/wait 30 min/);

    c.srv.route('/busy', { status: 429, headers: { 'retry-after': new Date(c.clock.t + 3600_000).toUTCString() }, body: '' });
    let b = await c.add('/busy', { intervalMin: 1 });
    await pollSource(c.deps(), b);
    b = (await getSource(c.db, b.id))!;
    expect(words(b)).toMatch(/asked too often \(429\)/);
    expect(b.lastStatus).toBe(429);
    // Retry-After as an HTTP date, an hour ahead.
    expect(b.nextPollAt - c.clock.t).toBeGreaterThanOrEqual(3_599_000);

    c.srv.route('/flaky', { status: 500, body: '' });
    let f = await c.add('/flaky', { intervalMin: 1 });
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pollSource(c.deps(), f);
      f = (await getSource(c.db, f.id))!;
      gaps.push(f.nextPollAt - c.clock.t);
    }
    expect(gaps).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(f.failures).toBe(4);
  });

  it('says a redirect loop is a redirect loop, not that the user may be offline', async () => {
    c.srv.route('/loop-a', { status: 302, headers: { location: '/loop-b' }, body: '' });
    c.srv.route('/loop-b', { status: 302, headers: { location: '/loop-a' }, body: '' });
    const a = await c.add('/loop-a');
    await pollSource(c.deps(), a);
    expect((await getSource(c.db, a.id))!.problem).toEqual({ code: 'redirectLoop' });
    // A browser's fetch says only "Failed to fetch": a second look that does not follow redirects tells.
    const browserLike: typeof fetch = async (input, init) => {
      if (init?.redirect === 'manual') return fetch(input, init);
      try {
        return await fetch(input, init);
      } catch {
        throw new TypeError('Failed to fetch');
      }
    };
    const b = await c.add('/loop-b');
    await pollSource(c.deps({ fetch: browserLike }), b);
    const stored = (await getSource(c.db, b.id))!;
    expect(stored.problem).toEqual({ code: 'redirectLoop' });
    expect(words(stored)).toMatch(/redirect loop/);
    // A server that is not there is still "could not reach".
    const gone = await c.add('/x', { url: 'http://127.0.0.1:1/feed.xml' });
    await pollSource(c.deps({ fetch: browserLike }), gone);
    expect((await getSource(c.db, gone.id))!.problem).toEqual({ code: 'unreachable' });
  });

  it('"Refresh now" does not ask a server again inside its Retry-After, but refreshes the others', async () => {
    c.srv.route('/wait', { status: 503, headers: { 'retry-after': '1800' }, body: '' });
    c.srv.route('/broken', { status: 500, body: '' });
    c.srv.route('/fine.xml', { body: rss([{ guid: 'f', title: 'Fine' }]) });
    const wait = await c.add('/wait');
    const broken = await c.add('/broken');
    const fine = await c.add('/fine.xml');
    await pollDue(c.deps());
    expect((await getSource(c.db, wait.id))!.retryUntil).toBe(c.clock.t + 1800_000);
    expect((await getSource(c.db, broken.id))!.retryUntil).toBeUndefined();
    const hits = () => [c.srv.hits('/wait'), c.srv.hits('/broken'), c.srv.hits('/fine.xml')];
    const [w0, b0, f0] = hits();
    c.clock.t += 60_000;
    // "Refresh now" on everything, and on the waiting source alone.
    const out = await pollDue(c.deps(), { force: true });
    expect(out.map((o) => o.sourceId).sort()).toEqual([broken.id, fine.id].sort());
    expect(await pollDue(c.deps(), { force: true, sourceIds: [wait.id] })).toEqual([]);
    expect(hits()).toEqual([w0, b0 + 1, f0 + 1]);
    // Once the wait is over, it is asked again; a success forgets the wait.
    c.clock.t += 1800_000;
    c.srv.route('/wait', { body: rss([{ guid: 'w', title: 'Back' }]) });
    expect(await pollDue(c.deps(), { force: true, sourceIds: [wait.id] })).toMatchObject([{ kind: 'stored' }]);
    expect((await getSource(c.db, wait.id))!).toMatchObject({ health: 'ok', retryUntil: undefined, problem: undefined });
  });

  it('keeps stored items when a source later fails', async () => {
    c.srv.route('/k.xml', { body: rss([{ guid: 'k', title: 'Kept' }]) });
    const src = await c.add('/k.xml');
    await pollSource(c.deps(), src);
    c.srv.route('/k.xml', { status: 500, body: '' });
    await pollSource(c.deps(), (await getSource(c.db, src.id))!);
    expect((await allItems()).map((i) => i.title)).toEqual(['Kept']);
  });

  it('decodes windows-1252 by the header and ISO-8859-1 by the XML declaration', async () => {
    const body1252 = Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>c</guid><title>Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('ok'), Buffer.from([0x94]), Buffer.from('</title></item></channel></rss>')]);
    c.srv.route('/cp.xml', { body: body1252, headers: { 'content-type': 'application/rss+xml; charset=windows-1252' } });
    const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title><item><guid>l</guid><title>Z'), Buffer.from([0xfc]), Buffer.from('rich</title></item></channel></rss>')]);
    c.srv.route('/latin.xml', { body: latin, headers: { 'content-type': 'application/xml' } });
    await pollDue(c.deps(), { force: true, sourceIds: [(await c.add('/cp.xml')).id, (await c.add('/latin.xml')).id] });
    expect((await allItems()).map((i) => i.title).sort()).toEqual(['Café “ok”', 'Zürich']);
  });

  it('follows a redirect seen several polls in a row', async () => {
    c.srv.route('/new.xml', { body: rss([{ guid: 'm', title: 'Moved' }]), conditional: false });
    c.srv.route('/old.xml', { status: 301, headers: { location: '/new.xml' }, body: '' });
    let s = await c.add('/old.xml');
    for (let i = 0; i < REDIRECTS_TO_MOVE; i++) {
      await pollSource(c.deps(), s);
      s = (await getSource(c.db, s.id))!;
    }
    expect(s.url).toBe(c.srv.url('/new.xml'));
    expect(await allItems()).toHaveLength(1);
  });

  it('a hanging source does not hold up the others', async () => {
    c.srv.route('/hang', { hang: true });
    await c.add('/hang');
    for (let i = 0; i < 6; i++) {
      c.srv.route(`/f${i}.xml`, { body: rss([{ guid: `f${i}`, title: `Feed ${i}` }]) });
      await c.add(`/f${i}.xml`);
    }
    const out = await pollDue(c.deps({ concurrency: 2 }));
    expect(out.filter((o) => o.kind === 'stored')).toHaveLength(6);
    // The hang finishes last: every other source was done while it was still waiting.
    expect(out[out.length - 1]).toMatchObject({ kind: 'error' });
  });
});

describe('news APIs', () => {
  it('polls a NewsAPI-style source with its key and never shows the key in an error', async () => {
    const key = 'demo-key-0123456789';
    const src = await c.add('/demo/v2/top-headlines?country=us', { kind: 'newsapi' });
    const out = await pollSource(c.deps({ getApiKey: async () => key }), src);
    expect(out).toMatchObject({ kind: 'stored' });
    expect((await allItems()).length).toBeGreaterThan(0);
    expect(c.srv.lastHeaders('/demo/v2/top-headlines')?.['x-api-key']).toBe(key);

    const wrong = 'wrong-secret-key-999';
    const bad = await pollSource(c.deps({ getApiKey: async () => wrong }), (await getSource(c.db, src.id))!);
    expect(bad.kind).toBe('error');
    const s = (await getSource(c.db, src.id))!;
    expect(words(s)).toMatch(/401|key/i);
    expect(JSON.stringify(s)).not.toContain(wrong);

    const none = await pollSource(c.deps(), s);
    expect(none).toMatchObject({ kind: 'error', problem: { code: 'needsKey' } });
    expect(problemText({ code: 'needsKey' })).toMatch(/needs an API key/);
  });
});
