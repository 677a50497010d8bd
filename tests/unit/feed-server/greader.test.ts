// The Google Reader API client against FreshRSS's recorded answers: login, discovery, paging, ids,
// writes with the token, and every failure as a problem code.
import { describe, expect, it } from 'vitest';
import { apiBases, connect, editSubscription, editTag, itemIds, itemsSince, longItemId, markAllAsRead, shortItemId, subscriptions, userInfo, type ServerSession } from '@/utils/feed-server/greader';
import { problemOf } from '@/utils/problems';
import { problemText } from '@/utils/problem-text';
import * as R from '../../fixtures/feed-server/freshrss';

interface Seen { method: string; url: URL; body: URLSearchParams; auth: string | null }

/** A fake server: `route` answers each request; every request is recorded. */
function server(route: (r: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const f: typeof fetch = async (input, init) => {
    const r: Seen = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      body: new URLSearchParams(init?.body ? String(init.body) : ''),
      auth: new Headers(init?.headers).get('authorization'),
    };
    seen.push(r);
    return route(r);
  };
  return { fetch: f, seen };
}

const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } });
const BASE = 'http://127.0.0.1:8390/api/greader.php';
const session = (f: typeof fetch): ServerSession => ({ base: BASE, auth: R.AUTH, fetch: f });

describe('the feed server client', () => {
  it('turns long ids into short ones and back, as strings (all 64 bits)', () => {
    expect(shortItemId('tag:google.com,2005:reader/item/0006620254549fd8')).toBe('1796612004552664');
    expect(longItemId('1796612004552664')).toBe('tag:google.com,2005:reader/item/0006620254549fd8');
    expect(shortItemId('tag:google.com,2005:reader/item/ffffffffffffffff')).toBe('-1');
    expect(longItemId('-1')).toBe('tag:google.com,2005:reader/item/ffffffffffffffff');
    expect(shortItemId('1796612004552664')).toBe('1796612004552664');
  });

  it('finds the API from the documented address or the site root; HTTPS except loopback', () => {
    expect(apiBases('http://127.0.0.1:8390/api/greader.php')).toEqual([BASE]);
    expect(apiBases('https://rss.example.org/api/greader.php/accounts/ClientLogin')).toEqual(['https://rss.example.org/api/greader.php']);
    expect(apiBases('https://reader.example.org/')).toEqual(['https://reader.example.org', 'https://reader.example.org/api/greader.php']);
    expect(apiBases('reader.example.org')).toEqual(['https://reader.example.org', 'https://reader.example.org/api/greader.php']);
    expect(apiBases('http://localhost:8080')[0]).toBe('http://localhost:8080');
    expect(() => apiBases('http://reader.example.org/api/greader.php')).toThrowError(expect.objectContaining({ problem: { code: 'needsHttps' } }));
    expect(() => apiBases('http://')).toThrowError(expect.objectContaining({ problem: { code: 'invalidUrl' } }));
  });

  it('logs in, trying the API path under a site root, and sends the token on every call', async () => {
    const s = server((r) => {
      if (r.url.pathname === '/accounts/ClientLogin') return new Response('not here', { status: 404 });
      if (r.url.pathname === '/api/greader.php/accounts/ClientLogin') {
        expect(r.method).toBe('POST');
        return r.body.get('Passwd') === 'alice-api-pass' ? new Response(R.LOGIN_OK) : new Response('Unauthorized!', { status: 401 });
      }
      expect(r.auth).toBe(`GoogleLogin auth=${R.AUTH}`);
      if (r.url.pathname.endsWith('/user-info')) return json(R.USER_INFO);
      return new Response('', { status: 500 });
    });
    const sess = await connect('http://127.0.0.1:8390', 'alice', 'alice-api-pass', { fetch: s.fetch });
    expect(sess.base).toBe(BASE);
    expect(sess.auth).toBe(R.AUTH);
    expect(await userInfo(sess)).toEqual({ userName: 'alice' });
    const wrong = await connect('http://127.0.0.1:8390', 'alice', 'nope', { fetch: s.fetch }).catch(problemOf);
    expect(wrong).toEqual({ code: 'serverRefused' });
    expect(problemText({ code: 'serverRefused' })).toMatch(/refused the user name or API password/);
  });

  it('reads subscriptions with their labels and feed addresses', async () => {
    const s = server((r) => (r.url.searchParams.get('output') === 'json' ? json(R.SUBSCRIPTIONS) : new Response('', { status: 501 })));
    expect(await subscriptions(session(s.fetch))).toEqual([
      { id: 'feed/1', title: 'Local Test News', url: 'http://127.0.0.1:8391/news.xml', htmlUrl: 'http://127.0.0.1:8391/', labels: ['Tech'] },
    ]);
  });

  it('pages stream/contents until the continuation is gone, keeping read and starred', async () => {
    const s = server((r) => {
      const c = r.url.searchParams.get('c');
      return json(c === null ? R.PAGE_1 : c === R.PAGE_1.continuation ? R.PAGE_2 : R.PAGE_3);
    });
    const items = await itemsSince(session(s.fetch), 1796612000, 2);
    expect(items.map((i) => [i.title, i.shortId, i.read, i.starred, i.feedId])).toEqual([
      ['Third post', '1796612004552665', true, true, 'feed/1'],
      ['Second post', '1796612004552664', false, false, 'feed/1'],
      ['First post', '1796612004552663', false, false, 'feed/1'],
    ]);
    expect(items[0]).toMatchObject({ url: 'http://127.0.0.1:8391/posts/3', html: 'Hello Third post', published: (1704276000 - 3 * 86400) * 1000 });
    expect(s.seen).toHaveLength(3);
    expect(s.seen[0]!.url.pathname).toBe('/api/greader.php/reader/api/0/stream/contents/user/-/state/com.google/reading-list');
    expect(s.seen[0]!.url.searchParams.get('ot')).toBe('1796612000');
  });

  it('lists unread ids excluding read ones', async () => {
    const s = server(() => json(R.UNREAD_IDS));
    expect(await itemIds(session(s.fetch), 'user/-/state/com.google/reading-list', 'user/-/state/com.google/read')).toEqual(['1796612004552664', '1796612004552663']);
    expect(s.seen[0]!.url.searchParams.get('xt')).toBe('user/-/state/com.google/read');
  });

  it('writes with the edit token: edit-tag in one call for many ids, mark-all-as-read, subscription edits', async () => {
    const s = server(() => new Response('OK'));
    const sess = session(s.fetch);
    await editTag(sess, R.TOKEN, ['1796612004552664', 'tag:google.com,2005:reader/item/0006620254549fd9'], { add: 'user/-/state/com.google/read' });
    expect(s.seen[0]!.body.get('T')).toBe(R.TOKEN);
    expect(s.seen[0]!.body.getAll('i')).toEqual(['tag:google.com,2005:reader/item/0006620254549fd8', 'tag:google.com,2005:reader/item/0006620254549fd9']);
    await markAllAsRead(sess, R.TOKEN, 'user/-/label/Tech', 1_700_000_000_123);
    expect(s.seen[1]!.body.get('ts')).toBe('1700000000123000000');
    await editSubscription(sess, R.TOKEN, 'feed/1', { title: 'Renamed', label: 'Blogs', from: 'Tech' });
    expect(Object.fromEntries(s.seen[2]!.body)).toMatchObject({ ac: 'edit', s: 'feed/1', t: 'Renamed', a: 'user/-/label/Blogs', r: 'user/-/label/Tech' });
  });

  it('gives a problem, never a crash, for a server that is down, slow, refuses or answers nonsense', async () => {
    const down = server(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await subscriptions(session(down.fetch)).catch(problemOf)).toEqual({ code: 'unreachable' });
    const slow: typeof fetch = (_i, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await subscriptions({ ...session(slow), timeoutMs: 20 }).catch(problemOf)).toEqual({ code: 'timeout', seconds: 0 });
    const refused = server(() => new Response('Unauthorized!', { status: 401 }));
    expect(await itemIds(session(refused.fetch), 'x').catch(problemOf)).toEqual({ code: 'serverRefused' });
    const nonsense = server(() => new Response('<html>hello</html>'));
    expect(await itemsSince(session(nonsense.fetch), 0).catch(problemOf)).toEqual({ code: 'notFeedServer' });
    const broken = server(() => new Response('oops', { status: 503, headers: { 'retry-after': '120' } }));
    expect(await subscriptions(session(broken.fetch)).catch(problemOf)).toEqual({ code: 'http', status: 503, retryAfterMin: 2 });
    for (const code of ['serverRefused', 'notFeedServer', 'needsHttps'] as const) expect(problemText({ code })).not.toMatch(/problem_/);
  });
});
